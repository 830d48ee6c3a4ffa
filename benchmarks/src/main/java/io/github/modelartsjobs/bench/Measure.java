package io.github.modelartsjobs.bench;

import java.util.Locale;

/**
 * One measured figure: a value, its error margin (NaN when the method gives none) and its unit.
 *
 * @param value the score, such as microseconds per operation or bytes
 * @param error the half-width of JMH's 99.9% confidence interval, or NaN
 * @param unit the unit as printed, such as {@code us/op}
 */
record Measure(double value, double error, String unit) {

  /** A figure without error margin. */
  static Measure of(double value, String unit) {
    return new Measure(value, Double.NaN, unit);
  }

  /**
   * The value with its margin and unit, such as {@code 12.3 ± 0.4 us/op}. Large values move to a
   * larger unit: 10,000 us and more are shown in ms, a million bytes and more in MB (10^6 bytes).
   */
  String format() {
    Measure shown = readable();
    String text = number(shown.value);
    if (!Double.isNaN(shown.error)) {
      text += " ± " + number(shown.error);
    }
    return text + " " + shown.unit;
  }

  private Measure readable() {
    if (unit.startsWith("us/") && Math.abs(value) >= 10_000) {
      return new Measure(value / 1e3, error / 1e3, "ms/" + unit.substring(3));
    }
    if ((unit.equals("B") || unit.startsWith("B/")) && Math.abs(value) >= 1e6) {
      return new Measure(value / 1e6, error / 1e6, "MB" + unit.substring(1));
    }
    return this;
  }

  private static String number(double v) {
    double abs = Math.abs(v);
    if (abs >= 100_000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (abs >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    if (abs >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
