package io.github.modelartsjobs.core.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The evaluation metrics of the model a training job version produced, {@code model_metric_list}.
 * The service sends it as an object or as a string holding JSON; both read the same.
 *
 * @param classes the per-class entries ({@code metric}), in the order sent
 * @param total the {@code total_metric}, when sent
 * @param otherFields other keys that no table documents, such as {@code images_outputs}
 *     (JSON-shaped values)
 */
public record ModelMetrics(
    List<ClassMetric> classes, Optional<TotalMetric> total, Map<String, Object> otherFields) {

  /** Checks that no component is null and freezes the collections. */
  public ModelMetrics {
    classes = List.copyOf(Objects.requireNonNull(classes, "classes"));
    Objects.requireNonNull(total, "total");
    otherFields = JsonValues.copyOfObject(otherFields);
  }

  /**
   * The entry of one class.
   *
   * @param classId the class id
   * @return the first entry with that id, or empty
   */
  public Optional<ClassMetric> forClass(long classId) {
    return classes.stream()
        .filter(c -> c.classId().isPresent() && c.classId().getAsLong() == classId)
        .findFirst();
  }
}
