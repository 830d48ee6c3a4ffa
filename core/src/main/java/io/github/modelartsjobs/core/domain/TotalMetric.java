package io.github.modelartsjobs.core.domain;

import java.util.Map;
import java.util.Objects;

/**
 * The metrics of a model over all classes, {@code model_metric_list.total_metric}.
 *
 * @param values the {@code total_metric_values}
 * @param meta the {@code total_metric_meta} object (JSON-shaped)
 * @param reservedData the {@code total_reserved_data} object (JSON-shaped)
 * @param otherFields other keys that no table documents (JSON-shaped)
 */
public record TotalMetric(
    MetricValues values,
    Map<String, Object> meta,
    Map<String, Object> reservedData,
    Map<String, Object> otherFields) {

  /** Checks that no component is null and freezes the maps. */
  public TotalMetric {
    Objects.requireNonNull(values, "values");
    meta = JsonValues.copyOfObject(meta);
    reservedData = JsonValues.copyOfObject(reservedData);
    otherFields = JsonValues.copyOfObject(otherFields);
  }
}
