package io.github.modelartsjobs.core.error;

/**
 * The service refused the call for a reason none of the other errors covers: an invalid argument or
 * project id (HTTP 400 other than {@code ModelArts.2775}), another 4xx, or an error code this
 * library does not classify. Not transient: the same call will fail again.
 */
public final class RequestRejectedException extends ModelArtsException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the error, with a message such as {@code request rejected for training job 10 version
   * 12 (ModelArts.0104, HTTP 400): ...}.
   *
   * @param context what is known of the call
   * @param cause the underlying failure, or null
   */
  public RequestRejectedException(ErrorContext context, Throwable cause) {
    super(
        withServiceMessage(
            "request rejected for " + context.subject() + context.details(), context),
        context,
        cause);
  }
}
