package io.github.modelartsjobs.app;

import io.github.modelartsjobs.core.domain.ClassMetric;
import io.github.modelartsjobs.core.domain.DataInputs;
import io.github.modelartsjobs.core.domain.DataSource;
import io.github.modelartsjobs.core.domain.Engine;
import io.github.modelartsjobs.core.domain.EngineType;
import io.github.modelartsjobs.core.domain.JobStatus;
import io.github.modelartsjobs.core.domain.MetricSeries;
import io.github.modelartsjobs.core.domain.MetricValues;
import io.github.modelartsjobs.core.domain.ModelMetrics;
import io.github.modelartsjobs.core.domain.Parameter;
import io.github.modelartsjobs.core.domain.ResourceSpec;
import io.github.modelartsjobs.core.domain.SystemMetrics;
import io.github.modelartsjobs.core.domain.Timing;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.domain.Volume;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The table output of {@code job-info}: one training job version as a person reads it. What one
 * wants first comes first (job, version, status with its class, engine), then timing in human
 * units, resources, code, data, outputs, parameters, volumes, the model metrics in total and per
 * class, each system metric as a sparkline with its min, mean and max, and the names of the fields
 * the service sent that no table documents. Sections the version has nothing for are left out.
 */
final class JobTable {

  /** The widest a sparkline gets, in characters; longer series are averaged down to it. */
  static final int SPARKLINE_WIDTH = 32;

  private static final int WRAP_WIDTH = 76;

  private JobTable() {}

  /**
   * Renders one version.
   *
   * @param job the version
   * @return the text, each line ending with a line break
   */
  static String render(TrainingJob job) {
    TextLayout.Report report = new TextLayout.Report();

    TextLayout.Section head = report.section(null);
    head.row("Job", job.jobName().map(n -> n + " (id " + job.jobId() + ")"))
        .row("Job", job.jobName().isEmpty() ? "id " + job.jobId() : null)
        .row("Description", job.jobDescription())
        .row("Version", version(job))
        .row("Status", job.status().map(Formats::status))
        .row("Engine", engine(job.engine()));

    timing(report.section("Timing"), job.timing(), job.status());
    resources(report.section("Resources"), job.resources());
    report
        .section("Code")
        .row("Directory", job.code().appUrl())
        .row("Boot file", job.code().bootFileUrl())
        .row("Image", job.code().userImageUrl())
        .row("Command", job.code().userCommand());
    data(report.section("Data"), job.data());
    report
        .section("Outputs")
        .row("Output", job.outputs().trainUrl())
        .row("Logs", job.outputs().logUrl())
        .row("Model", ids(job.outputs().modelId()));
    parameters(report.section("Parameters"), job.parameters().orElse(List.of()));
    volumes(report.section("Volumes"), job.volumes().orElse(List.of()));
    report
        .section("SFS (NAS) mount")
        .row("Mount path", job.nas().mountPath())
        .row("Share", job.nas().shareAddress())
        .row("Type", job.nas().type());
    job.modelMetrics().ifPresent(m -> modelMetrics(report, m));
    job.systemMetrics().ifPresent(m -> systemMetrics(report, m));
    otherFields(report.section("Undocumented fields (values in --output json)"), job);
    return report.render();
  }

  private static String version(TrainingJob job) {
    StringBuilder ids = new StringBuilder("id ").append(job.versionId());
    job.previousVersionId().ifPresent(p -> ids.append(", previous ").append(p));
    return job.versionName().map(n -> n + " (" + ids + ")").orElse(ids.toString());
  }

  /** Such as {@code TensorFlow TF-1.4.0-python2.7 (type 1, id 1)}; null when nothing is known. */
  static String engine(Engine engine) {
    List<String> words = new ArrayList<>();
    engine.displayName().ifPresent(words::add);
    engine.version().ifPresent(words::add);
    List<String> details = new ArrayList<>();
    engine.type().map(EngineType::code).ifPresent(c -> details.add("type " + c));
    engine.id().ifPresent(id -> details.add("id " + id));
    if (!details.isEmpty()) {
      words.add("(" + String.join(", ", details) + ")");
    }
    return words.isEmpty() ? null : String.join(" ", words);
  }

  private static void timing(
      TextLayout.Section section, Timing timing, Optional<JobStatus> status) {
    section
        .row("Created", timing.created().map(Formats::instant))
        .row("Started", timing.started().map(Formats::instant))
        .row("Duration", timing.duration().map(Formats::duration));
    if (status.filter(JobStatus::isTerminal).isPresent()) {
      section.row("Ended", timing.startPlusDuration().map(Formats::instant));
    }
  }

  private static void resources(TextLayout.Section section, ResourceSpec r) {
    String specId = r.specId().isPresent() ? "spec " + r.specId().getAsLong() : null;
    section.row(
        "Flavor",
        r.specCode().map(c -> specId == null ? c : c + " (" + specId + ")").or(() -> o(specId)));

    List<String> cpu = new ArrayList<>();
    r.cores().ifPresent(c -> cpu.add(Formats.number(c) + (c == 1 ? " core" : " cores")));
    r.memoryGb().ifPresent(m -> cpu.add(Formats.number(m) + " GB"));
    section.row("CPU", String.join(", ", cpu));

    Optional<String> gpuType = r.gpuType().filter(t -> !t.isBlank());
    if (r.gpuCount().isPresent() && r.gpuCount().getAsInt() > 0) {
      int count = r.gpuCount().getAsInt();
      section.row("GPU", count + gpuType.map(t -> " x " + t).orElse(count == 1 ? " GPU" : " GPUs"));
    } else {
      section.row("GPU", gpuType);
    }
    if (r.workerCount().isPresent()) {
      section.row("Workers", Integer.toString(r.workerCount().getAsInt()));
    }
    section
        .row("Pool", r.poolName().map(n -> r.poolId().map(id -> n + " (" + id + ")").orElse(n)))
        .row("Pool", r.poolName().isEmpty() ? r.poolId() : Optional.empty())
        .row("Billing id", r.resourceId());
  }

