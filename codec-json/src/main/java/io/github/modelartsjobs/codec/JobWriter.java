package io.github.modelartsjobs.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.modelartsjobs.core.domain.ClassMetric;
import io.github.modelartsjobs.core.domain.DataSource;
import io.github.modelartsjobs.core.domain.Engine;
import io.github.modelartsjobs.core.domain.JobVersions;
import io.github.modelartsjobs.core.domain.MetricSeries;
import io.github.modelartsjobs.core.domain.MetricValues;
import io.github.modelartsjobs.core.domain.ModelMetrics;
import io.github.modelartsjobs.core.domain.Parameter;
import io.github.modelartsjobs.core.domain.SystemMetrics;
import io.github.modelartsjobs.core.domain.TotalMetric;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.domain.Volume;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Writes the domain as the service's JSON: documented keys in the order of the API reference,
 * absent parts left out, then the other fields in the order they were read. A field kept as sent
 * under a documented name is written only where the domain part of that name is absent, so no key
 * is written twice.
 */
final class JobWriter {

  private static final double LARGEST_EXACT_WHOLE = 0x1p53;

  private final JsonGenerator g;

  JobWriter(JsonGenerator generator) {
    this.g = generator;
  }

  void writeVersionDetails(TrainingJob job) throws IOException {
    g.writeStartObject();
    g.writeBooleanField("is_success", true);
    Set<String> written = new HashSet<>();
    written.add("is_success");
    writeVersionFields(job, null, written);
    g.writeEndObject();
  }

  void writeVersions(JobVersions versions) throws IOException {
    g.writeStartObject();
    g.writeBooleanField("is_success", true);
    g.writeNumberField("job_id", versions.jobId());
    Set<String> written = new HashSet<>(Set.of("is_success", "job_id"));
    string("job_name", versions.jobName(), written);
    string("job_desc", versions.jobDescription(), written);
    whole("version_count", versions.versionCount(), written);
    g.writeArrayFieldStart("versions");
    written.add("versions");
    for (TrainingJob version : versions.versions()) {
      g.writeStartObject();
      writeVersionFields(version, versions, new HashSet<>(Set.of("job_id")));
      g.writeEndObject();
    }
    g.writeEndArray();
    others(versions.undocumentedFields(), written);
    g.writeEndObject();
  }

  /** Writes the keys of a version; inside a list, the job id, name and description of the list. */
  private void writeVersionFields(TrainingJob job, JobVersions list, Set<String> written)
      throws IOException {
    if (list == null) {
      g.writeNumberField("job_id", job.jobId());
      written.add("job_id");
    }
    g.writeNumberField("version_id", job.versionId());
    written.add("version_id");
    if (list == null) {
      string("job_name", job.jobName(), written);
      string("job_desc", job.jobDescription(), written);
    } else {
      unlessInherited("job_name", job.jobName(), list.jobName(), written);
      unlessInherited("job_desc", job.jobDescription(), list.jobDescription(), written);
    }
    string("version_name", job.versionName(), written);
    whole("pre_version_id", job.previousVersionId(), written);

    Engine engine = job.engine();
    if (engine.type().isPresent()) {
      g.writeNumberField("engine_type", engine.type().get().code());
      written.add("engine_type");
    }
    string("engine_name", engine.name(), written);
    string("engine_version", engine.version(), written);
    whole("engine_id", engine.id(), written);
    if (job.status().isPresent()) {
      g.writeNumberField("status", job.status().get().code());
      written.add("status");
    }

    string("app_url", job.code().appUrl(), written);
    string("boot_file_url", job.code().bootFileUrl(), written);
    instant("create_time", job.timing().created(), written);
    instant("start_time", job.timing().started(), written);
    duration("duration", job.timing().duration(), written);
    if (job.parameters().isPresent()) {
      written.add("parameter");
      writeParameters(job.parameters().get());
    }

    whole("spec_id", job.resources().specId(), written);
    string("spec_code", job.resources().specCode(), written);
    decimal("core", job.resources().cores(), written);
    decimal("cpu", job.resources().memoryGb(), written);
    small("gpu_num", job.resources().gpuCount(), written);
    string("gpu_type", job.resources().gpuType(), written);
    small("worker_server_num", job.resources().workerCount(), written);

    string("data_url", job.data().dataUrl(), written);
    string("train_url", job.outputs().trainUrl(), written);
    string("log_url", job.outputs().logUrl(), written);
    string("dataset_id", job.data().datasetId(), written);
    string("dataset_version_id", job.data().datasetVersionId(), written);
    string("dataset_name", job.data().datasetName(), written);
    string("dataset_version_name", job.data().datasetVersionName(), written);
    if (job.data().sources().isPresent()) {
      written.add("data_source");
      writeSources(job.data().sources().get());
    }
    whole("model_id", job.outputs().modelId(), written);
    if (job.modelMetrics().isPresent()) {
      written.add("model_metric_list");
      g.writeFieldName("model_metric_list");
      writeModelMetrics(job.modelMetrics().get());
    }
    if (job.systemMetrics().isPresent()) {
      written.add("system_metric_list");
      g.writeFieldName("system_metric_list");
      writeSystemMetrics(job.systemMetrics().get());
    }

    string("user_image_url", job.code().userImageUrl(), written);
    string("user_command", job.code().userCommand(), written);
    if (job.volumes().isPresent()) {
      written.add("volumes");
      writeVolumes(job.volumes().get());
    }
    string("pool_id", job.resources().poolId(), written);
    string("pool_name", job.resources().poolName(), written);
    string("resource_id", job.resources().resourceId(), written);
    string("nas_mount_path", job.nas().mountPath(), written);
    string("nas_share_addr", job.nas().shareAddress(), written);
    string("nas_type", job.nas().type(), written);

    others(job.undocumentedFields(), written);
  }

