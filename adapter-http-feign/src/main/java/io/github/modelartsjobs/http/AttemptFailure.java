package io.github.modelartsjobs.http;

import io.github.modelartsjobs.core.error.ModelArtsException;
import java.time.Duration;

/**
 * One attempt failed in a way that another attempt may fix: an I/O error, a timeout, HTTP 429, 500,
 * 502, 503 or 504. The only exception the retry retries and the circuit breaker records; never seen
 * outside the adapter, which throws {@link #error()} (or an error built from it) once retrying
 * stops.
 */
final class AttemptFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient ModelArtsException error;

  private final transient Duration retryAfter;

  private final String reason;

  /**
   * Creates the failure.
   *
   * @param error the typed error to throw if this is the last attempt
   * @param retryAfter the wait the service asked for, or null
   * @param reason a few words for log lines and messages, such as {@code HTTP 503} or {@code
   *     connection refused}; never a secret
   */
  AttemptFailure(ModelArtsException error, Duration retryAfter, String reason) {
    super(reason, null, false, false);
    this.error = error;
    this.retryAfter = retryAfter;
    this.reason = reason;
  }

  ModelArtsException error() {
    return error;
  }

  /** The wait the service asked for, or null. */
  Duration retryAfter() {
    return retryAfter;
  }

  String reason() {
    return reason;
  }
}
