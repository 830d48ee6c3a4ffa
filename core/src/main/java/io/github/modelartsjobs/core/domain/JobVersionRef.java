package io.github.modelartsjobs.core.domain;

/**
 * The identity of one training job version: a job id and a version id, both positive.
 *
 * @param jobId the {@code job_id}, at least 1
 * @param versionId the {@code version_id}, at least 1
 */
public record JobVersionRef(long jobId, long versionId) {

  /**
   * Checks both ids.
   *
   * @throws IllegalArgumentException if either id is less than 1
   */
  public JobVersionRef {
    requirePositive("jobId", jobId);
    requirePositive("versionId", versionId);
  }

  /**
   * The reference for a job id and a version id.
   *
   * @param jobId the job id, at least 1
   * @param versionId the version id, at least 1
   * @return the reference
   */
  public static JobVersionRef of(long jobId, long versionId) {
    return new JobVersionRef(jobId, versionId);
  }

  /**
   * Checks that an id is positive.
   *
   * @param name the name used in the message, such as {@code jobId}
   * @param id the id to check
   * @return the id
   * @throws IllegalArgumentException naming the id and its value if it is less than 1
   */
  public static long requirePositive(String name, long id) {
    if (id < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, but was " + id);
    }
    return id;
  }

  /** For example {@code job 10 version 12}. */
  @Override
  public String toString() {
    return "job " + jobId + " version " + versionId;
  }
}
