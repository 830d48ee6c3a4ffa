package io.github.modelartsjobs.core.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The resource usage of a training job version over time, {@code system_metric_list}: named series
 * ({@code cpuUsage}, {@code memUsage}, {@code gpuUtil}, {@code gpuMemUsage}, disk and network
 * rates, ...) sampled every {@code interval}. The service sends it as an object or as a string
 * holding JSON; both read the same.
 *
 * <p>Note: the service does not document the unit of {@code interval}; it is kept as the number
 * sent.
 *
 * @param interval the {@code interval} as sent
 * @param series the series by name, in the order sent
 * @param otherFields keys that are neither {@code interval} nor a series of numbers (JSON-shaped)
 */
public record SystemMetrics(
    OptionalLong interval, Map<String, MetricSeries> series, Map<String, Object> otherFields) {

  /** Checks that no component is null and freezes the maps, keeping the order of the series. */
  public SystemMetrics {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(series, "series");
    Map<String, MetricSeries> copy = new LinkedHashMap<>(series);
    copy.forEach(
        (name, s) -> {
          if (s == null) {
            throw new NullPointerException("series " + name);
          }
          if (!name.equals(s.name())) {
            throw new IllegalArgumentException(
                "series key must match the series name, but " + name + " held " + s.name());
          }
        });
    series = Collections.unmodifiableMap(copy);
    otherFields = JsonValues.copyOfObject(otherFields);
  }

  /**
   * One series.
   *
   * @param name the series name, such as {@code cpuUsage}
   * @return the series, or empty when the service sent none of that name
   */
  public Optional<MetricSeries> get(String name) {
    return Optional.ofNullable(series.get(name));
  }
}
