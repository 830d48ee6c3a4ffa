package io.github.modelartsjobs.core.usecase;

import io.github.modelartsjobs.core.domain.JobVersionRef;
import io.github.modelartsjobs.core.domain.TrainingJob;
import java.util.Objects;

/**
 * A handle on one training job version that an application holds, such as the job object a create
 * call returns: the second way to get a job's info. It also waits for the version to end.
 */
public final class JobHandle {

  private final Session session;
  private final JobVersionRef ref;

  JobHandle(Session session, JobVersionRef ref) {
    this.session = Objects.requireNonNull(session, "session");
    this.ref = Objects.requireNonNull(ref, "ref");
  }

  /** The job id and version id. */
  public JobVersionRef ref() {
    return ref;
  }

  /** The job id. */
  public long jobId() {
    return ref.jobId();
  }

  /** The version id. */
  public long versionId() {
    return ref.versionId();
  }

  /**
   * The details of this version, read now.
   *
   * @return the version's details
   * @throws io.github.modelartsjobs.core.error.ModelArtsException if the read fails
   */
  public TrainingJob getJobInfo() {
    return session.getJobInfo(this);
  }

  /**
   * Polls this version until it ends or the options' timeout passes, with the system clock.
   *
   * @param options timeout and intervals
   * @param listener told of each status change once
   * @return how the wait ended
   */
  public WaitResult waitUntilDone(WaitOptions options, WaitListener listener) {
    return session.waiter().waitFor(ref, options, listener);
  }

  @Override
  public String toString() {
    return "JobHandle[" + ref + "]";
  }
}
