package io.github.modelartsjobs.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.modelartsjobs.core.domain.JobStatus;
import io.github.modelartsjobs.core.domain.ResourceSpec;
import io.github.modelartsjobs.core.domain.TrainingJob;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class JobTableTest {

  @Test
  void headShowsJobVersionStatusWithClassAndEngineFirst() {
    TrainingJob job = SampleJobs.documented();

    List<String> lines = JobTable.render(job).lines().toList();

    assertThat(lines.subList(0, 5))
        .containsExactly(
            "Job          TestModelArtsJob (id 10)",
            "Description  TestModelArtsJob desc",
            "Version      jobVersion (id 10, previous 5)",
            "Status       JOBSTAT_COMPLETED (10), succeeded",
            "Engine       TensorFlow TF-1.4.0-python2.7 (type 1, id 1)");
  }

  @Test
  void timingIsInHumanUnitsAndUtc() {
    TrainingJob job = SampleJobs.documented();

    String text = JobTable.render(job);

    assertThat(text)
        .contains(
            "Timing\n"
                + "  Created   2018-04-20 02:06:30.635 UTC\n"
                + "  Started   2019-07-15 06:32:42 UTC\n"
                + "  Duration  8m 52.003s\n"
                + "  Ended     2019-07-15 06:41:34.003 UTC\n");
  }

  @Test
  void resourcesDataOutputsAndParametersReadAsWords() {
    TrainingJob job = SampleJobs.documented();

    String text = JobTable.render(job);

    assertThat(text)
        .contains(
            "Resources\n"
                + "  Flavor   modelarts.vm.gpu.v100 (spec 1)\n"
                + "  CPU      2 cores, 8 GB\n"
                + "  GPU      2 x P100\n"
                + "  Workers  1\n"
                + "  Pool     p100 (pool9928813f)\n")
        .contains(
            "Data\n"
                + "  Path             /usr/data/\n"
                + "  Dataset          dataset-test (38277e62-9e59-48f4-8d89-c8cf41622c24)\n"
                + "  Dataset version  dataset-version-test (2ff0d6ba-c480-45ae-be41-09a8369bfc90)\n"
                + "  Source           obs /demo-bucket/mnist/data/\n")
        .contains("Outputs\n  Output  /usr/train/\n  Logs    /usr/log/\n  Model   1\n")
        .contains("Parameters\n  learning_rate  0.01\n")
        .contains("Volumes\n  nfs  192.168.8.150:/ -> /home/work/nas (read-write, id 43b37236)\n");
  }

  @Test
  void totalMetricsAndATablePerClass() {
    TrainingJob job = SampleJobs.documented();

    String text = JobTable.render(job);

    assertThat(text)
        .contains(
            "Model metrics (all classes)\n"
                + "  recall     0.005833\n"
                + "  id         0\n"
                + "  precision  0.000178\n"
                + "  accuracy   0.000937\n")
        .contains(
            "Model metrics per class\n"
                + "  CLASS  NAME  recall    precision  accuracy\n"
                + "  0      0     0.005833  0.000178   0.000937\n");
  }

  @Test
  void eachSystemMetricIsOneSparklineWithMinMeanAndMax() {
    TrainingJob job = SampleJobs.documented();

    String text = JobTable.render(job);

    assertThat(text)
        .contains(
            "System metrics (interval 1)\n"
                + "  cpuUsage       ▁▅█▁▁▁▁  min 0  mean 1.27   max 5.76\n"
                + "  recvBytesRate  ▁█▅▁▁▁▁  min 0  mean 1.25M  max 5.77M\n");
  }

  @Test
  void undocumentedFieldsAreNamedNotDumped() {
    TrainingJob job = SampleJobs.documented();

    String text = JobTable.render(job);

    assertThat(text)
        .contains("Undocumented fields (values in --output json)\n")
        .containsPattern("  (flavor_info, pool_type|pool_type, flavor_info)\n")
        .doesNotContain("USER_DEFINED");
  }

  @Test
  void aVersionWithOnlyIdsPrintsNoEmptySectionsAndNoNulls() {
    TrainingJob job = SampleJobs.bare(10, 12);

    String text = JobTable.render(job);

    assertThat(text).isEqualTo("Job      id 10\nVersion  id 12\n");
  }

  @Test
  void noPartOfTheFullJobPrintsAsNullOrOptional() {
    TrainingJob job = SampleJobs.documented();

    String text = JobTable.render(job);

    assertThat(text).doesNotContainIgnoringCase("null").doesNotContain("Optional");
    assertThat(text.lines()).allSatisfy(line -> assertThat(line).doesNotEndWith(" "));
  }

  @Test
  void unknownStatusAndEngineKeepTheirCodes() {
    TrainingJob job =
        TrainingJob.builder(9275, 10617)
            .status(JobStatus.of(42))
            .engine(
                new io.github.modelartsjobs.core.domain.Engine(
                    Optional.of(io.github.modelartsjobs.core.domain.EngineType.of(1000)),
                    Optional.of("INNER_TensorFlow"),
                    Optional.empty(),
                    OptionalLong.empty()))
            .build();

    String text = JobTable.render(job);

    assertThat(text)
        .contains("Status   unknown status (42), unknown\n")
        .contains("Engine   INNER_TensorFlow (type 1000)\n");
  }

  @Test
  void cpuFlavorWithBlankGpuTypeShowsNoGpuLine() {
    TrainingJob job =
        TrainingJob.builder(1, 1)
            .resources(
                new ResourceSpec(
                    OptionalLong.empty(),
                    Optional.empty(),
                    OptionalDouble.of(1),
                    OptionalDouble.of(64),
                    OptionalInt.of(0),
                    Optional.of(""),
                    OptionalInt.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of("jobbc4a1f13")))
            .build();

    String text = JobTable.render(job);

    assertThat(text)
        .contains("Resources\n  CPU         1 core, 64 GB\n  Billing id  jobbc4a1f13\n")
        .doesNotContain("GPU");
  }

  @Test
  void endIsShownOnlyOnceTheVersionHasEnded() {
    TrainingJob running = SampleJobs.documented().toBuilder().status(JobStatus.RUNNING).build();

    String text = JobTable.render(running);

    assertThat(text).contains("Duration  8m 52.003s\n").doesNotContain("Ended");
  }
}
