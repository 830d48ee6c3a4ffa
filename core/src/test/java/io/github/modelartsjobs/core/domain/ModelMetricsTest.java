package io.github.modelartsjobs.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ModelMetricsTest {

  @Test
  void metricValuesNameTheDocumentedMetricsAndAnyOther() {
    Map<String, Double> numbers = new LinkedHashMap<>();
    numbers.put("recall", 0.5);
    numbers.put("precision", 0.25);
    numbers.put("accuracy", 0.75);
    numbers.put("f1_score", 0.33);
    numbers.put("top-1", 0.9);

    MetricValues values = new MetricValues(numbers, Map.of("note", "n/a"));

    assertThat(values.recall()).hasValue(0.5);
    assertThat(values.precision()).hasValue(0.25);
    assertThat(values.accuracy()).hasValue(0.75);
    assertThat(values.f1Score()).hasValue(0.33);
    assertThat(values.get("top-1")).hasValue(0.9);
    assertThat(values.get("top-5")).isEmpty();
    assertThat(values.numbers().keySet())
        .containsExactly("recall", "precision", "accuracy", "f1_score", "top-1");
    assertThat(values.others()).containsEntry("note", "n/a");
  }

  @Test
  void metricValuesAreFrozen() {
    Map<String, Double> numbers = new HashMap<>(Map.of("recall", 0.5));

    MetricValues values = new MetricValues(numbers, null);
    numbers.put("precision", 0.1);

    assertThat(values.numbers()).containsOnlyKeys("recall");
    assertThatThrownBy(() -> values.numbers().put("x", 1.0))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void metricValuesRejectANullNumberNamingIt() {
    Map<String, Double> numbers = new HashMap<>();
    numbers.put("recall", null);

    assertThatNullPointerException()
        .isThrownBy(() -> new MetricValues(numbers, Map.of()))
        .withMessage("value of recall");
  }

  @Test
  void classMetricIsFoundByItsId() {
    ClassMetric cat = classMetric(0, "cat");
    ClassMetric dog = classMetric(1, "dog");
    ClassMetric noId =
        new ClassMetric(
            OptionalLong.empty(), Optional.empty(), MetricValues.NONE, null, null, null);

    ModelMetrics metrics = new ModelMetrics(List.of(noId, cat, dog), Optional.empty(), null);

    assertThat(metrics.forClass(1)).contains(dog);
    assertThat(metrics.forClass(0)).contains(cat);
    assertThat(metrics.forClass(2)).isEmpty();
  }

  @Test
  void totalMetricFreezesItsMaps() {
    Map<String, Object> meta = new HashMap<>(Map.of("k", "v"));

    TotalMetric total = new TotalMetric(MetricValues.NONE, meta, null, null);
    meta.put("other", "x");

    assertThat(total.meta()).containsOnlyKeys("k");
    assertThat(total.reservedData()).isEmpty();
  }

  private static ClassMetric classMetric(long id, String name) {
    return new ClassMetric(
        OptionalLong.of(id),
        Optional.of(name),
        new MetricValues(Map.of("recall", 0.5), Map.of()),
        Map.of(),
        Map.of(),
        Map.of());
  }
}
