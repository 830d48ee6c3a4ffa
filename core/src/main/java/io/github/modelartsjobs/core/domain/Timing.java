package io.github.modelartsjobs.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a training job version was created and started, and how long it ran.
 *
 * <p>The service sends epoch milliseconds; they become {@link Instant} and {@link Duration} here. A
 * duration of zero is what the service sends for a version that has not started; an absent one
 * means the service sent nothing.
 *
 * @param created the {@code create_time}
 * @param started the {@code start_time}
 * @param duration the {@code duration}: the run time so far, or in all once ended
 */
public record Timing(
    Optional<Instant> created, Optional<Instant> started, Optional<Duration> duration) {

  /** Timing about which the service said nothing. */
  public static final Timing NONE =
      new Timing(Optional.empty(), Optional.empty(), Optional.empty());

  /** Checks that no component is null. */
  public Timing {
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(duration, "duration");
  }

  /**
   * The start plus the duration, when both are known; the end for a version that has ended.
   *
   * @return the instant, or empty when start or duration is unknown
   */
  public Optional<Instant> startPlusDuration() {
    return started.flatMap(start -> duration.map(start::plus));
  }
}
