package io.github.modelartsjobs.core.domain;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The metrics of a model for one class, an item of {@code model_metric_list.metric}.
 *
 * @param classId the {@code metric_meta.class_id}
 * @param className the {@code metric_meta.class_name} as text (the service sends numbers too)
 * @param values the {@code metric_values}
 * @param otherMeta keys of {@code metric_meta} besides the class id and name (JSON-shaped)
 * @param reservedData the {@code reserved_data} object (JSON-shaped)
 * @param otherFields other keys of the item that no table documents (JSON-shaped)
 */
public record ClassMetric(
    OptionalLong classId,
    Optional<String> className,
    MetricValues values,
    Map<String, Object> otherMeta,
    Map<String, Object> reservedData,
    Map<String, Object> otherFields) {

  /** Checks that no component is null and freezes the maps. */
  public ClassMetric {
    Objects.requireNonNull(classId, "classId");
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(values, "values");
    otherMeta = JsonValues.copyOfObject(otherMeta);
    reservedData = JsonValues.copyOfObject(reservedData);
    otherFields = JsonValues.copyOfObject(otherFields);
  }
}
