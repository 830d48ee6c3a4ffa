package io.github.modelartsjobs.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.modelartsjobs.core.domain.JobStatus;
import io.github.modelartsjobs.core.domain.ModelMetrics;
import io.github.modelartsjobs.core.domain.SystemMetrics;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.error.ErrorContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the service is inconsistent, the codec reads what it means. */
class LenientReadingTest {

  private final JobJsonCodec codec = JobJsonCodec.create();

  private TrainingJob read(String fields) {
    String body =
        "{\"job_id\": 10, \"version_id\": 12" + (fields.isEmpty() ? "" : ", ") + fields + "}";
    return codec.readVersionDetails(body.getBytes(StandardCharsets.UTF_8), ErrorContext.EMPTY);
  }

  @Test
  void idsAndCodesSentAsStringsAreRead() {
    TrainingJob job =
        codec.readVersionDetails(
            ("{\"job_id\": \"10\", \"version_id\": \"12\","
                    + " \"status\": \"8\", \"engine_type\": \"1\"}")
                .getBytes(StandardCharsets.UTF_8),
            ErrorContext.EMPTY);

    assertThat(job.ref().jobId()).isEqualTo(10);
    assertThat(job.versionId()).isEqualTo(12);
    assertThat(job.status()).contains(JobStatus.RUNNING);
    assertThat(job.engine().type().orElseThrow().code()).isEqualTo(1);
  }

  @Test
  void coresAndMemoryAreReadFromNumbersAndStrings() {
    TrainingJob numbers = read("\"core\": 2, \"cpu\": 8.5");
    TrainingJob strings = read("\"core\": \"2\", \"cpu\": \"8.5\"");

    assertThat(numbers.resources().cores()).hasValue(2);
    assertThat(numbers.resources().memoryGb()).hasValue(8.5);
    assertThat(strings.resources()).isEqualTo(numbers.resources());
  }

  @Test
  void stringFieldsSentAsNumbersKeepTheNumberText() {
    TrainingJob job =
        read("\"job_name\": 42, \"parameter\": [{\"label\": \"lr\", \"value\": 1.50E-3}]");

    assertThat(job.jobName()).contains("42");
    assertThat(job.parameters().orElseThrow().get(0).value()).contains("1.50E-3");
  }

  @Test
  void metricListsReadTheSameFromAnObjectAndFromAString() {
    String metrics =
        "{\"metric\": [{\"metric_values\": {\"recall\": \"0.5\"}, \"metric_meta\": "
            + "{\"class_id\": 1, \"class_name\": \"cat\"}}], \"total_metric\": "
            + "{\"total_metric_values\": {\"f1_score\": 0.75}}}";
    String series = "{\"cpuUsage\": [\"1.5\", 2, null, \"n/a\"], \"interval\": 30}";
    TrainingJob asObjects =
        read("\"model_metric_list\": " + metrics + ", \"system_metric_list\": " + series);
    TrainingJob asStrings =
        read(
            "\"model_metric_list\": "
                + quoted(metrics)
                + ", \"system_metric_list\": "
                + quoted(series));

    assertThat(asStrings.modelMetrics()).isEqualTo(asObjects.modelMetrics());
    assertThat(asStrings.systemMetrics()).isEqualTo(asObjects.systemMetrics());
    assertThat(asObjects.modelMetrics().orElseThrow().forClass(1).orElseThrow().values().recall())
        .hasValue(0.5);
    SystemMetrics system = asObjects.systemMetrics().orElseThrow();
    assertThat(system.get("cpuUsage").orElseThrow().toArray())
        .containsExactly(1.5, 2, Double.NaN, Double.NaN);
    assertThat(system.interval()).hasValue(30);
  }

  @Test
  void nullMeansAbsentForEveryOptionalField() {
    TrainingJob job =
        read(
            "\"job_name\": null, \"status\": null, \"core\": null, \"parameter\": null,"
                + " \"volumes\": null, \"data_source\": null, \"model_metric_list\": null,"
                + " \"system_metric_list\": null, \"create_time\": null, \"pre_version_id\": null");

    assertThat(job)
        .isEqualTo(io.github.modelartsjobs.core.domain.TrainingJob.builder(10, 12).build());
  }

  @Test
  void unknownKeysAreKeptInOrderAtEveryLevel() {
    TrainingJob job =
        read(
            "\"zeta\": 1, \"alpha\": {\"nested\": [true, null, 1.25, 12345678901234567890]},"
                + " \"parameter\": [{\"label\": \"a\", \"tip\": \"x\"}],"
                + " \"volumes\": [{\"nfs\": {\"id\": \"v\", \"mode\": 7}}]");

    assertThat(job.undocumentedFields().keySet()).containsExactly("zeta", "alpha");
    assertThat(job.undocumentedFields().get("alpha"))
        .isEqualTo(
            Map.of(
                "nested",
                java.util.Arrays.asList(
                    true,
                    null,
                    new java.math.BigDecimal("1.25"),
                    new java.math.BigInteger("12345678901234567890"))));
    assertThat(job.parameters().orElseThrow().get(0).otherFields()).containsEntry("tip", "x");
    assertThat(job.volumes().orElseThrow().get(0).otherFields()).containsEntry("mode", 7L);
  }

