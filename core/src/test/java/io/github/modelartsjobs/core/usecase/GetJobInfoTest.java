package io.github.modelartsjobs.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.modelartsjobs.core.domain.JobStatus;
import io.github.modelartsjobs.core.domain.JobVersionRef;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.error.JobNotFoundException;
import io.github.modelartsjobs.core.testing.InMemoryJobDetailsPort;
import io.github.modelartsjobs.core.testing.TestJobs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three ways of getting a job's info, against a port held in memory. */
class GetJobInfoTest {

  private final TrainingJob older = TestJobs.named(10, 11, "resnet", 10);
  private final TrainingJob newer = TestJobs.named(10, 12, "resnet", 8);
  private final InMemoryJobDetailsPort port = InMemoryJobDetailsPort.serving(older, newer);
  private final Session session = Session.of(port);

  @Test
  void estimatorGetsTheVersionItWasMadeFor() {
    Estimator estimator = new Estimator(session, 10, 12);

    TrainingJob job = estimator.getJobInfo();

    assertThat(job).isEqualTo(newer);
    assertThat(port.detailCalls()).containsExactly(JobVersionRef.of(10, 12));
  }

  @Test
  void sessionMakesEstimatorsLikeTheConstructor() {
    Estimator estimator = session.estimator(10, 11);

    TrainingJob job = estimator.getJobInfo();

    assertThat(job).isEqualTo(older);
    assertThat(estimator.ref()).isEqualTo(JobVersionRef.of(10, 11));
    assertThat(estimator).hasToString("Estimator[job 10 version 11]");
  }

  @Test
  void jobHandleGetsTheVersionItStandsFor() {
    JobHandle handle = session.job(10, 12);

    TrainingJob job = handle.getJobInfo();

    assertThat(job).isEqualTo(newer);
    assertThat(handle.jobId()).isEqualTo(10);
    assertThat(handle.versionId()).isEqualTo(12);
    assertThat(handle).hasToString("JobHandle[job 10 version 12]");
    assertThat(port.detailCalls()).containsExactly(JobVersionRef.of(10, 12));
  }

  @Test
  void versionsAreListedNewestFirst() {
    List<JobVersionEntry> entries = session.getJobVersions(10);

    assertThat(entries)
        .extracting(JobVersionEntry::ref)
        .containsExactly(JobVersionRef.of(10, 12), JobVersionRef.of(10, 11));
    assertThat(entries.get(0).summary()).isEqualTo(newer);
    assertThat(entries.get(0)).hasToString("JobVersionEntry[job 10 version 12]");
    assertThat(port.versionsCalls()).containsExactly(10L);
    assertThat(port.detailCalls()).isEmpty();
  }

  @Test
  void versionEntryReadsTheDetailsAfresh() {
    JobVersionEntry entry = session.getJobVersions(10).get(0);
    TrainingJob completed = newer.toBuilder().status(JobStatus.COMPLETED).build();
    port.put(completed);

    TrainingJob job = entry.getJobInfo();

    assertThat(job).isEqualTo(completed);
    assertThat(entry.summary().status()).contains(JobStatus.RUNNING);
    assertThat(port.detailCalls()).containsExactly(JobVersionRef.of(10, 12));
  }

  @Test
  void allThreeWaysGiveTheSameDetailsThroughTheSameCall() {
    TrainingJob byIds = session.getJobInfo(10, 12);
    TrainingJob byHandle = session.getJobInfo(session.job(10, 12));
    TrainingJob byEntry = session.getJobInfo(session.getJobVersions(10).get(0));

    assertThat(byIds).isEqualTo(newer);
    assertThat(byHandle).isEqualTo(newer);
    assertThat(byEntry).isEqualTo(newer);
    assertThat(port.detailCalls()).containsOnly(JobVersionRef.of(10, 12)).hasSize(3);
  }

  @Test
  void missingVersionIsNotFoundWhicheverWayItIsAsked() {
    assertThatThrownBy(() -> new Estimator(session, 10, 99).getJobInfo())
        .isInstanceOf(JobNotFoundException.class)
        .hasMessage("training job 10 version 99 not found");
    assertThatThrownBy(() -> session.job(10, 99).getJobInfo())
        .isInstanceOf(JobNotFoundException.class)
        .hasMessage("training job 10 version 99 not found");
    assertThatThrownBy(() -> session.getJobVersions(77))
        .isInstanceOf(JobNotFoundException.class)
        .hasMessage("training job 77 not found");
  }

  @Test
  void versionEntryWhoseVersionWasDeletedSinceIsNotFound() {
    JobVersionEntry entry = session.getJobVersions(10).get(0);
    InMemoryJobDetailsPort emptied = new InMemoryJobDetailsPort();
    Session other = Session.of(emptied);

    assertThatThrownBy(() -> other.getJobInfo(entry))
        .isInstanceOf(JobNotFoundException.class)
        .hasMessage("training job 10 version 12 not found");
  }

  @Test
  void idsLessThanOneAreRejectedBeforeAnyCall() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Estimator(session, 0, 1))
        .withMessage("jobId must be at least 1, but was 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> session.job(1, 0))
        .withMessage("versionId must be at least 1, but was 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> session.getJobVersions(-5))
        .withMessage("jobId must be at least 1, but was -5");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> session.getJobInfo(0, 1))
        .withMessage("jobId must be at least 1, but was 0");
    assertThat(port.detailCalls()).isEmpty();
    assertThat(port.versionsCalls()).isEmpty();
  }

  @Test
  void estimatorListsTheVersionsOfItsJob() {
    List<JobVersionEntry> entries = session.estimator(10, 11).getJobVersionInfo();

    assertThat(entries).extracting(e -> e.ref().versionId()).containsExactly(12L, 11L);
  }

  @Test
  void closingTheSessionClosesThePort() {
    session.close();

    assertThat(port.isClosed()).isTrue();
    assertThat(session.port()).isSameAs(port);
  }

  @Test
  void sessionFromSettingsUsesTheNamedAdapter() {
    Map<String, String> settings = Map.of("adapter", "in-memory", "in-memory.jobs", "10/12");

    try (Session fromSettings = Session.fromSettings(settings)) {

      assertThat(fromSettings.estimator(10, 12).getJobInfo().status())
          .contains(JobStatus.COMPLETED);
    }
  }

  @Test
  void handleWaitsUntilAVersionThatHasEndedAtOnce() {
    JobHandle handle = session.job(10, 11);

    WaitResult result = handle.waitUntilDone(WaitOptions.defaults(), WaitListener.NONE);

    assertThat(result.outcome()).isEqualTo(WaitResult.Outcome.SUCCEEDED);
    assertThat(result.polls()).isEqualTo(1);
    assertThat(result.lastSeen()).contains(older);
  }
}
