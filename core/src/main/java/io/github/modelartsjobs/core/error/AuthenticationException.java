package io.github.modelartsjobs.core.error;

/**
 * The service did not accept who the caller is: a token missing, expired or invalid, or an AK/SK
 * signature that failed to verify ({@code APIGW.0301}, often a skewed clock), usually HTTP 401.
 */
public final class AuthenticationException extends ModelArtsException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the error, with a message such as {@code authentication failed for training job 10
   * version 12 (APIGW.0301, HTTP 401): ...}.
   *
   * @param context what is known of the call
   * @param cause the underlying failure, or null
   */
  public AuthenticationException(ErrorContext context, Throwable cause) {
    super(
        withServiceMessage(
            "authentication failed for " + context.subject() + context.details(), context),
        context,
        cause);
  }
}
