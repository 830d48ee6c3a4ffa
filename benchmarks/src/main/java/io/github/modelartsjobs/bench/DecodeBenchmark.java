package io.github.modelartsjobs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.modelartsjobs.codec.JobJsonCodec;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.error.ErrorContext;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decoding a version-details body into a {@link TrainingJob} with the codec, against Jackson's own
 * {@code readTree} of the same bytes (the floor): average time per operation, and with {@code -prof
 * gc} the bytes allocated per operation.
 *
 * <p>Both sides get the body as a {@code byte[]} held by the benchmark, read with one shared,
 * warmed-up instance ({@link JobJsonCodec} and {@link ObjectMapper}), and return their result so
 * that nothing is optimised away.
 *
 * <p>A third method, a reference and not the floor, does with {@code readTree} the two things the
 * codec does beyond it: it parses the JSON held in the {@code model_metric_list} string and turns
 * every point of {@code system_metric_list} into a {@code double}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecodeBenchmark {

  /** Which body: {@code small} (the documented sample) or {@code large} (see {@link Bodies}). */
  @Param({"small", "large"})
  public String body;

  private final JobJsonCodec codec = JobJsonCodec.create();
  private final ObjectMapper mapper = new ObjectMapper();
  private final ErrorContext context = ErrorContext.forVersion(10, 10);
  private byte[] bytes;

  /** Builds the body once per trial. */
  @Setup(Level.Trial)
  public void loadBody() {
    bytes = Bodies.named(body);
  }

  /** The codec: bytes to {@link TrainingJob}. */
  @Benchmark
  public TrainingJob codec() {
    return codec.readVersionDetails(bytes, context);
  }

  /**
   * The floor: bytes to a Jackson tree.
   *
   * @return the tree
   * @throws IOException never for these bodies
   */
  @Benchmark
  public JsonNode readTreeFloor() throws IOException {
    return mapper.readTree(bytes);
  }

  /**
   * The reference: {@code readTree}, then the nested metrics string parsed and the series points
   * converted, as the codec does.
   *
   * @return the sum of the points, so that nothing is optimised away
   * @throws IOException never for these bodies
   */
  @Benchmark
  public double readTreeAndConvert() throws IOException {
    JsonNode root = mapper.readTree(bytes);
    JsonNode modelMetrics = root.path("model_metric_list");
    double sum = 0;
    if (modelMetrics.isTextual()) {
      sum += mapper.readTree(modelMetrics.asText()).size();
    }
    for (JsonNode series : root.path("system_metric_list")) {
      for (JsonNode point : series) {
        sum += point.isTextual() ? Double.parseDouble(point.asText()) : point.asDouble();
      }
    }
    return sum;
  }
}
