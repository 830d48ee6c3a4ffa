package io.github.modelartsjobs.core.usecase;

import io.github.modelartsjobs.core.domain.JobVersionRef;
import io.github.modelartsjobs.core.domain.TrainingJob;
import java.util.Objects;

/**
 * One element of a job's versions list: the version as the list reported it, and the third way to
 * get a job's info, which reads the version's details afresh.
 */
public final class JobVersionEntry {

  private final Session session;
  private final TrainingJob summary;

  JobVersionEntry(Session session, TrainingJob summary) {
    this.session = Objects.requireNonNull(session, "session");
    this.summary = Objects.requireNonNull(summary, "summary");
  }

  /** The job id and version id. */
  public JobVersionRef ref() {
    return summary.ref();
  }

  /** The version as the list reported it, when it was listed. */
  public TrainingJob summary() {
    return summary;
  }

  /**
   * The details of this version, read now through the version-details call.
   *
   * @return the version's details
   * @throws io.github.modelartsjobs.core.error.ModelArtsException if the read fails
   */
  public TrainingJob getJobInfo() {
    return session.getJobInfo(this);
  }

  @Override
  public String toString() {
    return "JobVersionEntry[" + summary.ref() + "]";
  }
}
