package io.github.modelartsjobs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Request;
import feign.Response;
import feign.Retryer;
import feign.http2client.Http2Client;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.usecase.Session;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * One job-info call end to end, through the HTTP adapter (AK/SK signing, retry, circuit breaker,
 * deadline, decoding into a {@link TrainingJob}), against the floor: a bare {@link HttpClient} GET
 * of the same URL followed by Jackson's {@code readTree} of the body. Both call the same {@link
 * LoopbackServer} on 127.0.0.1, which answers with the documented sample.
 *
 * <p>Latency is measured with one thread ({@link Mode#AverageTime}), throughput with 16 threads
 * sharing one adapter, or one client, as an application would ({@link Mode#Throughput}).
 *
 * <p>A third side, for reference only, sends the same GET through plain Feign over its Java 11
 * client ({@link PlainFeignApi}: no signing, no resilience, the body read whole and given to {@code
 * readTree}), to show which part of the adapter's cost is Feign's own.
 */
@State(Scope.Benchmark)
public class EndToEndBenchmark {

  private static final long JOB_ID = 10;
  private static final long VERSION_ID = 10;

  private LoopbackServer server;
  private Session session;
  private HttpClient client;
  private HttpRequest request;
  private PlainFeignApi plainFeign;
  private final Request.Options feignOptions =
      new Request.Options(Duration.ofSeconds(10), Duration.ofSeconds(30), false);
  private final ObjectMapper mapper = new ObjectMapper();

  /**
   * Starts the server, builds the adapter from its settings and the bare client.
   *
   * @throws IOException if the server cannot start
   */
  @Setup(Level.Trial)
  public void start() throws IOException {
    server = LoopbackServer.start(JOB_ID, VERSION_ID, Bodies.documentedSample(), 4);
    session = Session.fromSettings(adapterSettings(server.endpoint()));
    session.getJobInfo(JOB_ID, VERSION_ID);
    if (server.signed() != 1) {
      throw new IllegalStateException(
          "the adapter must sign its requests, but " + server.signed() + " of 1 were signed");
    }
    client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    request =
        HttpRequest.newBuilder(server.detailsUri())
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .GET()
            .build();
    plainFeign =
        Feign.builder()
            .retryer(Retryer.NEVER_RETRY)
            .client(
                new Http2Client(
                    HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build()))
            .target(PlainFeignApi.class, server.endpoint());
  }

  /**
   * The settings of the adapter under test: AK/SK signing on, resilience at its defaults.
   *
   * @param endpoint the loopback base URI
   * @return the settings
   */
  static Map<String, String> adapterSettings(String endpoint) {
    return Map.of(
        "adapter", "http",
        "endpoint", endpoint,
        "region", "cn-north-4",
        "project-id", LoopbackServer.PROJECT_ID,
        "access-key", "BENCHACCESSKEY000000",
        "secret-key", "bench-secret-key-not-a-real-one-000000");
  }

  /** Stops the server and closes the adapter. */
  @TearDown(Level.Trial)
  public void stop() {
    session.close();
    server.close();
  }

  /** Latency of the adapter, one thread. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public TrainingJob adapterLatency() {
    return session.getJobInfo(JOB_ID, VERSION_ID);
  }

  /**
   * Latency of the floor, one thread.
   *
   * @return the tree
   * @throws Exception if the call fails
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public JsonNode bareClientLatency() throws Exception {
    return bareCall();
  }

  /**
   * Latency of plain Feign plus {@code readTree}, one thread: a reference, not a floor.
   *
   * @return the tree
   * @throws IOException if the body cannot be read
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public JsonNode plainFeignLatency() throws IOException {
    try (Response response =
            plainFeign.versionDetails(LoopbackServer.PROJECT_ID, JOB_ID, VERSION_ID, feignOptions);
        InputStream body = response.body().asInputStream()) {
      if (response.status() != 200) {
        throw new IllegalStateException("status must be 200, but was " + response.status());
      }
      return mapper.readTree(body.readAllBytes());
    }
  }

  /** Throughput of the adapter, 16 threads. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(16)
  public TrainingJob adapterThroughput() {
    return session.getJobInfo(JOB_ID, VERSION_ID);
  }

  /**
   * Throughput of the floor, 16 threads.
   *
   * @return the tree
   * @throws Exception if the call fails
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(16)
  public JsonNode bareClientThroughput() throws Exception {
    return bareCall();
  }

  private JsonNode bareCall() throws Exception {
    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("status must be 200, but was " + response.statusCode());
    }
    return mapper.readTree(response.body());
  }
}
