package io.github.modelartsjobs.core.usecase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A client-side limit on how often polls may start, shared by every wait that holds the same
 * instance, so that many waits at once cannot flood the service.
 *
 * <p>{@link #perSecond} spaces the starts evenly: at most one start in each {@code 1 / rate}
 * seconds, so any window of {@code t} seconds holds at most {@code rate * t + 1} starts. It is safe
 * for use by many threads; each caller reserves its slot, then sleeps outside the lock. A clock
 * that is set back moves the queue of reserved slots back with it, so that no caller waits for as
 * long as the step.
 */
public interface PollRateLimiter {

  /**
   * Blocks until the caller may start one poll.
   *
   * @throws InterruptedException if interrupted while waiting
   */
  void acquire() throws InterruptedException;

  /** No limit. */
  static PollRateLimiter unlimited() {
    return () -> {};
  }

  /**
   * A limit of {@code rate} poll starts per second, evenly spaced.
   *
   * @param rate starts per second, more than 0
   * @param clock the clock that tells the time
   * @param sleeper how to wait
   * @return the limiter
   * @throws IllegalArgumentException if the rate is not more than 0
   */
  static PollRateLimiter perSecond(double rate, Clock clock, Sleeper sleeper) {
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("rate must be more than 0 per second, but was " + rate);
    }
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
    long spacingNanos = Math.max(1, Math.round(1_000_000_000d / rate));
    return new PollRateLimiter() {
      private Instant next = Instant.MIN;
      private Instant lastNow = Instant.MIN;

      @Override
      public void acquire() throws InterruptedException {
        Duration wait;
        synchronized (this) {
          Instant now = clock.instant();
          if (now.isBefore(lastNow)) {
            Duration queued =
                next.isAfter(lastNow) ? Duration.between(lastNow, next) : Duration.ZERO;
            next = now.plus(queued);
          }
          lastNow = now;
          Instant slot = next.isAfter(now) ? next : now;
          next = slot.plusNanos(spacingNanos);
          wait = Duration.between(now, slot);
        }
        sleeper.sleep(wait);
      }
    };
  }
}
