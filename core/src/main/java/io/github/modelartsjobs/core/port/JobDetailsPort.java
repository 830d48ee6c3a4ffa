package io.github.modelartsjobs.core.port;

import io.github.modelartsjobs.core.domain.JobVersionRef;
import io.github.modelartsjobs.core.domain.JobVersions;
import io.github.modelartsjobs.core.domain.TrainingJob;
import java.time.Duration;

/**
 * The driven port through which the details of training jobs are read: the live service, a folder
 * of fixtures, or anything else that an adapter puts behind it.
 *
 * <p>Implementations are safe for use by many threads at once. Every failure is one of the
 * unchecked errors of {@code io.github.modelartsjobs.core.error}: {@code JobNotFoundException},
 * {@code AuthenticationException}, {@code PermissionDeniedException}, {@code ThrottledException},
 * {@code ServiceUnavailableException}, {@code InvalidResponseException} or {@code
 * RequestRejectedException}; never a type of an HTTP or JSON library.
 */
public interface JobDetailsPort extends AutoCloseable {

  /**
   * The details of one job version.
   *
   * @param ref the job id and version id
   * @return the version, whose {@link TrainingJob#ref()} equals {@code ref}
   * @throws io.github.modelartsjobs.core.error.JobNotFoundException if the job or version does not
   *     exist
   * @throws io.github.modelartsjobs.core.error.ModelArtsException for every other failure
   */
  TrainingJob versionDetails(JobVersionRef ref);

  /**
   * The details of one job version, within a time budget shorter than the adapter's own call
   * deadline, such as what is left of a wait. Adapters that take time (the HTTP adapter) end the
   * call, retries included, when the budget or their own deadline runs out, whichever comes first;
   * the default ignores the budget.
   *
   * @param ref the job id and version id
   * @param budget the longest the call may take, more than zero
   * @return the version, whose {@link TrainingJob#ref()} equals {@code ref}
   * @throws io.github.modelartsjobs.core.error.ServiceUnavailableException if the budget runs out
   * @throws io.github.modelartsjobs.core.error.ModelArtsException for every other failure
   */
  default TrainingJob versionDetails(JobVersionRef ref, Duration budget) {
    return versionDetails(ref);
  }

  /**
   * The versions of one job, newest first. Adapters that page follow the pages to the end.
   *
   * @param jobId the job id, at least 1
   * @return the versions, newest first
   * @throws io.github.modelartsjobs.core.error.JobNotFoundException if the job does not exist
   * @throws io.github.modelartsjobs.core.error.ModelArtsException for every other failure
   */
  JobVersions versions(long jobId);

  /**
   * Releases what the adapter holds (connections, threads). Calls after closing may fail. The
   * default does nothing.
   */
  @Override
  default void close() {}
}
