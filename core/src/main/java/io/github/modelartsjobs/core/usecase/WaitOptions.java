package io.github.modelartsjobs.core.usecase;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link JobWaiter} polls: the whole wait's timeout, the first interval between polls, how
 * the interval grows and where it stops growing, and an optional shared rate limit.
 *
 * <p>Defaults: a timeout of one day, a first interval of 5 s growing by 1.5 times up to 60 s, and
 * no rate limit. A {@code Retry-After} sent with a throttled answer lengthens the next interval,
 * never past the timeout.
 *
 * @param timeout how long the whole wait may take; more than zero
 * @param initialInterval the wait between the first two polls; more than zero
 * @param maxInterval the longest wait between polls; at least {@code initialInterval}
 * @param multiplier how much each wait grows over the one before; at least 1
 * @param rateLimiter a limit on poll starts, shared by the waits that hold the same instance
 */
public record WaitOptions(
    Duration timeout,
    Duration initialInterval,
    Duration maxInterval,
    double multiplier,
    PollRateLimiter rateLimiter) {

  /** One day. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofDays(1);

  /** Checks every option, naming the one that is wrong and its value. */
  public WaitOptions {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(initialInterval, "initialInterval");
    Objects.requireNonNull(maxInterval, "maxInterval");
    Objects.requireNonNull(rateLimiter, "rateLimiter");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be more than zero, but was " + timeout);
    }
    if (initialInterval.isNegative() || initialInterval.isZero()) {
      throw new IllegalArgumentException(
          "initialInterval must be more than zero, but was " + initialInterval);
    }
    if (maxInterval.compareTo(initialInterval) < 0) {
      throw new IllegalArgumentException(
          "maxInterval must be at least initialInterval ("
              + initialInterval
              + "), but was "
              + maxInterval);
    }
    if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("multiplier must be at least 1, but was " + multiplier);
    }
  }

  /** The defaults. */
  public static WaitOptions defaults() {
    return new WaitOptions(
        DEFAULT_TIMEOUT,
        Duration.ofSeconds(5),
        Duration.ofSeconds(60),
        1.5,
        PollRateLimiter.unlimited());
  }

  /** These options with another timeout. */
  public WaitOptions withTimeout(Duration newTimeout) {
    return new WaitOptions(newTimeout, initialInterval, maxInterval, multiplier, rateLimiter);
  }

  /** These options with another first interval; the longest interval is raised to it if needed. */
  public WaitOptions withInitialInterval(Duration interval) {
    Duration max = maxInterval.compareTo(interval) < 0 ? interval : maxInterval;
    return new WaitOptions(timeout, interval, max, multiplier, rateLimiter);
  }

  /** These options with another longest interval. */
  public WaitOptions withMaxInterval(Duration interval) {
    return new WaitOptions(timeout, initialInterval, interval, multiplier, rateLimiter);
  }

  /** These options with another growth factor. */
  public WaitOptions withMultiplier(double factor) {
    return new WaitOptions(timeout, initialInterval, maxInterval, factor, rateLimiter);
  }

  /** These options with a rate limit on poll starts. */
  public WaitOptions withRateLimiter(PollRateLimiter limiter) {
    return new WaitOptions(timeout, initialInterval, maxInterval, multiplier, limiter);
  }
}
