package io.github.modelartsjobs.http;

import java.time.Duration;

/**
 * Short, human forms of durations for messages and log lines, such as {@code 500ms} or {@code 2m}.
 */
final class Durations {

  private Durations() {}

  /**
   * A duration in the largest whole unit that shows it exactly: {@code 250ms}, {@code 90s}, {@code
   * 2m}, {@code 6h}; other values in milliseconds; negative values with a minus sign.
   */
  static String human(Duration d) {
    if (d.isNegative()) {
      return "-" + human(d.negated());
    }
    long ms = d.toMillis();
    if (ms == 0 && !d.isZero()) {
      return d.toNanos() / 1000 + "us";
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
