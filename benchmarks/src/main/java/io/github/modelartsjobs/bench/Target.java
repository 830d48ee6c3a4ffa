package io.github.modelartsjobs.bench;

import java.util.Locale;

/**
 * A bound on the ratio ours / floor: at most (time, allocation, size) or at least (throughput), or
 * none for figures shown for information.
 *
 * @param atMost true when the ratio must not exceed the bound, false when it must reach it
 * @param bound the bound, such as 1.3; NaN for no target
 */
record Target(boolean atMost, double bound) {

  /** The ratio must be at most {@code bound}. */
  static Target atMost(double bound) {
    return new Target(true, bound);
  }

  /** The ratio must be at least {@code bound}. */
  static Target atLeast(double bound) {
    return new Target(false, bound);
  }

  /** No target: the row is for information. */
  static Target none() {
    return new Target(true, Double.NaN);
  }

  boolean isNone() {
    return Double.isNaN(bound);
  }

  /** The target as printed, such as {@code <= 1.30x}. */
  String format() {
    if (isNone()) {
      return "(info)";
    }
    return String.format(Locale.ROOT, "%s %.2fx", atMost ? "<=" : ">=", bound);
  }

  /** Whether a ratio meets the target (always true for no target). */
  boolean metBy(double ratio) {
    if (isNone()) {
      return true;
    }
    return atMost ? ratio <= bound : ratio >= bound;
  }

  /**
   * How far a ratio is from the target, relative to the bound: {@code 1.56x} against {@code <=
   * 1.30x} is 0.20 (20% over); {@code 0.81x} against {@code >= 0.90x} is 0.10 (10% under).
   *
   * @param ratio the measured ratio
   * @return the shortfall, 0 when met
   */
  double shortfall(double ratio) {
    if (metBy(ratio)) {
      return 0;
    }
    return atMost ? ratio / bound - 1 : 1 - ratio / bound;
  }
}
