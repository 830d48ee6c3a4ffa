package io.github.modelartsjobs.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MetricSeriesTest {

  @Test
  void pointsThatAreNoNumberAreSkippedInMinMeanAndMax() {
    MetricSeries series = MetricSeries.of("cpuUsage", 4, Double.NaN, 1, 7, Double.NaN);

    assertThat(series.min()).hasValue(1);
    assertThat(series.max()).hasValue(7);
    assertThat(series.mean().getAsDouble()).isCloseTo(4, within(1e-12));
    assertThat(series.size()).isEqualTo(5);
    assertThat(series.get(1)).isNaN();
  }

  @Test
  void seriesWithoutNumbersHasNoMinMeanOrMax() {
    MetricSeries onlyGaps = MetricSeries.of("gpuUtil", Double.NaN, Double.NaN);
    MetricSeries empty = MetricSeries.of("gpuUtil");

    assertThat(onlyGaps.min()).isEmpty();
    assertThat(onlyGaps.mean()).isEmpty();
    assertThat(onlyGaps.max()).isEmpty();
    assertThat(empty.mean()).isEmpty();
  }

  @Test
  void arrayIsCopiedInAndOut() {
    double[] points = {1, 2, 3};

    MetricSeries series = MetricSeries.of("memUsage", points);
    points[0] = 99;
    double[] out = series.toArray();
    out[1] = 99;

    assertThat(series.toArray()).containsExactly(1, 2, 3);
    assertThat(series.stream().sum()).isEqualTo(6);
  }

  @Test
  void wrapTakesTheArrayWithoutCopying() {
    double[] points = {1, 2, 3};

    MetricSeries series = MetricSeries.wrap("memUsage", points);
    points[0] = 5;

    assertThat(series.get(0)).isEqualTo(5);
  }

  @Test
  void seriesAreEqualByNameAndPointsIncludingGaps() {
    MetricSeries series = MetricSeries.of("cpuUsage", 1, Double.NaN);

    assertThat(series)
        .isEqualTo(MetricSeries.of("cpuUsage", 1, Double.NaN))
        .hasSameHashCodeAs(MetricSeries.of("cpuUsage", 1, Double.NaN));
    assertThat(series).isNotEqualTo(MetricSeries.of("memUsage", 1, Double.NaN));
    assertThat(series).isNotEqualTo(MetricSeries.of("cpuUsage", 1, 2));
    assertThat(series).isNotEqualTo(MetricSeries.of("cpuUsage", 1));
  }

  @Test
  void summaryNamesTheSeriesAndCountsItsPoints() {
    assertThat(MetricSeries.of("cpuUsage", 1, 2, 3)).hasToString("cpuUsage[3 points]");
  }

  @Test
  void systemMetricsFindSeriesByNameInTheOrderSent() {
    Map<String, MetricSeries> series = new LinkedHashMap<>();
    series.put("memUsage", MetricSeries.of("memUsage", 1));
    series.put("cpuUsage", MetricSeries.of("cpuUsage", 2));

    SystemMetrics metrics = new SystemMetrics(OptionalLong.of(1), series, null);
    series.clear();

    assertThat(metrics.series().keySet()).containsExactly("memUsage", "cpuUsage");
    assertThat(metrics.get("cpuUsage")).contains(MetricSeries.of("cpuUsage", 2));
    assertThat(metrics.get("gpuUtil")).isEmpty();
    assertThat(metrics.otherFields()).isEmpty();
  }

  @Test
  void systemMetricsRejectASeriesFiledUnderAnotherName() {
    Map<String, MetricSeries> series = Map.of("cpuUsage", MetricSeries.of("memUsage", 1));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SystemMetrics(OptionalLong.empty(), series, Map.of()))
        .withMessage("series key must match the series name, but cpuUsage held memUsage");
  }
}
