package io.github.modelartsjobs.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.modelartsjobs.core.domain.ClassMetric;
import io.github.modelartsjobs.core.domain.EngineType;
import io.github.modelartsjobs.core.domain.JobStatus;
import io.github.modelartsjobs.core.domain.JobVersions;
import io.github.modelartsjobs.core.domain.MetricSeries;
import io.github.modelartsjobs.core.domain.Parameter;
import io.github.modelartsjobs.core.domain.SystemMetrics;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.domain.Volume;
import io.github.modelartsjobs.core.error.ErrorContext;
import io.github.modelartsjobs.core.error.ModelArtsException;
import io.github.modelartsjobs.core.error.RequestRejectedException;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleBodiesTest {

  private final JobJsonCodec codec = JobJsonCodec.create();

  @Test
  void documentedVersionDetailReadsEveryDocumentedPart() {
    byte[] body = Samples.bytes(Samples.DOCS_VERSION_DETAIL);

    TrainingJob job = codec.readVersionDetails(body, ErrorContext.EMPTY);

    assertThat(job.jobId()).isEqualTo(10);
    assertThat(job.versionId()).isEqualTo(10);
    assertThat(job.jobName()).contains("TestModelArtsJob");
    assertThat(job.previousVersionId()).hasValue(5);
    assertThat(job.status()).contains(JobStatus.COMPLETED);
    assertThat(job.status().orElseThrow().isTerminal()).isTrue();
    assertThat(job.engine().type()).contains(EngineType.TENSORFLOW);
    assertThat(job.engine().version()).contains("TF-1.4.0-python2.7");
    assertThat(job.timing().duration()).contains(Duration.ofMinutes(8).plusMillis(52_003));
    assertThat(job.timing().created()).contains(Instant.parse("2018-04-20T02:06:30.635Z"));
    assertThat(job.timing().started()).contains(Instant.ofEpochMilli(1563172362000L));
    assertThat(job.parameters()).contains(List.of(Parameter.of("learning_rate", "0.01")));
    assertThat(job.resources().cores()).hasValue(2);
    assertThat(job.resources().memoryGb()).hasValue(8);
    assertThat(job.resources().gpuCount()).hasValue(2);
    assertThat(job.resources().specCode()).contains("modelarts.vm.gpu.v100");
    assertThat(job.data().sources().orElseThrow())
        .singleElement()
        .satisfies(s -> assertThat(s.type()).contains("obs"));
    assertThat(job.nas().type()).contains("nfs");
    assertThat(job.undocumentedFields()).isEmpty();
  }

  @Test
  void documentedVersionDetailHasEightSeriesOfSevenPoints() {
    byte[] body = Samples.bytes(Samples.DOCS_VERSION_DETAIL);

    SystemMetrics metrics =
        codec.readVersionDetails(body, ErrorContext.EMPTY).systemMetrics().orElseThrow();

    assertThat(metrics.series()).hasSize(8);
    assertThat(metrics.series().values()).allSatisfy(s -> assertThat(s.size()).isEqualTo(7));
    assertThat(metrics.interval()).hasValue(1);
    MetricSeries recv = metrics.get("recvBytesRate").orElseThrow();
    assertThat(recv.toArray()).containsExactly(0, 5770405.50, 2980077.75, 0, 0, 0, 0);
    assertThat(metrics.get("cpuUsage").orElseThrow().max()).hasValue(5.76);
    assertThat(metrics.otherFields()).isEmpty();
  }

  @Test
  void documentedVersionDetailReadsTheMetricListSentAsAString() {
    byte[] body = Samples.bytes(Samples.DOCS_VERSION_DETAIL);

    TrainingJob job = codec.readVersionDetails(body, ErrorContext.EMPTY);

    ClassMetric class0 = job.modelMetrics().orElseThrow().forClass(0).orElseThrow();
    assertThat(class0.values().recall()).hasValue(0.005833);
    assertThat(class0.values().precision()).hasValue(0.000178);
    assertThat(class0.className()).contains("0");
    assertThat(job.modelMetrics().orElseThrow().total().orElseThrow().values().get("id"))
        .hasValue(0);
  }

  @Test
  void documentedVersionDetailReadsTheNfsAndHostPathVolumes() {
    byte[] body = Samples.bytes(Samples.DOCS_VERSION_DETAIL);

    List<Volume> volumes =
        codec.readVersionDetails(body, ErrorContext.EMPTY).volumes().orElseThrow();

    assertThat(volumes).hasSize(2);
    assertThat(volumes.get(0).kind()).isEqualTo(Volume.NFS);
    assertThat(volumes.get(0).id()).contains("43b37236-9afa-4855-8174-32254b9562e7");
    assertThat(volumes.get(0).sourcePath()).contains("192.168.8.150:/");
    assertThat(volumes.get(0).destinationPath()).contains("/home/work/nas");
    assertThat(volumes.get(0).readOnly()).contains(false);
    assertThat(volumes.get(1).kind()).isEqualTo(Volume.HOST_PATH);
    assertThat(volumes.get(1).sourcePath()).contains("/root/work");
    assertThat(volumes.get(1).destinationPath()).contains("/home/mind");
  }

  @Test
  void realisticVersionDetailKeepsTheUnknownEngineAndItsName() {
    byte[] body = Samples.bytes(Samples.REALISTIC_VERSION_DETAIL);

    TrainingJob job = codec.readVersionDetails(body, ErrorContext.EMPTY);

    EngineType type = job.engine().type().orElseThrow();
    assertThat(type.code()).isEqualTo(1000);
    assertThat(type.isKnown()).isFalse();
    assertThat(job.engine().name()).contains("INNER_TensorFlow");
    assertThat(job.engine().id()).hasValue(500);
    assertThat(job.jobId()).isEqualTo(9275);
    assertThat(job.versionId()).isEqualTo(10617);
    assertThat(job.previousVersionId()).isEmpty();
    assertThat(job.code().appUrl()).isEmpty();
    assertThat(job.data().sources()).isEmpty();
    assertThat(job.volumes()).isEmpty();
  }

  @Test
  void realisticVersionDetailReadsCoresAndMemorySentAsStrings() {
    byte[] body = Samples.bytes(Samples.REALISTIC_VERSION_DETAIL);

    TrainingJob job = codec.readVersionDetails(body, ErrorContext.EMPTY);

    assertThat(job.resources().cores()).hasValue(8);
    assertThat(job.resources().memoryGb()).hasValue(64);
    assertThat(job.resources().gpuType()).contains("nvidia-v100-pcie");
  }

  @Test
  void realisticVersionDetailReadsTheMetricListSentAsAnObject() {
    byte[] body = Samples.bytes(Samples.REALISTIC_VERSION_DETAIL);

    TrainingJob job = codec.readVersionDetails(body, ErrorContext.EMPTY);

    var metrics = job.modelMetrics().orElseThrow();
    var total = metrics.total().orElseThrow().values();
    assertThat(total.f1Score()).hasValue(0.995958);
    assertThat(total.get("top-1")).hasValue(0.996094);
    assertThat(total.get("top-5")).hasValue(1);
    ClassMetric tulips = metrics.forClass(4).orElseThrow();
    assertThat(tulips.className()).contains("tulips");
    assertThat(tulips.values().f1Score().getAsDouble()).isCloseTo(0.990099, within(1e-12));
    assertThat(metrics.otherFields()).containsOnlyKeys("images_outputs");
  }

  @Test
  void realisticVersionDetailKeepsTheUndocumentedFieldsReachable() {
    byte[] body = Samples.bytes(Samples.REALISTIC_VERSION_DETAIL);

    Map<String, Object> other =
        codec.readVersionDetails(body, ErrorContext.EMPTY).undocumentedFields();

    assertThat(other)
        .containsEntry("billing", Map.of("unit_num", 1L, "code", "modelarts.vm.gpu.v100NV"));
    @SuppressWarnings("unchecked")
    Map<String, Object> flavor = (Map<String, Object>) other.get("flavor_info");
    assertThat(flavor).containsEntry("cpu", Map.of("arch", "x86", "core_num", 8L));
    assertThat(other).containsEntry("is_zombie", null).containsEntry("pool_type", "SYSTEM_DEFINED");
    assertThat(other).doesNotContainKeys("is_success", "job_id", "core", "engine_type");
    assertThat(other.keySet()).startsWith("is_zombie", "retrain_model_id", "algorithm_id");
  }

  @Test
  void documentedVersionsListReadsTwoVersionsNewestFirst() {
    byte[] body = Samples.bytes(Samples.DOCS_VERSIONS_LIST);

    JobVersions versions = codec.readVersions(body, ErrorContext.forJob(10));

    assertThat(versions.jobId()).isEqualTo(10);
    assertThat(versions.versionCount()).hasValue(2);
    assertThat(versions.versions()).extracting(TrainingJob::versionId).containsExactly(10L, 5L);
    assertThat(versions.versions())
        .allSatisfy(
            v -> {
              assertThat(v.jobId()).isEqualTo(10);
              assertThat(v.jobName()).contains("TestModelArtsJob");
              assertThat(v.jobDescription()).contains("TestModelArtsJob desc");
              assertThat(v.undocumentedFields()).containsEntry("gpu", true);
            });
    assertThat(versions.versions().get(1).status()).contains(JobStatus.FAILED);
    assertThat(versions.versions().get(1).previousVersionId()).isEmpty();
  }

  @Test
  void documentedVersionsListReadsTheSystemMetricsSentAsAString() {
    byte[] body = Samples.bytes(Samples.DOCS_VERSIONS_LIST);

    JobVersions versions = codec.readVersions(body, ErrorContext.forJob(10));

    for (TrainingJob version : versions.versions()) {
      SystemMetrics metrics = version.systemMetrics().orElseThrow();
      assertThat(metrics.series()).containsOnlyKeys("cpuUsage", "memUsage", "gpuUtil");
      assertThat(metrics.get("cpuUsage").orElseThrow().toArray()).containsExactly(0, 3.10, 5.76, 0);
      assertThat(metrics.interval()).hasValue(1);
      assertThat(version.undocumentedFields()).doesNotContainKey("system_metric_list");
    }
  }

  @Test
  void documentedErrorBecomesTheTypedErrorForItsCode() {
    byte[] body = Samples.bytes(Samples.DOCS_ERROR);

    assertThatThrownBy(() -> codec.readVersionDetails(body, ErrorContext.forVersion(10, 12)))
        .isInstanceOf(RequestRejectedException.class)
        .hasMessage(
            "request rejected for training job 10 version 12 (ModelArts.0105): " + "Error string")
        .satisfies(
            e -> {
              ErrorContext context = ((ModelArtsException) e).context();
              assertThat(context.errorCode()).isEqualTo("ModelArts.0105");
              assertThat(context.serviceMessage()).isEqualTo("Error string");
            });
  }

  @Test
  void documentedErrorReadsAsAnErrorBody() {
    byte[] body = Samples.bytes(Samples.DOCS_ERROR);

    var error = codec.readErrorBody(body);

    assertThat(error).contains(new ServiceErrorBody("ModelArts.0105", "Error string", null));
  }

  @Test
  void readingFromAStreamGivesTheSameJobAsFromBytes() {
    byte[] body = Samples.bytes(Samples.REALISTIC_VERSION_DETAIL);

    TrainingJob fromStream =
        codec.readVersionDetails(new ByteArrayInputStream(body), ErrorContext.EMPTY);

    assertThat(fromStream).isEqualTo(codec.readVersionDetails(body, ErrorContext.EMPTY));
  }
}
