package io.github.modelartsjobs.http;

import static io.github.modelartsjobs.http.FakeModelArts.detailsPath;
import static io.github.modelartsjobs.http.FakeModelArts.json;
import static io.github.modelartsjobs.http.FakeModelArts.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.github.modelartsjobs.core.domain.JobVersionRef;
import io.github.modelartsjobs.core.error.JobNotFoundException;
import io.github.modelartsjobs.core.error.ServiceUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

  private static final JobVersionRef REF = JobVersionRef.of(10, 10);

  private static final String PATH = detailsPath(10, 10);

  private final FakeModelArts server = FakeModelArts.signed();

  private final TestTime time = new TestTime();

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpJobDetails.Builder port() {
    return Ports.signed(server, time)
        .retryMaxAttempts(2)
        .breakerWindow(4)
        .breakerMinimumCalls(4)
        .breakerFailureRate(50)
        .breakerOpenDuration(Duration.ofSeconds(30));
  }

  @Test
  void opensAfterRepeatedServerErrorsFailsFastWhileOpenAndRecoversThroughHalfOpen() {
    server.stubDetails(
        10, 10, json(500, "{\"error_code\":\"ModelArts.0010\",\"error_msg\":\"internal\"}"));
    LogCapture logs = new LogCapture();

    try (logs;
        HttpJobDetails port = port().build()) {
      for (int call = 1; call <= 2; call++) {
        assertThatThrownBy(() -> port.versionDetails(REF))
            .isInstanceOf(ServiceUnavailableException.class)
            .hasMessageEndingWith("HTTP 500 (ModelArts.0010); 2 attempts failed");
      }
      assertThat(server.requestsTo(PATH)).hasSize(4);
      assertThat(port.breakerState()).isEqualTo("OPEN");

      long start = System.nanoTime();
      for (int call = 1; call <= 5; call++) {
        assertThatThrownBy(() -> port.versionDetails(REF))
            .isInstanceOf(ServiceUnavailableException.class)
            .hasMessageContaining("circuit breaker is open");
      }
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
      assertThat(server.requestsTo(PATH)).hasSize(4);

      server.stub(server.details(10, 10).atPriority(1).willReturn(json(200, docs())));
      time.advance(Duration.ofSeconds(31));
      for (int call = 1; call <= 3; call++) {
        assertThat(port.versionDetails(REF).ref()).isEqualTo(REF);
      }
      assertThat(port.breakerState()).isEqualTo("CLOSED");
    }

    assertThat(server.requestsTo(PATH)).hasSize(7);
    assertThat(logs.lines(Level.WARN))
        .filteredOn(l -> l.contains("circuit breaker"))
        .containsExactly(
            "WARN circuit breaker modelarts-http: CLOSED to OPEN (request req-500)",
            "WARN circuit breaker modelarts-http: OPEN to HALF_OPEN (request none)",
            "WARN circuit breaker modelarts-http: HALF_OPEN to CLOSED (request req-200)");
  }

  @Test
  void clientErrorsNeverOpenTheBreaker() {
    server.stubDetails(10, 10, json(400, FakeModelArts.NOT_FOUND_BODY));

    try (HttpJobDetails port = port().build()) {
      for (int call = 1; call <= 10; call++) {
        assertThatThrownBy(() -> port.versionDetails(REF)).isInstanceOf(JobNotFoundException.class);
      }

      assertThat(port.breakerState()).isEqualTo("CLOSED");
    }
    assertThat(server.requestsTo(PATH)).hasSize(10);
  }

  @Test
  void aBreakerThatOpensDuringACallStopsItsRemainingRetries() {
    server.stubDetails(10, 10, json(503, ""));

    try (HttpJobDetails port =
        port().retryMaxAttempts(5).breakerWindow(2).breakerMinimumCalls(2).build()) {

      assertThatThrownBy(() -> port.versionDetails(REF))
          .isInstanceOf(ServiceUnavailableException.class)
          .hasMessageContaining("circuit breaker is open")
          .hasMessageContaining("the last attempt failed: the service answered HTTP 503");
    }
    assertThat(server.requestsTo(PATH)).hasSize(2);
  }

  private static String docs() {
    return sample("docs-version-detail.json");
  }
}
