package io.github.modelartsjobs.core.usecase;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a while. Injected wherever this library waits, so that tests advance a fake clock
 * instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Waits for the given time.
   *
   * @param duration how long, zero or more
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;

  /** A sleeper that blocks the calling thread for real. */
  static Sleeper system() {
    return duration -> {
      if (!duration.isNegative() && !duration.isZero()) {
        TimeUnit.NANOSECONDS.sleep(duration.toNanos());
      }
    };
  }
}
