package io.github.modelartsjobs.core.port;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain key/value settings for an adapter, with typed readers whose errors name the key, what it
 * must be and what it was: {@code read-timeout must be a duration such as 10s, 5m or PT10S, but was
 * "ten"}.
 *
 * <p>Values of keys that look secret (containing {@code secret}, {@code password}, {@code token},
 * {@code sk}, {@code ak} or {@code key}) are never shown, neither in {@link #toString()} nor in an
 * error message. A blank value counts as absent.
 */
public final class AdapterSettings {

  private static final Pattern SECRET_KEY =
      Pattern.compile("(?i).*(secret|password|passwd|token|(^|[^a-z])[as]k([^a-z]|$)|key|cred).*");

  private static final Pattern URL_USER_INFO = Pattern.compile("(//)[^/?#@\\s]*@");

  private static final Pattern URL_SECRET_PARAMETER =
      Pattern.compile(
          "(?i)([?&;][^=&#;\\s]*(secret|password|passwd|token|key|sig|cred)[^=&#;\\s]*=)"
              + "[^&#;\\s]*");

  private static final Pattern SHORT_DURATION =
      Pattern.compile("(?i)^\\s*(\\d{1,12})\\s*(ms|s|m|h|d)\\s*$");

  private final Map<String, String> values;

  private AdapterSettings(Map<String, String> values) {
    this.values = values;
  }

  /**
   * Settings holding a copy of the map.
   *
   * @param values the keys and values; null values count as absent
   * @return the settings
   */
  public static AdapterSettings of(Map<String, String> values) {
    Map<String, String> copy = new TreeMap<>();
    Objects.requireNonNull(values, "values")
        .forEach(
            (k, v) -> {
              if (k != null && v != null) {
                copy.put(k, v);
              }
            });
    return new AdapterSettings(Collections.unmodifiableMap(copy));
  }

  /** No settings. */
  public static AdapterSettings empty() {
    return new AdapterSettings(Map.of());
  }

  /** The settings as an unmodifiable map, sorted by key. */
  public Map<String, String> asMap() {
    return values;
  }

  /**
   * A value.
   *
   * @param key the key
   * @return the value with surrounding white space removed, or empty when absent or blank
   */
  public Optional<String> get(String key) {
    String value = values.get(key);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /**
   * A value that must be there.
   *
   * @param key the key
   * @param what what the value is, for the message, such as {@code the folder of fixtures}
   * @return the value
   * @throws InvalidSettingsException if absent or blank
   */
  public String require(String key, String what) {
    return get(key)
        .orElseThrow(() -> new InvalidSettingsException(key + " must be set to " + what));
  }

  /**
   * A duration, written like {@code 500ms}, {@code 90s}, {@code 15m}, {@code 6h}, {@code 2d} or in
   * ISO-8601 ({@code PT1M30S}).
   *
   * @param key the key
   * @return the duration, or empty when absent
   * @throws InvalidSettingsException if the value is not such a duration, or is negative
   */
  public Optional<Duration> duration(String key) {
    Optional<String> text = get(key);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parseDuration(text.get()));
    } catch (IllegalArgumentException e) {
      // The cause quotes the value, so the error of a secret, or of a value holding a URL's
      // credentials, must not carry it.
      throw new InvalidSettingsException(
          key + " must be a duration such as 10s, 5m or PT10S, but was " + shown(key),
          isSecretKey(key) || !text.get().equals(withoutUrlCredentials(text.get())) ? null : e);
    }
  }

  /**
   * A whole number within bounds.
   *
   * @param key the key
   * @param min the least value allowed
   * @param max the greatest value allowed
   * @return the number, or empty when absent
   * @throws InvalidSettingsException if the value is not a whole number within the bounds
   */
  public OptionalInt integer(String key, int min, int max) {
    Optional<String> text = get(key);
    if (text.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      int value = Integer.parseInt(text.get());
      if (value >= min && value <= max) {
        return OptionalInt.of(value);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidSettingsException(
        key + " must be a whole number from " + min + " to " + max + ", but was " + shown(key));
  }

  /**
   * A decimal number within bounds.
   *
   * @param key the key
   * @param min the least value allowed
   * @param max the greatest value allowed
   * @return the number, or empty when absent
   * @throws InvalidSettingsException if the value is not a number within the bounds
   */
  public Optional<Double> decimal(String key, double min, double max) {
    Optional<String> text = get(key);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      double value = Double.parseDouble(text.get());
      if (value >= min && value <= max) {
        return Optional.of(value);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidSettingsException(
        key + " must be a number from " + min + " to " + max + ", but was " + shown(key));
  }

  /**
   * A flag: {@code true}, {@code false}, {@code yes}, {@code no}, {@code 1} or {@code 0}.
   *
   * @param key the key
   * @return the flag, or empty when absent
   * @throws InvalidSettingsException if the value is none of those words
   */
  public Optional<Boolean> flag(String key) {
    Optional<String> text = get(key);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    switch (text.get().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1", "on":
        return Optional.of(true);
      case "false", "no", "0", "off":
        return Optional.of(false);
      default:
        throw new InvalidSettingsException(key + " must be true or false, but was " + shown(key));
    }
  }

  /**
   * Reads a duration written like {@code 500ms}, {@code 90s}, {@code 15m}, {@code 6h}, {@code 2d}
   * or in ISO-8601 ({@code PT1M30S}, {@code P1D}).
   *
   * @param text the text
   * @return the duration, zero or more
   * @throws IllegalArgumentException naming the text if it is no such duration or is negative
   */
  public static Duration parseDuration(String text) {
    Objects.requireNonNull(text, "text");
    Matcher m = SHORT_DURATION.matcher(text);
    Duration duration;
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      duration =
          switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
          };
    } else {
      try {
        duration = Duration.parse(text.strip().toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "a duration must read like 500ms, 90s, 15m, 6h, 2d or PT1M30S, but was \""
                + text
                + "\"",
            e);
      }
    }
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a duration must not be negative, but was " + text);
    }
    return duration;
  }

  /**
   * Whether a key names a secret, whose value must never be shown.
   *
   * @param key the key
   * @return true for keys such as {@code sk}, {@code secret-key}, {@code token} or {@code password}
   */
  public static boolean isSecretKey(String key) {
    return SECRET_KEY.matcher(key).matches();
  }

  /**
   * A text with the credentials written into a URL inside it replaced by {@code ****}: the user
   * info ({@code https://user:password@host}) and the values of query parameters named like secrets
   * ({@code ?token=...}, {@code &signature=...}). For showing setting values that are not secret
   * themselves, such as an endpoint, in messages and logs.
   *
   * @param text the text, possibly null
   * @return the text without those credentials; null for null
   */
  public static String withoutUrlCredentials(String text) {
    if (text == null) {
      return null;
    }
    String out = URL_USER_INFO.matcher(text).replaceAll("$1****@");
    return URL_SECRET_PARAMETER.matcher(out).replaceAll("$1****");
  }

  private String shown(String key) {
    return isSecretKey(key) ? "(hidden)" : "\"" + withoutUrlCredentials(values.get(key)) + "\"";
  }

  /**
   * The keys and values, with the values of secret keys replaced by {@code ****}, and credentials
   * written into URLs in other values too (see {@link #withoutUrlCredentials}).
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("AdapterSettings{");
    values.forEach(
        (k, v) -> {
          if (s.length() > "AdapterSettings{".length()) {
            s.append(", ");
          }
          s.append(k).append('=').append(isSecretKey(k) ? "****" : withoutUrlCredentials(v));
        });
    return s.append('}').toString();
  }
}
