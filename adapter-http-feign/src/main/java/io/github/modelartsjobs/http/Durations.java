package io.github.modelartsjobs.http;

import java.time.Duration;

/**
 * Short, human forms of durations for messages and log lines, such as {@code 500ms} or {@code 2m}.
 */
final class Durations {

  private Durations() {}

  /** The most seconds whose milliseconds fit in a {@code long}. */
  private static final long MOST_SECONDS_IN_MILLIS = Long.MAX_VALUE / 1000 - 1;

  /**
   * A duration in the largest whole unit that shows it exactly: {@code 250ms}, {@code 90s}, {@code
   * 2m}, {@code 6h}; other values in milliseconds (or, below one, in {@code us} or {@code ns});
   * negative values with a minus sign. Durations too long for milliseconds are shown in whole
   * seconds, minutes or hours, so that a message about a wrong setting never fails itself.
   */
  static String human(Duration d) {
    if (d.isNegative()) {
      return d.getSeconds() == Long.MIN_VALUE ? d.toString() : "-" + human(d.negated());
    }
    if (d.getSeconds() > MOST_SECONDS_IN_MILLIS) {
      long s = d.getSeconds();
      return s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s";
    }
    long ms = d.toMillis();
    if (ms == 0 && !d.isZero()) {
      long nanos = d.toNanos();
      return nanos % 1000 == 0 ? nanos / 1000 + "us" : nanos + "ns";
    }
    if (ms % 3_600_000 == 0 && ms > 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0 && ms > 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }
}
