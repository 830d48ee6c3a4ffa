package io.github.modelartsjobs.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class JobVersionsTest {

  @Test
  void latestIsTheFirstVersionListed() {
    TrainingJob newest = TrainingJob.builder(10, 12).build();
    TrainingJob older = TrainingJob.builder(10, 11).build();

    JobVersions versions = versions(List.of(newest, older));

    assertThat(versions.latest()).contains(newest);
  }

  @Test
  void jobWithoutVersionsHasNoLatest() {
    JobVersions versions = versions(List.of());

    assertThat(versions.latest()).isEmpty();
  }

  @Test
  void versionsAreCopiedAndFrozen() {
    List<TrainingJob> list = new ArrayList<>(List.of(TrainingJob.builder(10, 12).build()));

    JobVersions versions = versions(list);
    list.clear();

    assertThat(versions.versions()).hasSize(1);
    assertThatThrownBy(() -> versions.versions().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void jobIdLessThanOneIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new JobVersions(
                    0,
                    Optional.empty(),
                    Optional.empty(),
                    OptionalLong.empty(),
                    List.of(),
                    Map.of()))
        .withMessage("jobId must be at least 1, but was 0");
  }

  @Test
  void refNamesJobAndVersion() {
    JobVersionRef ref = JobVersionRef.of(10, 12);

    assertThat(ref).hasToString("job 10 version 12");
    assertThat(ref).isEqualTo(new JobVersionRef(10, 12));
    assertThat(JobVersionRef.requirePositive("id", 1)).isEqualTo(1);
  }

  private static JobVersions versions(List<TrainingJob> list) {
    return new JobVersions(
        10, Optional.of("resnet"), Optional.empty(), OptionalLong.of(list.size()), list, null);
  }
}
