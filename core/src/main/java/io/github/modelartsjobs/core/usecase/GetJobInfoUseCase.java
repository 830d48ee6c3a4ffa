package io.github.modelartsjobs.core.usecase;

import io.github.modelartsjobs.core.domain.TrainingJob;

/**
 * The driving port for reading a job version's details, in the three ways a caller may hold a
 * version: by its ids, by a handle kept since the job was created, or by an element of a job's
 * versions list. All three read the same call of the {@code JobDetailsPort} and fail with the same
 * typed errors.
 */
public interface GetJobInfoUseCase {

  /**
   * The details of a version named by its ids.
   *
   * @param jobId the job id, at least 1
   * @param versionId the version id, at least 1
   * @return the version's details
   * @throws IllegalArgumentException if an id is less than 1
   */
  TrainingJob getJobInfo(long jobId, long versionId);

  /**
   * The details of the version a handle stands for.
   *
   * @param handle a handle, such as one kept since the job was created
   * @return the version's details
   */
  TrainingJob getJobInfo(JobHandle handle);

  /**
   * The full details of a version met in a versions list.
   *
   * @param entry an element of {@link Session#getJobVersions(long)}
   * @return the version's details, read afresh
   */
  TrainingJob getJobInfo(JobVersionEntry entry);
}
