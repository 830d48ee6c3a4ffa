package io.github.modelartsjobs.http;

import static io.github.modelartsjobs.http.FakeModelArts.json;
import static io.github.modelartsjobs.http.FakeModelArts.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.modelartsjobs.core.domain.JobVersionRef;
import io.github.modelartsjobs.core.error.ServiceUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LifecycleTest {

  private final FakeModelArts server = FakeModelArts.signed();

  private final TestTime time = new TestTime();

  @AfterEach
  void stop() {
    server.close();
  }

  private static long adapterThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("modelarts-http-"))
        .count();
  }

  @Test
  void manyThreadsShareOnePortAndItsThreadsEndOnClose() throws Exception {
    server.stubDetails(10, 10, json(200, sample("docs-version-detail.json")));
    long before = adapterThreads();
    ExecutorService callers = Executors.newFixedThreadPool(8);
    List<Future<JobVersionRef>> calls = new ArrayList<>();

    try (HttpJobDetails port = Ports.signed(server, time).build()) {
      for (int i = 0; i < 400; i++) {
        calls.add(callers.submit(() -> port.versionDetails(JobVersionRef.of(10, 10)).ref()));
      }
      for (Future<JobVersionRef> call : calls) {
        assertThat(call.get()).isEqualTo(JobVersionRef.of(10, 10));
      }
      assertThat(adapterThreads()).isGreaterThan(before);
    } finally {
      callers.shutdown();
    }

    assertThat(server.requestCount()).isEqualTo(400);
    assertThat(server.verifiedSignatures()).isEqualTo(400);
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (adapterThreads() > before && System.nanoTime() < until) {
      Thread.onSpinWait();
    }
    assertThat(adapterThreads()).isLessThanOrEqualTo(before);
  }

  @Test
  void aClosedPortRefusesCalls() {
    HttpJobDetails port = Ports.signed(server, time).build();

    port.close();

    assertThatThrownBy(() -> port.versionDetails(JobVersionRef.of(10, 10)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("this port is closed");
    assertThat(port.toString()).endsWith(", closed}");
  }

  @Test
  void tlsCertificatesAreCheckedByDefault() {
    try (FakeModelArts https = FakeModelArts.withHttps();
        LogCapture logs = new LogCapture();
        HttpJobDetails port = Ports.signed(https, time).endpoint(https.httpsUri()).build()) {

      assertThatThrownBy(() -> port.versionDetails(JobVersionRef.of(10, 10)))
          .isInstanceOf(ServiceUnavailableException.class)
          .hasMessageContaining("the TLS handshake with the service failed");
      assertThat(logs.lines()).anyMatch(l -> l.contains("after 1 attempt "));
      assertThat(https.requestCount()).isZero();
    }
  }
}
