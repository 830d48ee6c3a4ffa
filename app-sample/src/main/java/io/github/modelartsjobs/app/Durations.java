package io.github.modelartsjobs.app;

import io.github.modelartsjobs.core.port.AdapterSettings;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a DURATION from the command line, such as {@code 90s}, {@code 15m}, {@code 6h}, {@code 2d},
 * {@code 500ms} or ISO-8601 {@code PT1M30S}, with the same rules as the settings; it must be more
 * than zero.
 */
final class Durations implements ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    Duration duration;
    try {
      duration = AdapterSettings.parseDuration(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(
          "must be a duration such as 90s, 15m, 6h or PT1M30S, but was '" + value + "'");
    }
    if (duration.isZero()) {
      throw new TypeConversionException("must be more than zero, but was '" + value + "'");
    }
    return duration;
  }
}
