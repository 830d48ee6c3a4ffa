package io.github.modelartsjobs.core.error;

import java.time.Duration;
import java.util.Optional;

/**
 * The service asked the caller to slow down (HTTP 429, {@code ModelArts.2799}) and the adapter's
 * retries did not get through. Transient: the same call may succeed later.
 */
public final class ThrottledException extends ModelArtsException {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /**
   * Creates the error, with a message such as {@code too many requests for training job 10 version
   * 12 (ModelArts.2799, HTTP 429); retry after 5s}.
   *
   * @param context what is known of the call
   * @param retryAfter the wait the service asked for ({@code Retry-After}), or null
   * @param cause the underlying failure, or null
   */
  public ThrottledException(ErrorContext context, Duration retryAfter, Throwable cause) {
    super(
        "too many requests for "
            + context.subject()
            + context.details()
            + (retryAfter == null ? "" : "; retry after " + describe(retryAfter)),
        context,
        cause);
    this.retryAfter = retryAfter;
  }

  /** The wait the service asked for in a {@code Retry-After} header, when it sent one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  @Override
  public boolean isTransient() {
    return true;
  }

  private static String describe(Duration wait) {
    return wait.toMillis() % 1000 == 0 ? wait.toSeconds() + "s" : wait.toMillis() + "ms";
  }
}
