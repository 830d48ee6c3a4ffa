package io.github.modelartsjobs.app;

import io.github.modelartsjobs.core.domain.ClassMetric;
import io.github.modelartsjobs.core.domain.DataInputs;
import io.github.modelartsjobs.core.domain.DataSource;
import io.github.modelartsjobs.core.domain.Engine;
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
import java.time.Instant;
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
 *
 * <p>Written with plain conditions and loops rather than {@code Optional.map} and lambdas: each
 * lambda is linked at its first call, and the forty of this class took about 5% of the start-up of
 * {@code job-info}, which renders one table.
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
    String jobName = job.jobName().orElse(null);
    JobStatus status = job.status().orElse(null);
    head.row("Job", jobName == null ? "id " + job.jobId() : jobName + " (id " + job.jobId() + ")")
        .row("Description", job.jobDescription())
        .row("Version", version(job))
        .row("Status", status == null ? null : Formats.status(status))
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
    if (job.modelMetrics().isPresent()) {
      modelMetrics(report, job.modelMetrics().get());
    }
    if (job.systemMetrics().isPresent()) {
      systemMetrics(report, job.systemMetrics().get());
    }
    otherFields(report.section("Undocumented fields (values in --output json)"), job);
    return report.render();
  }

  private static String version(TrainingJob job) {
    StringBuilder ids = new StringBuilder("id ").append(job.versionId());
    if (job.previousVersionId().isPresent()) {
      ids.append(", previous ").append(job.previousVersionId().getAsLong());
    }
    String name = job.versionName().orElse(null);
    return name == null ? ids.toString() : name + " (" + ids + ")";
  }

  /** Such as {@code TensorFlow TF-1.4.0-python2.7 (type 1, id 1)}; null when nothing is known. */
  static String engine(Engine engine) {
    List<String> words = new ArrayList<>();
    addIfPresent(words, "", engine.displayName());
    addIfPresent(words, "", engine.version());
    List<String> details = new ArrayList<>();
    if (engine.type().isPresent()) {
      details.add("type " + engine.type().get().code());
    }
    if (engine.id().isPresent()) {
      details.add("id " + engine.id().getAsLong());
    }
    if (!details.isEmpty()) {
      words.add("(" + String.join(", ", details) + ")");
    }
    return words.isEmpty() ? null : String.join(" ", words);
  }

  private static void timing(
      TextLayout.Section section, Timing timing, Optional<JobStatus> status) {
    section
        .row("Created", instant(timing.created()))
        .row("Started", instant(timing.started()))
        .row("Duration", timing.duration().isPresent() ? duration(timing) : null);
    if (status.isPresent() && status.get().isTerminal()) {
      section.row("Ended", instant(timing.startPlusDuration()));
    }
  }

  private static void resources(TextLayout.Section section, ResourceSpec r) {
    String specId = r.specId().isPresent() ? "spec " + r.specId().getAsLong() : null;
    String specCode = r.specCode().orElse(null);
    section.row(
        "Flavor",
        specCode == null || specId == null ? or(specCode, specId) : specCode + " (" + specId + ")");

    List<String> cpu = new ArrayList<>();
    if (r.cores().isPresent()) {
      double cores = r.cores().getAsDouble();
      cpu.add(Formats.number(cores) + (cores == 1 ? " core" : " cores"));
    }
    if (r.memoryGb().isPresent()) {
      cpu.add(Formats.number(r.memoryGb().getAsDouble()) + " GB");
    }
    section.row("CPU", String.join(", ", cpu));

    String gpuType = r.gpuType().orElse(null);
    if (gpuType != null && gpuType.isBlank()) {
      gpuType = null;
    }
    if (r.gpuCount().isPresent() && r.gpuCount().getAsInt() > 0) {
      int count = r.gpuCount().getAsInt();
      section.row(
          "GPU", count + (gpuType != null ? " x " + gpuType : count == 1 ? " GPU" : " GPUs"));
    } else {
      section.row("GPU", gpuType);
    }
    if (r.workerCount().isPresent()) {
      section.row("Workers", Integer.toString(r.workerCount().getAsInt()));
    }
    section.row("Pool", named(r.poolName(), r.poolId())).row("Billing id", r.resourceId());
  }

  private static void data(TextLayout.Section section, DataInputs d) {
    section
        .row("Path", d.dataUrl())
        .row("Dataset", named(d.datasetName(), d.datasetId()))
        .row("Dataset version", named(d.datasetVersionName(), d.datasetVersionId()));
    for (DataSource source : d.sources().orElse(List.of())) {
      List<String> words = new ArrayList<>();
      addIfPresent(words, "", source.type());
      addIfPresent(words, "", source.dataUrl());
      addIfPresent(words, "dataset ", source.datasetId());
      addIfPresent(words, "version ", source.datasetVersion());
      section.row("Source", String.join(" ", words));
    }
  }

  private static void parameters(TextLayout.Section section, List<Parameter> parameters) {
    for (Parameter p : parameters) {
      String value = p.value().orElse("");
      section.row(p.label().orElse("(unnamed)"), value.isBlank() ? "(empty)" : value);
    }
  }

  private static void volumes(TextLayout.Section section, List<Volume> volumes) {
    for (Volume v : volumes) {
      StringBuilder text = new StringBuilder();
      text.append(v.sourcePath().orElse("?"))
          .append(" -> ")
          .append(v.destinationPath().orElse("?"));
      List<String> details = new ArrayList<>();
      if (v.readOnly().isPresent()) {
        details.add(v.readOnly().get() ? "read-only" : "read-write");
      }
      addIfPresent(details, "id ", v.id());
      if (!details.isEmpty()) {
        text.append(" (").append(String.join(", ", details)).append(')');
      }
      section.row(v.kind(), text.toString());
    }
  }

  private static void modelMetrics(TextLayout.Report report, ModelMetrics metrics) {
    TextLayout.Section total = report.section("Model metrics (all classes)");
    if (metrics.total().isPresent()) {
      values(total, metrics.total().get().values());
    }

    TextLayout.Section perClass = report.section("Model metrics per class");
    if (metrics.classes().isEmpty()) {
      return;
    }
    Set<String> names = new LinkedHashSet<>();
    for (ClassMetric c : metrics.classes()) {
      names.addAll(c.values().numbers().keySet());
    }
    List<String> header = new ArrayList<>(List.of("CLASS", "NAME"));
    header.addAll(names);
    perClass.columns(header.toArray(new String[0]));
    for (ClassMetric c : metrics.classes()) {
      List<String> row = new ArrayList<>();
      row.add(c.classId().isPresent() ? Long.toString(c.classId().getAsLong()) : "-");
      String className = c.className().orElse("");
      row.add(className.isBlank() ? "-" : className);
      for (String name : names) {
        OptionalDouble value = c.values().get(name);
        row.add(value.isPresent() ? Formats.number(value.getAsDouble()) : "-");
      }
      perClass.columns(row.toArray(new String[0]));
    }
  }

  private static void values(TextLayout.Section section, MetricValues values) {
    for (Map.Entry<String, Double> number : values.numbers().entrySet()) {
      section.row(number.getKey(), Formats.number(number.getValue()));
    }
    for (Map.Entry<String, Object> other : values.others().entrySet()) {
      section.row(other.getKey(), scalar(other.getValue()));
    }
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
    for (String l : lines) {
      section.columns(l);
    }
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

  /** {@code name (id)}, or whichever of the two is there; null when neither is. */
  private static String named(Optional<String> name, Optional<String> id) {
    if (name.isPresent() && id.isPresent()) {
      return name.get() + " (" + id.get() + ")";
    }
    return or(name.orElse(null), id.orElse(null));
  }

  private static String ids(OptionalLong id) {
    return id.isPresent() ? Long.toString(id.getAsLong()) : null;
  }

  private static String or(String first, String second) {
    return first != null ? first : second;
  }

  private static String instant(Optional<Instant> instant) {
    return instant.isPresent() ? Formats.instant(instant.get()) : null;
  }

  private static String duration(Timing timing) {
    return Formats.duration(timing.duration().get());
  }

  /** Adds the value, after the prefix, when it is there. */
  private static void addIfPresent(List<String> words, String prefix, Optional<String> value) {
    if (value.isPresent()) {
      words.add(prefix + value.get());
    }
  }
}
