package io.github.modelartsjobs.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.modelartsjobs.core.domain.JobStatus;
import io.github.modelartsjobs.core.domain.JobVersions;
import io.github.modelartsjobs.core.domain.Timing;
import io.github.modelartsjobs.core.domain.TrainingJob;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class VersionsTableTest {

  @Test
  void oneRowPerVersionInTheOrderGivenWithDashesForWhatIsMissing() {
    TrainingJob newest = SampleJobs.documented();
    TrainingJob older =
        TrainingJob.builder(10, 5)
            .versionName(Optional.of("V0001"))
            .status(JobStatus.FAILED)
            .timing(
                new Timing(
                    Optional.of(Instant.ofEpochMilli(1524100000000L)),
                    Optional.empty(),
                    Optional.of(Duration.ofMillis(120500))))
            .build();
    JobVersions versions =
        new JobVersions(
            10,
            Optional.of("TestModelArtsJob"),
            Optional.empty(),
            OptionalLong.of(2),
            List.of(newest, older),
            Map.of());

    String text = VersionsTable.render(versions);

    assertThat(text)
        .isEqualTo(
            "Job 10 TestModelArtsJob: 2 versions\n"
                + "\n"
                + "VERSION  NAME        STATUS             CREATED                  DURATION  "
                + "  ENGINE\n"
                + "10       jobVersion  JOBSTAT_COMPLETED  2018-04-20 02:06:30 UTC  8m 52.003s"
                + "  TensorFlow TF-1.4.0-python2.7\n"
                + "5        V0001       JOBSTAT_FAILED     2018-04-19 01:06:40 UTC  2m 0.5s  "
                + "   -\n");
  }

  @Test
  void aJobWithoutVersionsSaysSo() {
    JobVersions versions =
        new JobVersions(
            7, Optional.empty(), Optional.empty(), OptionalLong.empty(), List.of(), Map.of());

    String text = VersionsTable.render(versions);

    assertThat(text).isEqualTo("Job 7: 0 versions\n");
  }

  @Test
  void aListWithoutAJobNameTakesTheNameOfTheNewestVersionThatHasOne() {
    TrainingJob newest = TrainingJob.builder(70, 2).jobName(Optional.of("nightly-train")).build();
    TrainingJob older = TrainingJob.builder(70, 1).jobName(Optional.of("old-name")).build();
    JobVersions versions =
        new JobVersions(
            70,
            Optional.empty(),
            Optional.empty(),
            OptionalLong.of(2),
            List.of(newest, older),
            Map.of());

    String text = VersionsTable.render(versions);

    assertThat(text).startsWith("Job 70 nightly-train: 2 versions\n");
  }

  @Test
  void aListWithoutAJobNameSkipsVersionsWithoutOne() {
    TrainingJob newest = TrainingJob.builder(70, 2).build();
    TrainingJob older = TrainingJob.builder(70, 1).jobName(Optional.of("nightly-train")).build();
    JobVersions versions =
        new JobVersions(
            70,
            Optional.empty(),
            Optional.empty(),
            OptionalLong.of(2),
            List.of(newest, older),
            Map.of());

    String text = VersionsTable.render(versions);

    assertThat(text).startsWith("Job 70 nightly-train: 2 versions\n");
  }
}
