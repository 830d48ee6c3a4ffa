package io.github.modelartsjobs.http;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The wait before the next attempt: exponential backoff with jitter, or the service's {@code
 * Retry-After} when that is longer.
 *
 * <p>Before attempt {@code n} (2, 3, ...) the base wait is {@code initial * 2^(n-2)}, at most
 * {@code max}; the wait is a random point in the upper half of the base ({@code [base/2, base]}),
 * so that clients failing together do not retry together. A {@code Retry-After} is honoured up to
 * {@code retryAfterCap}: the wait is then the longer of the two.
 */
final class Backoff {

  private final Duration initial;

  private final Duration max;

  private final Duration retryAfterCap;

  private final DoubleSupplier random;

  /**
   * Creates the backoff.
   *
   * @param initial the base wait before the second attempt
   * @param max the longest base wait
   * @param retryAfterCap the longest {@code Retry-After} honoured
   * @param random uniform numbers in {@code [0, 1)} for the jitter
   */
  Backoff(Duration initial, Duration max, Duration retryAfterCap, DoubleSupplier random) {
    this.initial = initial;
    this.max = max;
    this.retryAfterCap = retryAfterCap;
    this.random = random;
  }

  /**
   * The wait before an attempt.
   *
   * @param nextAttempt the number of the attempt about to be made, 2 or more
   * @param retryAfter the wait the service asked for, or null
   * @return the wait
   */
  Duration before(int nextAttempt, Duration retryAfter) {
    long base = initial.toNanos();
    for (int i = 2; i < nextAttempt && base < max.toNanos(); i++) {
      base = base > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : base * 2;
    }
    base = Math.min(base, max.toNanos());
    double fraction = 0.5 + 0.5 * Math.min(Math.max(random.getAsDouble(), 0), 1);
    Duration wait = Duration.ofNanos((long) (base * fraction));
    if (retryAfter != null) {
      Duration asked = retryAfter.compareTo(retryAfterCap) > 0 ? retryAfterCap : retryAfter;
      if (asked.compareTo(wait) > 0) {
        return asked;
      }
    }
    return wait;
  }
}
