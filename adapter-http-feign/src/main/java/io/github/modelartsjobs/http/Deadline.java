package io.github.modelartsjobs.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The end of one port call: every attempt, every backoff and every body read must finish before it.
 * Measured on the injected clock.
 */
final class Deadline {

  private final Clock clock;

  private final Instant start;

  private final Instant end;

  private final Duration total;

  private Deadline(Clock clock, Duration total) {
    this.clock = clock;
    this.start = clock.instant();
    this.total = total;
    this.end = start.plus(total);
  }

  /** A deadline that long from now. */
  static Deadline after(Clock clock, Duration total) {
    return new Deadline(clock, total);
  }

  /** The time left, zero once passed. */
  Duration remaining() {
    Duration left = Duration.between(clock.instant(), end);
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** Whether the deadline has passed. */
  boolean passed() {
    return !clock.instant().isBefore(end);
  }

  /** The time since the call started. */
  Duration elapsed() {
    return Duration.between(start, clock.instant());
  }

  /** The whole time allowed, such as {@code 2m}. */
  Duration total() {
    return total;
  }

  /** The shorter of a timeout and the time left, never less than one millisecond. */
  Duration cap(Duration timeout) {
    Duration left = remaining();
    Duration capped = timeout.compareTo(left) < 0 ? timeout : left;
    return capped.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : capped;
  }

  @Override
  public String toString() {
    return "Deadline{" + Durations.human(total) + ", " + Durations.human(remaining()) + " left}";
  }
}
