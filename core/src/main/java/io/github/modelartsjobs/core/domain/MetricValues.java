package io.github.modelartsjobs.core.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The named values of one model metric entry ({@code metric_values} or {@code
 * total_metric_values}): recall, precision, accuracy, f1 score and any other name the service
 * sends, such as {@code top-1}.
 *
 * <p>Numbers, and strings holding numbers, are in {@link #numbers()}. A value that is not a number
 * (a null, a word, an object) is kept as sent in {@link #others()}, so that nothing is lost.
 *
 * @param numbers the numeric values by name, in the order sent
 * @param others the values that are not numbers, by name, as sent (JSON-shaped values)
 */
public record MetricValues(Map<String, Double> numbers, Map<String, Object> others) {

  /** No values at all. */
  public static final MetricValues NONE = new MetricValues(Map.of(), Map.of());

  /** Freezes both maps, keeping their order. */
  public MetricValues {
    Objects.requireNonNull(numbers, "numbers");
    Map<String, Double> copy = new LinkedHashMap<>(numbers);
    copy.forEach(
        (name, value) -> {
          if (value == null) {
            throw new NullPointerException("value of " + name);
          }
        });
    numbers = Collections.unmodifiableMap(copy);
    others = JsonValues.copyOfObject(others);
  }

  /**
   * The numeric value of a metric.
   *
   * @param name the metric name as sent, such as {@code recall} or {@code top-1}
   * @return the value, or empty when the entry has no numeric value of that name
   */
  public OptionalDouble get(String name) {
    Double value = numbers.get(name);
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  /** The {@code recall} value. */
  public OptionalDouble recall() {
    return get("recall");
  }

  /** The {@code precision} value. */
  public OptionalDouble precision() {
    return get("precision");
  }

  /** The {@code accuracy} value. */
  public OptionalDouble accuracy() {
    return get("accuracy");
  }

  /** The {@code f1_score} value. */
  public OptionalDouble f1Score() {
    return get("f1_score");
  }
}
