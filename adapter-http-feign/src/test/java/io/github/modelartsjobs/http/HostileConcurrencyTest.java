package io.github.modelartsjobs.http;

import static io.github.modelartsjobs.http.FakeModelArts.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.github.modelartsjobs.core.domain.JobVersionRef;
import io.github.modelartsjobs.core.usecase.Sleeper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many threads on one port against a failing service (the breaker must open once, fail fast, and
 * recover through half-open), and {@link HttpJobDetails#close()} while calls are in flight: on the
 * wire, waiting for an answer that never comes, or waiting to retry. Every call must end, in
 * success or a typed error, within its deadline.
 */
class HostileConcurrencyTest {

  private static final JobVersionRef REF = JobVersionRef.of(10, 10);

  private static final String DETAILS = sample("docs-version-detail.json");

  private static final int THREADS = 64;

  private final TestTime time = new TestTime();

  private final ExecutorService callers = Executors.newFixedThreadPool(THREADS);

  private RawServer raw;

  @AfterEach
  void stop() throws IOException {
    callers.shutdownNow();
    if (raw != null) {
      raw.close();
    }
  }

  private HttpJobDetails.Builder port(RawServer.Script script) throws IOException {
    raw = new RawServer(script);
    return HttpJobDetails.builder()
        .endpoint(raw.uri())
        .projectId(FakeModelArts.PROJECT)
        .authToken("TOKEN-OF-THE-CONCURRENCY-TEST")
        .environment(name -> null)
        .clock(time)
        .sleeper(time)
        .random(() -> 0.5)
        .readTimeout(Duration.ofSeconds(5))
        .callTimeout(Duration.ofSeconds(10))
        .retryInitialBackoff(Duration.ofMillis(100));
  }

  /** Starts the calls together; each future holds "ok" or the simple name of the error. */
  private List<Future<String>> startCalls(HttpJobDetails port, int count) {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> calls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      calls.add(
          callers.submit(
              () -> {
                start.await();
                try {
                  port.versionDetails(REF);
                  return "ok";
                } catch (RuntimeException e) {
                  return e.getClass().getSimpleName();
                }
              }));
    }
    start.countDown();
    return calls;
  }

  /** The outcome of each call, which must end within the time given to all of them. */
  private static List<String> outcomes(List<Future<String>> calls, Duration within)
      throws InterruptedException, ExecutionException {
    long until = System.nanoTime() + within.toNanos();
    List<String> outcomes = new ArrayList<>();
    for (Future<String> call : calls) {
      try {
        outcomes.add(call.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS));
      } catch (TimeoutException e) {
        outcomes.add("still running after " + within.toSeconds() + "s");
      }
    }
    return outcomes;
  }

  private void awaitRequests(int count) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (raw.requests() < count && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    assertThat(raw.requests()).isGreaterThanOrEqualTo(count);
  }

  @Test
  void sixtyFourThreadsOpenTheBreakerOnceFailFastAndRecoverThroughHalfOpen() throws Exception {
    AtomicBoolean healthy = new AtomicBoolean();
    LogCapture logs = new LogCapture();
    HttpJobDetails port =
        port((i, head, out) -> {
              Thread.sleep(10);
              if (healthy.get()) {
                RawServer.answer(out, 200, "", DETAILS);
              } else {
                RawServer.answer(out, 503, "", "{\"error_code\":\"ModelArts.0010\"}");
              }
              return true;
            })
            .breakerMinimumCalls(10)
            .breakerWindow(20)
            .build();

    List<String> failing;
    List<String> recovering;
    List<String> recovered;
    int requestsWhileFailing;
    try (logs;
        port) {
      failing = outcomes(startCalls(port, THREADS), Duration.ofSeconds(20));
      requestsWhileFailing = raw.requests();
      String stateWhileFailing = port.breakerState();
      healthy.set(true);
      time.advance(Duration.ofSeconds(31));
      recovering = outcomes(startCalls(port, THREADS), Duration.ofSeconds(20));
      recovered = outcomes(startCalls(port, THREADS), Duration.ofSeconds(20));
      assertThat(stateWhileFailing).isEqualTo("OPEN");
      assertThat(port.breakerState()).isEqualTo("CLOSED");
    }

    assertThat(failing).containsOnly("ServiceUnavailableException");
    assertThat(requestsWhileFailing).isBetween(10, THREADS * 3 - 1);
    assertThat(recovering).containsOnly("ok", "ServiceUnavailableException").contains("ok");
    assertThat(recovered).containsOnly("ok");
    assertThat(logs.lines(Level.WARN))
        .filteredOn(l -> l.contains("circuit breaker"))
        .extracting(l -> l.replaceAll(" \\(request .*\\)$", ""))
        .containsExactly(
            "WARN circuit breaker modelarts-http: CLOSED to OPEN",
            "WARN circuit breaker modelarts-http: OPEN to HALF_OPEN",
            "WARN circuit breaker modelarts-http: HALF_OPEN to CLOSED");
  }

  /**
   * Closing the port shut its HTTP client's executor down under the calls in flight, whose answers
   * then never reached them: they hung, past every deadline.
   */
  @Test
  void closingLetsTheCallsInFlightFinishThenStopsThePortsThreads() throws Exception {
    long threadsBefore = adapterThreads();
    HttpJobDetails port =
        port((i, head, out) -> {
              Thread.sleep(300);
              RawServer.answer(out, 200, "", DETAILS);
              return true;
            })
            .build();
    List<Future<String>> calls = startCalls(port, 8);
    awaitRequests(8);

    port.close();

    assertThat(outcomes(calls, Duration.ofSeconds(10))).containsOnly("ok").hasSize(8);
    assertThatThrownBy(() -> port.versionDetails(REF))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("this port is closed");
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (adapterThreads() > threadsBefore && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertThat(adapterThreads()).isLessThanOrEqualTo(threadsBefore);
  }

  @Test
  void closingWhileTheServiceNeverAnswersEndsEachCallAtItsDeadline() throws Exception {
    HttpJobDetails port =
        port((i, head, out) -> RawServer.hold())
            .readTimeout(Duration.ofMillis(400))
            .callTimeout(Duration.ofSeconds(1))
            .build();
    List<Future<String>> calls = startCalls(port, 8);
    awaitRequests(8);
    long start = System.nanoTime();

    port.close();

    assertThat(outcomes(calls, Duration.ofSeconds(10)))
        .containsOnly("ServiceUnavailableException")
        .hasSize(8);
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
  }

  @Test
  void closingWhileACallWaitsToRetryLetsItRetry() throws Exception {
    CountDownLatch waiting = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    Sleeper sleeper =
        duration -> {
          waiting.countDown();
          closed.await(10, TimeUnit.SECONDS);
        };
    HttpJobDetails port =
        port((i, head, out) -> {
              if (i == 0) {
                RawServer.answer(out, 503, "", "{\"error_code\":\"ModelArts.0010\"}");
              } else {
                RawServer.answer(out, 200, "", DETAILS);
              }
              return true;
            })
            .sleeper(sleeper)
            .build();
    List<Future<String>> calls = startCalls(port, 1);
    assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();

    port.close();
    closed.countDown();

    assertThat(outcomes(calls, Duration.ofSeconds(10))).containsExactly("ok");
    assertThat(raw.requests()).isEqualTo(2);
  }

  @Test
  void aCallMadeAfterCloseIsRefusedWithoutARequest() throws Exception {
    HttpJobDetails port =
        port((i, head, out) -> {
              RawServer.answer(out, 200, "", DETAILS);
              return true;
            })
            .build();

    port.close();
    port.close();

    assertThatThrownBy(() -> port.versions(10)).isInstanceOf(IllegalStateException.class);
    assertThat(raw.requests()).isZero();
  }

  private static long adapterThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("modelarts-http-"))
        .count();
  }
}
