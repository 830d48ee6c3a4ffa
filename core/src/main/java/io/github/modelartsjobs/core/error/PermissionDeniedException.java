package io.github.modelartsjobs.core.error;

/**
 * The caller is known but may not read this job: HTTP 403, or a code that says the account or
 * project is not authorised.
 */
public final class PermissionDeniedException extends ModelArtsException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the error, with a message such as {@code permission denied for training job 10 version
   * 12 (ModelArts.0108, HTTP 403): ...}.
   *
   * @param context what is known of the call
   * @param cause the underlying failure, or null
   */
  public PermissionDeniedException(ErrorContext context, Throwable cause) {
    super(
        withServiceMessage(
            "permission denied for " + context.subject() + context.details(), context),
        context,
        cause);
  }
}
