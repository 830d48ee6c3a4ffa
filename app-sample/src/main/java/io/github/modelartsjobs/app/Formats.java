package io.github.modelartsjobs.app;

import io.github.modelartsjobs.core.domain.JobStatus;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the command line writes times, durations, numbers and statuses for a person: {@code 8m
 * 52.003s}, {@code 2018-04-20 02:06:30.635 UTC}, {@code 64} rather than {@code 64.0}. Independent
 * of the default locale and time zone: times are always UTC.
 */
final class Formats {

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final String[] SI_SUFFIXES = {"", "k", "M", "G", "T", "P"};

  private static final MathContext THREE_DIGITS = new MathContext(3, RoundingMode.HALF_UP);

  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  private Formats() {}

  /**
   * A duration in days, hours, minutes and seconds with milliseconds, such as {@code 8m 52.003s},
   * {@code 1h 0m 5s} or {@code 0s}; units above the largest non-zero one and below the smallest are
   * left out.
   */
  static String duration(Duration duration) {
    return duration(duration, true);
  }

  /** A duration to the whole second, such as {@code 2m 5s}; for lines that update every second. */
  static String durationSeconds(Duration duration) {
    return duration(duration, false);
  }

  private static String duration(Duration duration, boolean millis) {
    String sign = duration.isNegative() ? "-" : "";
    Duration d = duration.abs();
    long[] amounts = {d.toDaysPart(), d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart()};
    String[] units = {"d", "h", "m", "s"};
    int ms = millis ? d.toMillisPart() : 0;

    int first = 0;
    while (first < 3 && amounts[first] == 0) {
      first++;
    }
    int last = 3;
    while (last > first && amounts[last] == 0 && !(last == 3 && ms > 0)) {
      last--;
    }
    StringBuilder s = new StringBuilder(sign);
    for (int i = first; i <= last; i++) {
      s.append(i > first ? " " : "").append(amounts[i]);
      if (i == 3 && ms > 0) {
        s.append(fraction(ms));
      }
      s.append(units[i]);
    }
    return s.toString();
  }

  private static String fraction(int millis) {
    // Plain string work: String.format and a regex would load the formatter, the locale data and
    // the regex engine just for this, a noticeable part of the command's start-up.
    String digits = Integer.toString(1000 + millis).substring(1);
    int end = digits.length();
    while (end > 0 && digits.charAt(end - 1) == '0') {
      end--;
    }
    return "." + digits.substring(0, end);
  }

  /** An instant in UTC, such as {@code 2018-04-20 02:06:30.635 UTC}; no fraction when whole. */
  static String instant(Instant instant) {
    DateTimeFormatter format = instant.getNano() % 1_000_000_000 == 0 ? SECONDS : MILLIS;
    return format.format(instant) + " UTC";
  }

  /** An instant in UTC to the second, such as {@code 2018-04-20 02:06:30 UTC}, for tables. */
  static String instantSeconds(Instant instant) {
    return SECONDS.format(instant) + " UTC";
  }

  /**
   * A number as written by a person: {@code 8} rather than {@code 8.0}, {@code 0.000178} rather
   * than {@code 1.78E-4}; every digit of the value is kept.
   */
  static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /**
   * A number rounded for a summary: two decimals ({@code 1.27}), three significant digits below
   * 0.01 ({@code 0.00178}), and three significant digits with a metric suffix from a thousand up
   * ({@code 9.44k}, {@code 5.77M}).
   */
  static String brief(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    double abs = Math.abs(value);
    if (abs >= 1000) {
      int power = 0;
      BigDecimal scaled = new BigDecimal(value).round(THREE_DIGITS);
      while (scaled.abs().compareTo(THOUSAND) >= 0 && power < SI_SUFFIXES.length - 1) {
        scaled = scaled.movePointLeft(3).round(THREE_DIGITS);
        power++;
      }
      return scaled.stripTrailingZeros().toPlainString() + SI_SUFFIXES[power];
    }
    if (abs > 0 && abs < 0.01) {
      return significant(value);
    }
    return number(BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue());
  }

  private static String significant(double value) {
    return new BigDecimal(value).round(THREE_DIGITS).stripTrailingZeros().toPlainString();
  }

  /**
   * A status with its code and class, such as {@code JOBSTAT_COMPLETED (10), succeeded}, or {@code
   * unknown status (42), unknown} for a code this library does not know.
   */
  static String status(JobStatus status) {
    return status.name().orElse("unknown status")
        + " ("
        + status.code()
        + "), "
        + status.statusClass().name().toLowerCase(Locale.ROOT);
  }

  /**
   * The text reduced to one line: runs of ASCII white space and control characters (up to U+0020,
   * and U+007F) become a space, then white space is stripped from both ends. Written out rather
   * than as a regex, which would be compiled for each row of a table.
   */
  static String oneLine(String text) {
    if (text == null) {
      return "";
    }

    StringBuilder line = new StringBuilder(text.length());
    boolean inRun = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= ' ' || c == '\u007f') {
        if (!inRun) {
          line.append(' ');
        }
        inRun = true;
      } else {
        line.append(c);
        inRun = false;
      }
    }
    return line.toString().strip();
  }
}
