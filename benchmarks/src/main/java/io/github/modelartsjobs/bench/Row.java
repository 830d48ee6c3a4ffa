package io.github.modelartsjobs.bench;

import java.util.Locale;

/**
 * One line of the result table: a figure of ours and of the floor from the same run, and the target
 * for their ratio. A side that was not measured is null.
 *
 * @param benchmark what is compared, such as {@code decode small: time}
 * @param ours our figure, or null
 * @param floor the floor's figure, or null
 * @param target the target for ours / floor
 */
record Row(String benchmark, Measure ours, Measure floor, Target target) {

  boolean measured() {
    return ours != null && floor != null && floor.value() != 0;
  }

  /** Ours divided by the floor, NaN when a side is missing. */
  double ratio() {
    return measured() ? ours.value() / floor.value() : Double.NaN;
  }

  /** {@code yes}, {@code no (20% over)}, {@code info} or {@code not run}. */
  String verdict() {
    if (!measured()) {
      return "not run";
    }
    if (target.isNone()) {
      return "info";
    }
    double shortfall = target.shortfall(ratio());
    if (shortfall == 0) {
      return "yes";
    }
    return String.format(
        Locale.ROOT, "NO (%.0f%% %s)", shortfall * 100, target.atMost() ? "over" : "under");
  }

  /** The row as a Markdown table line. */
  String markdown() {
    return "| "
        + String.join(
            " | ",
            benchmark,
            ours == null ? "-" : ours.format(),
            floor == null ? "-" : floor.format(),
            measured() ? String.format(Locale.ROOT, "%.2fx", ratio()) : "-",
            target.format(),
            verdict())
        + " |";
  }

  /** The header of the Markdown table. */
  static String markdownHeader() {
    return "| benchmark | ours | floor | ratio | target | met? |\n|---|---|---|---|---|---|";
  }
}
