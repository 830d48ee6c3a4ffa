package io.github.modelartsjobs.core.usecase;

import io.github.modelartsjobs.core.domain.JobVersionRef;
import io.github.modelartsjobs.core.domain.TrainingJob;
import java.util.List;
import java.util.Objects;

/**
 * One training job version seen through a session, in the manner of the Python SDK's {@code
 * Estimator(modelarts_session=session, job_id=..., version_id=...)}: the first way to get a job's
 * info, from its ids.
 */
public final class Estimator {

  private final Session session;
  private final JobVersionRef ref;

  /**
   * An estimator for one version.
   *
   * @param session the session to read through
   * @param jobId the job id, at least 1
   * @param versionId the version id, at least 1
   * @throws IllegalArgumentException if an id is less than 1
   */
  public Estimator(Session session, long jobId, long versionId) {
    this.session = Objects.requireNonNull(session, "session");
    this.ref = JobVersionRef.of(jobId, versionId);
  }

  /** The job id and version id. */
  public JobVersionRef ref() {
    return ref;
  }

  /**
   * The details of this version, read now.
   *
   * @return the version's details
   * @throws io.github.modelartsjobs.core.error.ModelArtsException if the read fails
   */
  public TrainingJob getJobInfo() {
    return session.getJobInfo(ref.jobId(), ref.versionId());
  }

  /**
   * The versions of this estimator's job, newest first.
   *
   * @return the entries, newest first
   */
  public List<JobVersionEntry> getJobVersionInfo() {
    return session.getJobVersions(ref.jobId());
  }

  @Override
  public String toString() {
    return "Estimator[" + ref + "]";
  }
}
