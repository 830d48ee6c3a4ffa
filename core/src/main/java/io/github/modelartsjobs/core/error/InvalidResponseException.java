package io.github.modelartsjobs.core.error;

/**
 * What came back is not a body this library can read: not JSON, truncated, too large or too deeply
 * nested, missing {@code job_id} or {@code version_id}, an empty body where one was due, or a
 * fixture file that is malformed. The message names the field, the position or the file.
 */
public final class InvalidResponseException extends ModelArtsException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the error, with a message such as {@code invalid response for training job 10 version
   * 12 (HTTP 200): missing field version_id}.
   *
   * @param problem what is wrong, naming the field, the position or the file; one line
   * @param context what is known of the call
   * @param cause the underlying failure, or null
   */
  public InvalidResponseException(String problem, ErrorContext context, Throwable cause) {
    super(
        "invalid response for " + context.subject() + context.details() + ": " + problem,
        context,
        cause);
  }
}