  private static void data(TextLayout.Section section, DataInputs d) {
    section
        .row("Path", d.dataUrl())
        .row("Dataset", named(d.datasetName(), d.datasetId()))
        .row("Dataset version", named(d.datasetVersionName(), d.datasetVersionId()));
    for (DataSource source : d.sources().orElse(List.of())) {
      List<String> words = new ArrayList<>();
      source.type().ifPresent(words::add);
      source.dataUrl().ifPresent(words::add);
      source.datasetId().ifPresent(id -> words.add("dataset " + id));
      source.datasetVersion().ifPresent(v -> words.add("version " + v));
      section.row("Source", String.join(" ", words));
    }
  }

  private static void parameters(TextLayout.Section section, List<Parameter> parameters) {
    for (Parameter p : parameters) {
      section.row(
          p.label().orElse("(unnamed)"),
          p.value().filter(v -> !v.isBlank()).or(() -> o("(empty)")));
    }
  }

  private static void volumes(TextLayout.Section section, List<Volume> volumes) {
    for (Volume v : volumes) {
      StringBuilder text = new StringBuilder();
      text.append(v.sourcePath().orElse("?"))
          .append(" -> ")
          .append(v.destinationPath().orElse("?"));
      List<String> details = new ArrayList<>();
      v.readOnly().ifPresent(ro -> details.add(ro ? "read-only" : "read-write"));
      v.id().ifPresent(id -> details.add("id " + id));
      if (!details.isEmpty()) {
        text.append(" (").append(String.join(", ", details)).append(')');
      }
      section.row(v.kind(), text.toString());
    }
  }

  private static void modelMetrics(TextLayout.Report report, ModelMetrics metrics) {
    TextLayout.Section total = report.section("Model metrics (all classes)");
    metrics.total().ifPresent(t -> values(total, t.values()));

    TextLayout.Section perClass = report.section("Model metrics per class");
    if (metrics.classes().isEmpty()) {
      return;
    }
    Set<String> names = new LinkedHashSet<>();
    metrics.classes().forEach(c -> names.addAll(c.values().numbers().keySet()));
    List<String> header = new ArrayList<>(List.of("CLASS", "NAME"));
    header.addAll(names);
    perClass.columns(header.toArray(String[]::new));
    for (ClassMetric c : metrics.classes()) {
      List<String> row = new ArrayList<>();
      row.add(c.classId().isPresent() ? Long.toString(c.classId().getAsLong()) : "-");
      row.add(c.className().filter(n -> !n.isBlank()).orElse("-"));
      for (String name : names) {
        OptionalDouble value = c.values().get(name);
        row.add(value.isPresent() ? Formats.number(value.getAsDouble()) : "-");
      }
      perClass.columns(row.toArray(String[]::new));
    }
  }

  private static void values(TextLayout.Section section, MetricValues values) {
    values.numbers().forEach((name, value) -> section.row(name, Formats.number(value)));
    values.others().forEach((name, value) -> section.row(name, scalar(value)));
  }

  private static void systemMetrics(TextLayout.Report report, SystemMetrics metrics) {
    String title = "System metrics";
    if (metrics.interval().isPresent()) {
      title += " (interval " + metrics.interval().getAsLong() + ")";
    }
    TextLayout.Section section = report.section(title);
    for (MetricSeries series : metrics.series().values()) {
      if (series.min().isEmpty()) {
        continue;
      }
      section.columns(
          series.name(),
          Sparkline.of(series.toArray(), SPARKLINE_WIDTH),
          "min " + Formats.brief(series.min().getAsDouble()),
          "mean " + Formats.brief(series.mean().getAsDouble()),
          "max " + Formats.brief(series.max().getAsDouble()));
    }
  }

  private static void otherFields(TextLayout.Section section, TrainingJob job) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String key : job.undocumentedFields().keySet()) {
      if (line.length() > 0 && line.length() + key.length() + 2 > WRAP_WIDTH) {
        lines.add(line.append(',').toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? ", " : "").append(key);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    lines.forEach(l -> section.columns(l));
  }

  /** A JSON-shaped value that is not a number, in words; lists and objects only by their size. */
  private static String scalar(Object value) {
    if (value instanceof List<?> list) {
      return "(a list of " + list.size() + ", see --output json)";
    }
    if (value instanceof Map<?, ?> map) {
      return "(an object of " + map.size() + " keys, see --output json)";
    }
    return value == null ? "(none)" : value.toString();
  }

  private static Optional<String> named(Optional<String> name, Optional<String> id) {
    if (name.isPresent()) {
      return Optional.of(id.map(i -> name.get() + " (" + i + ")").orElse(name.get()));
    }
    return id;
  }

  private static Optional<String> ids(OptionalLong id) {
    return id.isPresent() ? Optional.of(Long.toString(id.getAsLong())) : Optional.empty();
  }

  private static Optional<String> o(String value) {
    return Optional.ofNullable(value);
  }
}
