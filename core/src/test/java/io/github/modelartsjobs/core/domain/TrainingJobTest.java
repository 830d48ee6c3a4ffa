package io.github.modelartsjobs.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TrainingJobTest {

  @Test
  void newBuilderLeavesEveryPartAbsent() {
    TrainingJob job = TrainingJob.builder(10, 12).build();

    assertThat(job.jobId()).isEqualTo(10);
    assertThat(job.versionId()).isEqualTo(12);
    assertThat(job.ref()).isEqualTo(JobVersionRef.of(10, 12));
    assertThat(job.jobName()).isEmpty();
    assertThat(job.jobDescription()).isEmpty();
    assertThat(job.versionName()).isEmpty();
    assertThat(job.previousVersionId()).isEmpty();
    assertThat(job.status()).isEmpty();
    assertThat(job.engine()).isEqualTo(Engine.NONE);
    assertThat(job.timing()).isEqualTo(Timing.NONE);
    assertThat(job.resources()).isEqualTo(ResourceSpec.NONE);
    assertThat(job.code()).isEqualTo(CodeSpec.NONE);
    assertThat(job.data()).isEqualTo(DataInputs.NONE);
    assertThat(job.outputs()).isEqualTo(Outputs.NONE);
    assertThat(job.nas()).isEqualTo(NasMount.NONE);
    assertThat(job.parameters()).isEmpty();
    assertThat(job.volumes()).isEmpty();
    assertThat(job.modelMetrics()).isEmpty();
    assertThat(job.systemMetrics()).isEmpty();
    assertThat(job.undocumentedFields()).isEmpty();
  }

  @Test
  void absentGroupsHoldOnlyEmptyParts() {
    assertThat(Timing.NONE.created()).isEmpty();
    assertThat(Timing.NONE.duration()).isEmpty();
    assertThat(ResourceSpec.NONE.cores()).isEmpty();
    assertThat(ResourceSpec.NONE.gpuCount()).isEmpty();
    assertThat(Outputs.NONE.modelId()).isEmpty();
    assertThat(DataInputs.NONE.sources()).isEmpty();
    assertThat(Engine.NONE.type()).isEmpty();
  }

  @Test
  void zeroAndEmptyValuesStayDistinctFromAbsentOnes() {
    TrainingJob job =
        TrainingJob.builder(10, 12)
            .jobName(Optional.of(""))
            .timing(new Timing(Optional.empty(), Optional.empty(), Optional.of(Duration.ZERO)))
            .parameters(Optional.of(List.of()))
            .build();

    assertThat(job.jobName()).contains("");
    assertThat(job.timing().duration()).contains(Duration.ZERO);
    assertThat(job.parameters()).contains(List.of());
    assertThat(job).isNotEqualTo(TrainingJob.builder(10, 12).build());
  }

  @Test
  void idsLessThanOneAreRejectedWithTheirValue() {
    assertThatThrownBy(() -> TrainingJob.builder(0, 12))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("jobId must be at least 1, but was 0");
    assertThatThrownBy(() -> TrainingJob.builder(10, -3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("versionId must be at least 1, but was -3");
  }

  @Test
  void builderRejectsNullParts() {
    TrainingJob.Builder builder = TrainingJob.builder(10, 12);

    assertThatNullPointerException().isThrownBy(() -> builder.jobName(null)).withMessage("jobName");
    assertThatNullPointerException().isThrownBy(() -> builder.engine(null)).withMessage("engine");
    assertThatNullPointerException().isThrownBy(() -> builder.status((JobStatus) null));
    assertThatNullPointerException()
        .isThrownBy(() -> builder.undocumentedFields(null))
        .withMessage("undocumentedFields");
  }

  @Test
  void toBuilderWithoutChangesGivesAnEqualJob() {
    TrainingJob job = fullJob();

    TrainingJob copy = job.toBuilder().build();

    assertThat(copy).isEqualTo(job).hasSameHashCodeAs(job);
    assertThat(copy.undocumentedFields()).isEqualTo(job.undocumentedFields());
  }

  @Test
  void toBuilderChangesOnlyWhatIsSet() {
    TrainingJob job = fullJob();

    TrainingJob changed = job.toBuilder().status(JobStatus.FAILED).build();

    assertThat(changed.status()).contains(JobStatus.FAILED);
    assertThat(job.status()).contains(JobStatus.RUNNING);
    assertThat(changed).isNotEqualTo(job);
    assertThat(changed.toBuilder().status(JobStatus.RUNNING).build()).isEqualTo(job);
  }

  @Test
  void jobsDifferingInOnePartAreNotEqual() {
    TrainingJob job = fullJob();

    assertThat(job.toBuilder().jobDescription(Optional.of("other")).build()).isNotEqualTo(job);
    assertThat(job.toBuilder().previousVersionId(OptionalLong.empty()).build()).isNotEqualTo(job);
    assertThat(job.toBuilder().resources(ResourceSpec.NONE).build()).isNotEqualTo(job);
    assertThat(job.toBuilder().code(CodeSpec.NONE).build()).isNotEqualTo(job);
    assertThat(job.toBuilder().data(DataInputs.NONE).build()).isNotEqualTo(job);
    assertThat(job.toBuilder().outputs(Outputs.NONE).build()).isNotEqualTo(job);
    assertThat(job.toBuilder().volumes(Optional.empty()).build()).isNotEqualTo(job);
    assertThat(job.toBuilder().nas(NasMount.NONE).build()).isNotEqualTo(job);
    assertThat(job.toBuilder().modelMetrics(Optional.empty()).build()).isNotEqualTo(job);
    assertThat(job.toBuilder().systemMetrics(Optional.empty()).build()).isNotEqualTo(job);
    assertThat(job.toBuilder().undocumentedFields(Map.of()).build()).isNotEqualTo(job);
    assertThat(TrainingJob.builder(10, 13).build())
        .isNotEqualTo(TrainingJob.builder(10, 12).build());
  }

  @Test
  void listsAreCopiedWhenBuilt() {
    List<Parameter> parameters = new ArrayList<>(List.of(Parameter.of("lr", "0.01")));
    TrainingJob.Builder builder = TrainingJob.builder(10, 12).parameters(Optional.of(parameters));

    TrainingJob job = builder.build();
    parameters.add(Parameter.of("epochs", "3"));

    assertThat(job.parameters()).contains(List.of(Parameter.of("lr", "0.01")));
  }

  @Test
  void listsCannotBeChangedThroughTheJob() {
    TrainingJob job = fullJob();

    List<Parameter> parameters = job.parameters().orElseThrow();
    List<Volume> volumes = job.volumes().orElseThrow();

    assertThatThrownBy(() -> parameters.add(Parameter.of("x", "y")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> volumes.clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void undocumentedFieldsAreCopiedDeeplyAndFrozen() {
    List<Object> flavors = new ArrayList<>(List.of("a"));
    Map<String, Object> flavorInfo = new LinkedHashMap<>();
    flavorInfo.put("names", flavors);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("flavor_info", flavorInfo);
    fields.put("billing", null);

    TrainingJob job = TrainingJob.builder(10, 12).undocumentedFields(fields).build();
    flavors.add("b");
    flavorInfo.put("more", 1L);
    fields.put("pool_type", "x");

    assertThat(job.undocumentedFields())
        .containsOnlyKeys("flavor_info", "billing")
        .containsEntry("billing", null)
        .containsEntry("flavor_info", Map.of("names", List.of("a")));
    assertThatThrownBy(() -> job.undocumentedFields().put("x", 1L))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void dataSourcesAreCopiedWhenBuilt() {
    List<DataSource> sources = new ArrayList<>();
    sources.add(source("obs"));

    DataInputs inputs = dataWith(sources);
    sources.add(source("dataset"));

    assertThat(inputs.sources()).contains(List.of(source("obs")));
    assertThatThrownBy(() -> inputs.sources().orElseThrow().add(source("obs")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void summaryNamesTheVersionItsNameAndStatus() {
    TrainingJob job =
        TrainingJob.builder(10, 12)
            .jobName(Optional.of("resnet"))
            .status(JobStatus.COMPLETED)
            .build();

    assertThat(job).hasToString("TrainingJob[job 10 version 12 \"resnet\", JOBSTAT_COMPLETED(10)]");
    assertThat(TrainingJob.builder(10, 12).build()).hasToString("TrainingJob[job 10 version 12]");
  }

  @Test
  void timingGivesTheEndOfAVersionThatStartedAndRan() {
    Instant start = Instant.parse("2024-01-01T10:00:00Z");

    Timing timing =
        new Timing(Optional.empty(), Optional.of(start), Optional.of(Duration.ofMinutes(90)));

    assertThat(timing.startPlusDuration()).contains(Instant.parse("2024-01-01T11:30:00Z"));
    assertThat(Timing.NONE.startPlusDuration()).isEmpty();
  }

  private static TrainingJob fullJob() {
    return TrainingJob.builder(10, 12)
        .jobName(Optional.of("resnet"))
        .jobDescription(Optional.of("image classification"))
        .versionName(Optional.of("V0002"))
        .previousVersionId(OptionalLong.of(11))
        .engine(
            new Engine(
                Optional.of(EngineType.TENSORFLOW),
                Optional.of("TensorFlow"),
                Optional.of("TF-1.8.0-python3.6"),
                OptionalLong.of(5)))
        .status(JobStatus.RUNNING)
        .timing(
            new Timing(
                Optional.of(Instant.ofEpochMilli(1_524_189_990_635L)),
                Optional.of(Instant.ofEpochMilli(1_524_190_000_000L)),
                Optional.of(Duration.ofMillis(532_000))))
        .resources(
            new ResourceSpec(
                OptionalLong.of(1),
                Optional.of("modelarts.vm.gpu.v100"),
                OptionalDouble.of(8),
                OptionalDouble.of(64),
                OptionalInt.of(1),
                Optional.of("nvidia-v100-pcie"),
                OptionalInt.of(1),
                Optional.empty(),
                Optional.empty(),
                Optional.of("r1")))
        .code(
            new CodeSpec(
                Optional.of("/bucket/code/"),
                Optional.of("/bucket/code/train.py"),
                Optional.empty(),
                Optional.empty()))
        .data(dataWith(List.of(source("obs"))))
        .outputs(new Outputs(Optional.of("/bucket/out/"), Optional.empty(), OptionalLong.of(7)))
        .parameters(Optional.of(List.of(Parameter.of("lr", "0.01"))))
        .volumes(
            Optional.of(
                List.of(
                    new Volume(
                        Volume.NFS,
                        Optional.of("v1"),
                        Optional.of("/src"),
                        Optional.of("/dst"),
                        Optional.of(true),
                        Map.of()))))
        .nas(new NasMount(Optional.of("/mnt"), Optional.empty(), Optional.of("nfs")))
        .modelMetrics(Optional.of(new ModelMetrics(List.of(), Optional.empty(), Map.of("x", "y"))))
        .systemMetrics(
            Optional.of(
                new SystemMetrics(
                    OptionalLong.of(1),
                    Map.of("cpuUsage", MetricSeries.of("cpuUsage", 1, 2)),
                    Map.of())))
        .undocumentedFields(Map.of("pool_type", "public"))
        .build();
  }

  private static DataInputs dataWith(List<DataSource> sources) {
    return new DataInputs(
        Optional.of("/bucket/data/"),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(sources));
  }

  private static DataSource source(String type) {
    return new DataSource(
        Optional.of(type), Optional.of("/bucket/data/"), Optional.empty(), Optional.empty(), null);
  }
}