  /** Writes a key of a list item unless the item inherits it from the list; null for none. */
  private void unlessInherited(
      String name, Optional<String> value, Optional<String> ofList, Set<String> written)
      throws IOException {
    if (value.equals(ofList)) {
      return;
    }
    if (value.isPresent()) {
      g.writeStringField(name, value.get());
    } else {
      g.writeNullField(name);
    }
    written.add(name);
  }

  private void writeParameters(List<Parameter> parameters) throws IOException {
    g.writeArrayFieldStart("parameter");
    for (Parameter parameter : parameters) {
      g.writeStartObject();
      Set<String> written = new HashSet<>();
      string("label", parameter.label(), written);
      string("value", parameter.value(), written);
      others(parameter.otherFields(), written);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private void writeSources(List<DataSource> sources) throws IOException {
    g.writeArrayFieldStart("data_source");
    for (DataSource source : sources) {
      g.writeStartObject();
      Set<String> written = new HashSet<>();
      string("type", source.type(), written);
      string("data_url", source.dataUrl(), written);
      string("dataset_id", source.datasetId(), written);
      string("dataset_version", source.datasetVersion(), written);
      others(source.otherFields(), written);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private void writeVolumes(List<Volume> volumes) throws IOException {
    g.writeArrayFieldStart("volumes");
    for (Volume volume : volumes) {
      g.writeStartObject();
      g.writeObjectFieldStart(volume.kind());
      Set<String> written = new HashSet<>();
      string("id", volume.id(), written);
      string("src_path", volume.sourcePath(), written);
      string("dest_path", volume.destinationPath(), written);
      if (volume.readOnly().isPresent()) {
        g.writeBooleanField("read_only", volume.readOnly().get());
        written.add("read_only");
      }
      others(volume.otherFields(), written);
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private void writeModelMetrics(ModelMetrics metrics) throws IOException {
    g.writeStartObject();
    Set<String> written = new HashSet<>();
    Map<String, Object> other = metrics.otherFields();
    if (!metrics.classes().isEmpty() || !other.containsKey("metric")) {
      written.add("metric");
      g.writeArrayFieldStart("metric");
      for (ClassMetric item : metrics.classes()) {
        writeClassMetric(item);
      }
      g.writeEndArray();
    }
    if (metrics.total().isPresent()) {
      written.add("total_metric");
      writeTotalMetric(metrics.total().get());
    }
    others(other, written);
    g.writeEndObject();
  }

  private void writeClassMetric(ClassMetric item) throws IOException {
    g.writeStartObject();
    Set<String> written = new HashSet<>();
    Map<String, Object> other = item.otherFields();
    metricValues("metric_values", item.values(), other, written);
    object("reserved_data", item.reservedData(), other, written);
    boolean metaKept =
        item.classId().isEmpty()
            && item.className().isEmpty()
            && item.otherMeta().isEmpty()
            && other.containsKey("metric_meta");
    if (!metaKept) {
      written.add("metric_meta");
      g.writeObjectFieldStart("metric_meta");
      Set<String> metaWritten = new HashSet<>();
      whole("class_id", item.classId(), metaWritten);
      string("class_name", item.className(), metaWritten);
      others(item.otherMeta(), metaWritten);
      g.writeEndObject();
    }
    others(other, written);
    g.writeEndObject();
  }

  private void writeTotalMetric(TotalMetric total) throws IOException {
    g.writeObjectFieldStart("total_metric");
    Set<String> written = new HashSet<>();
    Map<String, Object> other = total.otherFields();
    metricValues("total_metric_values", total.values(), other, written);
    object("total_metric_meta", total.meta(), other, written);
    object("total_reserved_data", total.reservedData(), other, written);
    others(other, written);
    g.writeEndObject();
  }

  private void metricValues(
      String name, MetricValues values, Map<String, Object> other, Set<String> written)
      throws IOException {
    if (values.numbers().isEmpty() && values.others().isEmpty() && other.containsKey(name)) {
      return;
    }
    written.add(name);
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, Double> entry : values.numbers().entrySet()) {
      g.writeFieldName(entry.getKey());
      number(entry.getValue());
    }
    for (Map.Entry<String, Object> entry : values.others().entrySet()) {
      if (!values.numbers().containsKey(entry.getKey())) {
        g.writeFieldName(entry.getKey());
        value(entry.getValue());
      }
    }
    g.writeEndObject();
  }

  private void object(
      String name, Map<String, Object> map, Map<String, Object> other, Set<String> written)
      throws IOException {
    if (map.isEmpty() && other.containsKey(name)) {
      return;
    }
    written.add(name);
    g.writeFieldName(name);
    value(map);
  }

  private void writeSystemMetrics(SystemMetrics metrics) throws IOException {
    g.writeStartObject();
    Set<String> written = new HashSet<>();
    whole("interval", metrics.interval(), written);
    for (MetricSeries series : metrics.series().values()) {
      if (written.add(series.name())) {
        g.writeArrayFieldStart(series.name());
        for (int i = 0; i < series.size(); i++) {
          double point = series.get(i);
          if (Double.isNaN(point)) {
            g.writeNull();
          } else {
            number(point);
          }
        }
        g.writeEndArray();
      }
    }
    others(metrics.otherFields(), written);
    g.writeEndObject();
  }

  // ---------------------------------------------------------------------------------------------
  // Scalars and values as sent

  private void others(Map<String, Object> fields, Set<String> written) throws IOException {
    for (Map.Entry<String, Object> entry : fields.entrySet()) {
      if (!written.contains(entry.getKey())) {
        g.writeFieldName(entry.getKey());
        value(entry.getValue());
      }
    }
  }

  private void string(String name, Optional<String> value, Set<String> written) throws IOException {
    if (value.isPresent()) {
      g.writeStringField(name, value.get());
      written.add(name);
    }
  }

  private void whole(String name, OptionalLong value, Set<String> written) throws IOException {
    if (value.isPresent()) {
      g.writeNumberField(name, value.getAsLong());
      written.add(name);
    }
  }

  private void small(String name, OptionalInt value, Set<String> written) throws IOException {
    if (value.isPresent()) {
      g.writeNumberField(name, value.getAsInt());
      written.add(name);
    }
  }

  private void decimal(String name, OptionalDouble value, Set<String> written) throws IOException {
    if (value.isPresent()) {
      g.writeFieldName(name);
      number(value.getAsDouble());
      written.add(name);
    }
  }

  private void instant(String name, Optional<Instant> value, Set<String> written)
      throws IOException {
    if (value.isPresent()) {
      long millis;
      try {
        millis = value.get().toEpochMilli();
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(
            name + " must fit in epoch milliseconds, but was " + value.get(), e);
      }
      g.writeNumberField(name, millis);
      written.add(name);
    }
  }

  private void duration(String name, Optional<Duration> value, Set<String> written)
      throws IOException {
    if (value.isPresent()) {
      long millis;
      try {
        millis = value.get().toMillis();
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(
            name + " must fit in milliseconds, but was " + value.get(), e);
      }
      g.writeNumberField(name, millis);
      written.add(name);
    }
  }

  /**
   * Writes a double as a JSON number: a whole number without a fraction, NaN and the infinities as
   * the strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}, which read back.
   */
  private void number(double value) throws IOException {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      g.writeString(Double.toString(value));
    } else if (value == Math.rint(value)
        && Math.abs(value) < LARGEST_EXACT_WHOLE
        && !(value == 0 && 1 / value < 0)) {
      g.writeNumber((long) value);
    } else {
      g.writeNumber(value);
    }
  }

  /** Writes a JSON-shaped value as it was read. */
  private void value(Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      g.writeNumber(((Number) value).longValue());
    } else if (value instanceof BigInteger i) {
      g.writeNumber(i);
    } else if (value instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (value instanceof Double || value instanceof Float) {
      number(((Number) value).doubleValue());
    } else if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        g.writeFieldName(String.valueOf(entry.getKey()));
        value(entry.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof List<?> list) {
      g.writeStartArray();
      for (Object item : list) {
        value(item);
      }
      g.writeEndArray();
    } else {
      throw new IllegalArgumentException(
          "a JSON value must be null, a string, a boolean, a number, a list or a map, but was a "
              + value.getClass().getName());
    }
  }
}
