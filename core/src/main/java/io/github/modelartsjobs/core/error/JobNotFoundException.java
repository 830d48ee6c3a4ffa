package io.github.modelartsjobs.core.error;

/**
 * The job or version does not exist, or is not visible in this project: {@code ModelArts.2775}
 * (which the service sends with HTTP 400, not 404), or a 404.
 */
public final class JobNotFoundException extends ModelArtsException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the error, with a message such as {@code training job 10 version 12 not found
   * (ModelArts.2775, HTTP 400, request 5f3c)}.
   *
   * @param context what is known of the call
   * @param cause the underlying failure, or null
   */
  public JobNotFoundException(ErrorContext context, Throwable cause) {
    super(context.subject() + " not found" + context.details(), context, cause);
  }

  /**
   * Creates the error for a version missing from a source that has no HTTP status or code, such as
   * a folder of fixtures.
   *
   * @param jobId the job id
   * @param versionId the version id, or null when the whole job is missing
   * @return the error
   */
  public static JobNotFoundException of(long jobId, Long versionId) {
    return new JobNotFoundException(
        new ErrorContext(jobId, versionId, null, null, null, null), null);
  }
}