  @Test
  void unknownStatusAndEngineCodesKeepTheirNumbers() {
    TrainingJob job = read("\"status\": 42, \"engine_type\": 1000");

    assertThat(job.status().orElseThrow().code()).isEqualTo(42);
    assertThat(job.status().orElseThrow().isKnown()).isFalse();
    assertThat(job.engine().type().orElseThrow().code()).isEqualTo(1000);
  }

  @Test
  void documentedKeyThatCannotBeReadIsKeptAsSentUnderItsName() {
    TrainingJob job =
        read(
            "\"status\": \"running\", \"job_name\": {\"zh\": \"作业\"}, \"gpu_num\": 1e30,"
                + " \"core\": \"\", \"create_time\": 1.5, \"volumes\": \"none\"");

    assertThat(job.status()).isEmpty();
    assertThat(job.jobName()).isEmpty();
    assertThat(job.resources()).isEqualTo(io.github.modelartsjobs.core.domain.ResourceSpec.NONE);
    assertThat(job.timing().created()).isEmpty();
    assertThat(job.volumes()).isEmpty();
    assertThat(job.undocumentedFields())
        .containsEntry("status", "running")
        .containsEntry("job_name", Map.of("zh", "作业"))
        .containsEntry("gpu_num", new java.math.BigDecimal("1e30"))
        .containsEntry("core", "")
        .containsEntry("create_time", new java.math.BigDecimal("1.5"))
        .containsEntry("volumes", "none");
  }

  @Test
  void structuredKeyWithAnOddItemIsKeptWholeAsSent() {
    TrainingJob job =
        read(
            "\"volumes\": [{\"nfs\": {\"id\": \"a\"}}, {\"nfs\": {}, \"host_path\": {}}],"
                + " \"parameter\": [{\"label\": \"a\"}, \"b\"], \"status\": 10");

    assertThat(job.volumes()).isEmpty();
    assertThat(job.parameters()).isEmpty();
    assertThat(job.undocumentedFields().get("volumes"))
        .isEqualTo(
            List.of(
                Map.of("nfs", Map.of("id", "a")), Map.of("nfs", Map.of(), "host_path", Map.of())));
    assertThat(job.undocumentedFields().get("parameter"))
        .isEqualTo(List.of(Map.of("label", "a"), "b"));
    assertThat(job.status()).contains(JobStatus.COMPLETED);
  }

  @Test
  void oddPartsInsideMetricsAreKeptInTheirObject() {
    TrainingJob job =
        read(
            "\"model_metric_list\": {\"metric\": [{\"metric_values\": [1, 2],"
                + " \"metric_meta\": {\"class_id\": \"x\"}}], \"total_metric\": 5},"
                + " \"system_metric_list\": {\"gpuUtil\": [\"1\", {\"odd\": true}],"
                + " \"note\": \"hi\"}");

    ModelMetrics metrics = job.modelMetrics().orElseThrow();
    assertThat(metrics.total()).isEmpty();
    assertThat(metrics.otherFields()).containsEntry("total_metric", 5L);
    assertThat(metrics.classes().get(0).otherFields())
        .containsEntry("metric_values", List.of(1L, 2L));
    assertThat(metrics.classes().get(0).otherMeta()).containsEntry("class_id", "x");
    SystemMetrics system = job.systemMetrics().orElseThrow();
    assertThat(system.series()).isEmpty();
    assertThat(system.otherFields())
        .containsEntry("gpuUtil", List.of("1", Map.of("odd", true)))
        .containsEntry("note", "hi");
  }

  @Test
  void metricListInAStringThatIsNotJsonIsKeptAsTheString() {
    TrainingJob job = read("\"model_metric_list\": \"\", \"system_metric_list\": \"{oops\"");

    assertThat(job.modelMetrics()).isEmpty();
    assertThat(job.systemMetrics()).isEmpty();
    assertThat(job.undocumentedFields())
        .containsEntry("model_metric_list", "")
        .containsEntry("system_metric_list", "{oops");
  }

  @Test
  void byteOrderMarkIsSkipped() {
    byte[] json =
        "{\"job_id\": 10, \"version_id\": 12, \"volumes\": [1]}".getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[json.length + 3];
    body[0] = (byte) 0xEF;
    body[1] = (byte) 0xBB;
    body[2] = (byte) 0xBF;
    System.arraycopy(json, 0, body, 3, json.length);

    TrainingJob job = codec.readVersionDetails(body, ErrorContext.EMPTY);

    assertThat(job.versionId()).isEqualTo(12);
    assertThat(job.undocumentedFields()).containsEntry("volumes", List.of(1L));
  }

  private static String quoted(String json) {
    return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
