package io.github.modelartsjobs.app;

/**
 * A series of numbers drawn as one line of the eight block characters, from the lower one eighth
 * block (U+2581) for the least point to the full block (U+2588) for the greatest.
 *
 * <p>A series longer than the width is shortened by averaging neighbouring points, so the line
 * never grows wider than asked. A point that is not a number (NaN) is drawn as a space, and a
 * series whose points are all equal as a flat line of the lowest block.
 */
final class Sparkline {

  private static final char[] BARS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

  private Sparkline() {}

  /**
   * Draws a series.
   *
   * @param values the points, oldest first; NaN where no number was sent
   * @param maxWidth the most characters to use, at least 1
   * @return the line, one character per point or per group of points
   */
  static String of(double[] values, int maxWidth) {
    if (maxWidth < 1) {
      throw new IllegalArgumentException("maxWidth must be at least 1, but was " + maxWidth);
    }
    double[] points = values.length > maxWidth ? shrink(values, maxWidth) : values;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : points) {
      if (!Double.isNaN(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }

    StringBuilder line = new StringBuilder(points.length);
    for (double v : points) {
      if (Double.isNaN(v)) {
        line.append(' ');
      } else if (max <= min) {
        line.append(BARS[0]);
      } else {
        int level = (int) Math.round((v - min) / (max - min) * (BARS.length - 1));
        line.append(BARS[level]);
      }
    }
    return line.toString();
  }

  /** The means of {@code width} consecutive groups of points, NaN points left out of each mean. */
  private static double[] shrink(double[] values, int width) {
    double[] groups = new double[width];
    for (int g = 0; g < width; g++) {
      int from = (int) ((long) g * values.length / width);
      int to = (int) ((long) (g + 1) * values.length / width);
      double sum = 0;
      int count = 0;
      for (int i = from; i < to; i++) {
        if (!Double.isNaN(values[i])) {
          sum += values[i];
          count++;
        }
      }
      groups[g] = count == 0 ? Double.NaN : sum / count;
    }
    return groups;
  }
}
