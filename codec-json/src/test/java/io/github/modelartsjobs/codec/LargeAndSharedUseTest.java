package io.github.modelartsjobs.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.modelartsjobs.core.domain.MetricSeries;
import io.github.modelartsjobs.core.domain.SystemMetrics;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.error.ErrorContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LargeAndSharedUseTest {

  private final JobJsonCodec codec = JobJsonCodec.create();

  @Test
  void longSeriesOfNumericStringsReadPointForPoint() {
    Random random = new Random(42);
    String[] names = {"cpuUsage", "memUsage", "gpuUtil", "recvBytesRate"};
    int[] sizes = {20_000, 20_000, 5, 30_000};
    double[][] expected = new double[names.length][];
    StringBuilder body =
        new StringBuilder("{\"job_id\": 1, \"version_id\": 2, \"system_metric_list\": {");
    for (int s = 0; s < names.length; s++) {
      expected[s] = new double[sizes[s]];
      body.append(s == 0 ? "" : ", ").append('"').append(names[s]).append("\": [");
      for (int i = 0; i < sizes[s]; i++) {
        String text = String.format("%.2f", random.nextDouble() * 1e7);
        expected[s][i] = Double.parseDouble(text);
        body.append(i == 0 ? "\"" : ", \"").append(text).append('"');
      }
      body.append(']');
    }
    body.append(", \"interval\": 1}}");

    SystemMetrics metrics =
        codec
            .readVersionDetails(
                body.toString().getBytes(StandardCharsets.UTF_8), ErrorContext.EMPTY)
            .systemMetrics()
            .orElseThrow();

    for (int s = 0; s < names.length; s++) {
      MetricSeries series = metrics.get(names[s]).orElseThrow();
      assertThat(series.toArray()).as(names[s]).containsExactly(expected[s]);
    }
  }

  @Test
  void oddPartsInsideAStringHoldingJsonAreKeptAsSent() {
    String metrics = "{\\\"total_metric\\\": [1, {\\\"a\\\": 2}], \\\"metric\\\": []}";
    String system = "{\\\"gpuUtil\\\": [\\\"1\\\", [true]], \\\"cpuUsage\\\": [\\\"2\\\"]}";
    String body =
        "{\"job_id\": 1, \"version_id\": 2, \"model_metric_list\": \""
            + metrics
            + "\", \"system_metric_list\": \""
            + system
            + "\"}";

    TrainingJob job =
        codec.readVersionDetails(body.getBytes(StandardCharsets.UTF_8), ErrorContext.EMPTY);

    assertThat(job.modelMetrics().orElseThrow().otherFields())
        .containsEntry("total_metric", List.of(1L, Map.of("a", 2L)));
    assertThat(job.systemMetrics().orElseThrow().otherFields())
        .containsEntry("gpuUtil", List.of("1", List.of(true)));
    assertThat(job.systemMetrics().orElseThrow().get("cpuUsage").orElseThrow().toArray())
        .containsExactly(2.0);
  }

  @Test
  void oneCodecReadsFromManyThreadsAtOnce() throws Exception {
    byte[] realistic = Samples.bytes(Samples.REALISTIC_VERSION_DETAIL);
    byte[] documented = Samples.bytes(Samples.DOCS_VERSION_DETAIL);
    TrainingJob realisticJob = codec.readVersionDetails(realistic, ErrorContext.EMPTY);
    TrainingJob documentedJob = codec.readVersionDetails(documented, ErrorContext.EMPTY);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Boolean>> results = new ArrayList<>();

    try {
      for (int t = 0; t < 8; t++) {
        results.add(
            pool.submit(
                () -> {
                  boolean same = true;
                  for (int i = 0; i < 300; i++) {
                    same &= codec.readVersionDetails(realistic, null).equals(realisticJob);
                    same &= codec.readVersionDetails(documented, null).equals(documentedJob);
                  }
                  return same;
                }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
