package io.github.modelartsjobs.core.error;

/**
 * The service could not be reached or did not answer in time: a transient failure (an I/O error, a
 * timeout, HTTP 500, 502, 503 or 504) that outlived the retries, a circuit breaker that is open, or
 * a call deadline that passed. Transient: the same call may succeed later.
 */
public final class ServiceUnavailableException extends ModelArtsException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the error, with a message such as {@code service unavailable for training job 10
   * version 12 (HTTP 503, request 5f3c): 3 attempts failed}.
   *
   * @param reason what happened, such as {@code 3 attempts failed} or {@code circuit breaker is
   *     open}; one line, never holding a credential
   * @param context what is known of the call
   * @param cause the underlying failure, or null
   */
  public ServiceUnavailableException(String reason, ErrorContext context, Throwable cause) {
    super(
        "service unavailable for "
            + context.subject()
            + context.details()
            + (reason == null ? "" : ": " + reason),
        context,
        cause);
  }

  @Override
  public boolean isTransient() {
    return true;
  }
}
