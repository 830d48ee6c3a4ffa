package io.github.modelartsjobs.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.modelartsjobs.core.domain.JobStatus;
import io.github.modelartsjobs.core.domain.JobVersionRef;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.error.ErrorContext;
import io.github.modelartsjobs.core.error.JobNotFoundException;
import io.github.modelartsjobs.core.error.ThrottledException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryJobDetailsPortTest {

  private static TrainingJob version(long jobId, long versionId, String name) {
    return TrainingJob.builder(jobId, versionId)
        .jobName(Optional.of(name))
        .status(JobStatus.RUNNING)
        .build();
  }

  @Test
  void answersWithTheJobPutForAVersion() {
    TrainingJob job = version(10, 12, "first");
    InMemoryJobDetailsPort port = InMemoryJobDetailsPort.of(job);

    TrainingJob answered = port.versionDetails(JobVersionRef.of(10, 12));

    assertThat(answered).isSameAs(job);
    assertThat(port.calls()).isEqualTo(1);
  }

  @Test
  void versionNeverPutIsNotFound() {
    InMemoryJobDetailsPort port = InMemoryJobDetailsPort.of(version(10, 12, "first"));

    assertThatThrownBy(() -> port.versionDetails(JobVersionRef.of(10, 13)))
        .isInstanceOf(JobNotFoundException.class)
        .hasMessage("training job 10 version 13 not found");
  }

  @Test
  void listsTheVersionsOfAJobNewestFirst() {
    InMemoryJobDetailsPort port =
        InMemoryJobDetailsPort.of(
            version(10, 5, "old"), version(10, 12, "new"), version(11, 99, "other"));

    var versions = port.versions(10);

    assertThat(versions.versions()).extracting(TrainingJob::versionId).containsExactly(12L, 5L);
    assertThat(versions.jobName()).contains("new");
    assertThat(versions.versionCount()).hasValue(2);
  }

  @Test
  void stagedFailureIsThrownUntilTheVersionIsPutAgain() {
    TrainingJob job = version(10, 12, "first");
    InMemoryJobDetailsPort port = InMemoryJobDetailsPort.of(job);
    JobVersionRef ref = JobVersionRef.of(10, 12);
    port.failWith(ref, () -> new ThrottledException(ErrorContext.forVersion(10, 12), null, null));

    assertThatThrownBy(() -> port.versionDetails(ref)).isInstanceOf(ThrottledException.class);
    port.put(job);
    assertThat(port.versionDetails(ref)).isSameAs(job);
  }
}
