package io.github.modelartsjobs.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.modelartsjobs.http.FakeModelArts.detailsPath;
import static io.github.modelartsjobs.http.FakeModelArts.json;
import static io.github.modelartsjobs.http.FakeModelArts.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.modelartsjobs.core.domain.JobVersionRef;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.error.InvalidResponseException;
import io.github.modelartsjobs.core.error.JobNotFoundException;
import io.github.modelartsjobs.core.error.PermissionDeniedException;
import io.github.modelartsjobs.core.error.RequestRejectedException;
import io.github.modelartsjobs.core.error.ServiceUnavailableException;
import io.github.modelartsjobs.core.error.ThrottledException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each fault of the wire against a real HTTP server on loopback: the outcome, the typed error, and
 * the number of attempts counted from the server's request log.
 */
class FaultTest {

  private static final JobVersionRef REF = JobVersionRef.of(10, 10);

  private static final String PATH = detailsPath(10, 10);

  private static final String DETAILS = sample("docs-version-detail.json");

  private final FakeModelArts server = FakeModelArts.signed();

  private final TestTime time = new TestTime();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void connectionRefusedFailsAsUnavailableAfterEveryAttempt() throws IOException {
    URI closed = closedPort();
    LogCapture logs = new LogCapture();

    ServiceUnavailableException e;
    try (logs;
        HttpJobDetails port = Ports.signed(server, time).endpoint(closed).build()) {
      e = catchThrowableOfType(ServiceUnavailableException.class, () -> port.versionDetails(REF));
    }

    assertThat(e)
        .hasMessageStartingWith(
            "service unavailable for training job 10 version 10: could not connect")
        .hasMessageEndingWith("; 3 attempts failed");
    assertThat(time.sleeps()).hasSize(2);
    assertThat(logs.lines()).anyMatch(l -> l.contains("after 3 attempts"));
  }

  @Test
  void aConnectionResetInTheMiddleOfTheBodyIsRetried() {
    inSequence(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK), json(200, DETAILS));

    TrainingJob job;
    try (HttpJobDetails port = Ports.signed(server, time).build()) {
      job = port.versionDetails(REF);
    }

    assertThat(job.ref()).isEqualTo(REF);
    assertThat(server.requestsTo(PATH)).hasSize(2);
  }

  /**
   * The JDK's HTTP client sends a GET a second time, on its own, when the connection closes before
   * any byte of the answer: each of the three attempts is two requests on the wire.
   */
  @Test
  void aConnectionResetOnEveryAttemptFailsAsUnavailable() {
    server.stubDetails(10, 10, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    LogCapture logs = new LogCapture();

    try (logs;
        HttpJobDetails port = Ports.signed(server, time).build()) {

      assertThatThrownBy(() -> port.versionDetails(REF))
          .isInstanceOf(ServiceUnavailableException.class)
          .hasMessageContaining("the connection to the service failed")
          .hasMessageEndingWith("; 3 attempts failed");
    }
    assertThat(logs.lines()).anyMatch(l -> l.contains("after 3 attempts"));
    assertThat(server.requestsTo(PATH)).hasSize(6);
  }

  @Test
  void aReadTimeoutOnEveryAttemptFailsAsUnavailableWithinTheDeadline() {
    server.stubDetails(10, 10, json(200, DETAILS).withFixedDelay(5000));
    long start = System.nanoTime();

    try (HttpJobDetails port =
        Ports.signed(server, time).readTimeout(Duration.ofMillis(250)).build()) {

      assertThatThrownBy(() -> port.versionDetails(REF))
          .isInstanceOf(ServiceUnavailableException.class)
          .hasMessageContaining("the service did not answer in time; 3 attempts failed");
    }
    assertThat(millisSince(start)).isLessThan(4000);
    awaitRequests(PATH, 3);
  }

  @Test
  void aTimeBudgetShorterThanTheCallTimeoutEndsTheCallAtTheBudget() {
    server.stubDetails(10, 10, json(200, DETAILS).withChunkedDribbleDelay(200, 20_000));
    long start = System.nanoTime();

    try (HttpJobDetails port =
        Ports.signed(server, time)
            .callTimeout(Duration.ofSeconds(30))
            .readTimeout(Duration.ofSeconds(2))
            .build()) {

      assertThatThrownBy(() -> port.versionDetails(REF, Duration.ofSeconds(1)))
          .isInstanceOf(ServiceUnavailableException.class)
          .hasMessageContaining("the call deadline of 1s passed while reading the body");
    }
    assertThat(millisSince(start)).isBetween(900L, 4000L);
    assertThat(server.requestsTo(PATH)).hasSize(1);
  }

  @Test
  void aTricklingBodyFailsAtTheCallDeadline() {
    server.stubDetails(10, 10, json(200, DETAILS).withChunkedDribbleDelay(200, 20_000));
    long start = System.nanoTime();

    try (HttpJobDetails port =
        Ports.signed(server, time)
            .callTimeout(Duration.ofSeconds(1))
            .readTimeout(Duration.ofSeconds(2))
            .build()) {

      assertThatThrownBy(() -> port.versionDetails(REF))
          .isInstanceOf(ServiceUnavailableException.class)
          .hasMessageContaining("the call deadline of 1s passed while reading the body");
    }
    assertThat(millisSince(start)).isBetween(900L, 4000L);
    assertThat(server.requestsTo(PATH)).hasSize(1);
  }

  @Test
  void aBodyThatStallsIsCutAfterTheReadTimeoutAndRetried() throws IOException {
    long start = System.nanoTime();

    try (StallingServer stalling = new StallingServer(DETAILS);
        HttpJobDetails port =
            Ports.signed(server, time)
                .endpoint(stalling.uri())
                .readTimeout(Duration.ofMillis(300))
                .build()) {

      assertThatThrownBy(() -> port.versionDetails(REF))
          .isInstanceOf(ServiceUnavailableException.class)
          .hasMessageContaining("no data for 300ms while reading the body; 3 attempts failed");
      assertThat(stalling.requests()).isEqualTo(3);
    }
    assertThat(millisSince(start)).isLessThan(5000);
  }

  @Test
  void throttlingWithRetryAfterInSecondsWaitsThatLongThenSucceeds() {
    inSequence(throttled().withHeader("Retry-After", "2"), json(200, DETAILS));

    TrainingJob job;
    try (HttpJobDetails port = Ports.signed(server, time).build()) {
      job = port.versionDetails(REF);
    }

    assertThat(job.ref()).isEqualTo(REF);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
    assertThat(server.requestsTo(PATH)).hasSize(2);
  }

  @Test
  void throttlingWithRetryAfterAsAnHttpDateWaitsUntilThen() {
    String inThreeSeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            time.instant().plusSeconds(3).atOffset(ZoneOffset.UTC));
    inSequence(throttled().withHeader("Retry-After", inThreeSeconds), json(200, DETAILS));

    try (HttpJobDetails port = Ports.signed(server, time).build()) {
      port.versionDetails(REF);
    }

    assertThat(time.sleeps()).hasSize(1);
    assertThat(time.sleeps().get(0)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3));
    assertThat(server.requestsTo(PATH)).hasSize(2);
  }

  @Test
  void aRetryAfterLongerThanTheCapWaitsOnlyTheCap() {
    inSequence(throttled().withHeader("Retry-After", "120"), json(200, DETAILS));

    try (HttpJobDetails port =
        Ports.signed(server, time).retryAfterCap(Duration.ofSeconds(5)).build()) {
      port.versionDetails(REF);
    }

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void throttlingOnEveryAttemptFailsAsThrottledWithTheWaitAskedFor() {
    server.stubDetails(10, 10, throttled().withHeader("Retry-After", "2"));

    ThrottledException e;
    try (HttpJobDetails port = Ports.signed(server, time).build()) {
      e = catchThrowableOfType(ThrottledException.class, () -> port.versionDetails(REF));
    }

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
    assertThat(e)
        .hasMessage(
            "too many requests for training job 10 version 10 (ModelArts.2799, HTTP 429, request"
                + " req-429); retry after 2s");
    assertThat(server.requestsTo(PATH)).hasSize(3);
  }

  @Test
  void aRetryAfterBeyondTheDeadlineFailsAtOnceWithoutWaiting() {
    server.stubDetails(10, 10, throttled().withHeader("Retry-After", "30"));

    try (HttpJobDetails port =
        Ports.signed(server, time).callTimeout(Duration.ofSeconds(10)).build()) {

      assertThatThrownBy(() -> port.versionDetails(REF)).isInstanceOf(ThrottledException.class);
    }
    assertThat(time.sleeps()).isEmpty();
    assertThat(server.requestsTo(PATH)).hasSize(1);
  }

  @Test
  void unavailableTwiceThenSuccessTakesThreeAttemptsWithGrowingBackoff() {
    ResponseDefinitionBuilder unavailable =
        json(503, "{\"error_code\":\"ModelArts.0010\",\"error_msg\":\"busy\"}");
    inSequence(unavailable, unavailable, json(200, DETAILS));

    TrainingJob job;
    try (HttpJobDetails port = Ports.signed(server, time).build()) {
      job = port.versionDetails(REF);
    }

    assertThat(job.ref()).isEqualTo(REF);
    assertThat(server.requestsTo(PATH)).hasSize(3);
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(75), Duration.ofMillis(150));
  }

  @Test
  void jobNotFoundIsNotRetried() {
    server.stubDetails(10, 10, json(400, FakeModelArts.NOT_FOUND_BODY));

    try (HttpJobDetails port = Ports.signed(server, time).build()) {

      assertThatThrownBy(() -> port.versionDetails(REF))
          .isInstanceOf(JobNotFoundException.class)
          .hasMessage(
              "training job 10 version 10 not found (ModelArts.2775, HTTP 400, request req-400)");
    }
    assertThat(server.requestsTo(PATH)).hasSize(1);
  }

  @Test
  void forbiddenIsPermissionDeniedAndNotRetried() {
    server.stubDetails(
        10, 10, json(403, "{\"error_code\":\"ModelArts.0108\",\"error_msg\":\"no permission\"}"));

    try (HttpJobDetails port = Ports.signed(server, time).build()) {

      assertThatThrownBy(() -> port.versionDetails(REF))
          .isInstanceOf(PermissionDeniedException.class)
          .hasMessage(
              "permission denied for training job 10 version 10 (ModelArts.0108, HTTP 403, request"
                  + " req-403): no permission");
    }
    assertThat(server.requestsTo(PATH)).hasSize(1);
  }

  @Test
  void anHtmlBadGatewayFromAProxyIsUnavailableWithTheStatusAndAnExcerpt() {
    server.stubDetails(
        10,
        10,
        aResponse()
            .withStatus(502)
            .withHeader("Content-Type", "text/html")
            .withBody(
                "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502"
                    + " Bad Gateway</h1></center>\n<hr><center>nginx</center>\n</body>\n"
                    + "</html>\n"));

    ServiceUnavailableException e;
    try (HttpJobDetails port = Ports.signed(server, time).build()) {
      e = catchThrowableOfType(ServiceUnavailableException.class, () -> port.versionDetails(REF));
    }

    assertThat(e)
        .hasMessage(
            "service unavailable for training job 10 version 10 (HTTP 502): the service answered"
                + " HTTP 502: 502 Bad Gateway nginx; 3 attempts failed");
    assertThat(e.context().status()).hasValue(502);
    assertThat(e.context().message()).contains("502 Bad Gateway nginx");
    assertThat(server.requestsTo(PATH)).hasSize(3);
  }

  @Test
  void anEmptyOkBodyIsAnInvalidResponse() {
    server.stubDetails(10, 10, json(200, ""));

    try (HttpJobDetails port = Ports.signed(server, time).build()) {

      assertThatThrownBy(() -> port.versionDetails(REF))
          .isInstanceOf(InvalidResponseException.class)
          .hasMessageStartingWith("invalid response for training job 10 version 10 (HTTP 200");
    }
    assertThat(server.requestsTo(PATH)).hasSize(1);
  }

  @Test
  void truncatedJsonIsAnInvalidResponse() {
    server.stubDetails(10, 10, json(200, DETAILS.substring(0, DETAILS.length() / 2)));

    try (HttpJobDetails port = Ports.signed(server, time).build()) {

      assertThatThrownBy(() -> port.versionDetails(REF))
          .isInstanceOf(InvalidResponseException.class)
          .hasMessageStartingWith("invalid response for training job 10 version 10 (HTTP 200");
    }
    assertThat(server.requestsTo(PATH)).hasSize(1);
  }

  @Test
  void aFailureReportedInsideAnOkBodyIsTheTypedErrorForItsCode() {
    server.stubDetails(10, 10, json(200, sample("docs-error.json")));

    try (HttpJobDetails port = Ports.signed(server, time).build()) {

      assertThatThrownBy(() -> port.versionDetails(REF))
          .isInstanceOf(RequestRejectedException.class)
          .hasMessageContaining("ModelArts.0105")
          .hasMessageContaining("Error string");
    }
    assertThat(server.requestsTo(PATH)).hasSize(1);
  }

  @Test
  void aBodyOverTheLimitIsAnInvalidResponse() {
    server.stubDetails(10, 10, json(200, sample("realistic-version-detail.json")));

    try (HttpJobDetails port = Ports.signed(server, time).maxBodyBytes(1000).build()) {

      assertThatThrownBy(() -> port.versionDetails(REF))
          .isInstanceOf(InvalidResponseException.class)
          .hasMessage(
              "invalid response for training job 10 version 10 (HTTP 200, request req-200): the"
                  + " body is larger than max-body-bytes (1000 bytes)");
    }
    assertThat(server.requestsTo(PATH)).hasSize(1);
  }

  @Test
  void aChunkedBodyOverTheLimitIsCutWhenItPassesTheLimit() {
    server.stubDetails(
        10,
        10,
        json(200, sample("realistic-version-detail.json")).withChunkedDribbleDelay(20, 100));

    try (HttpJobDetails port = Ports.signed(server, time).maxBodyBytes(1000).build()) {

      assertThatThrownBy(() -> port.versionDetails(REF))
          .isInstanceOf(InvalidResponseException.class)
          .hasMessageEndingWith("the body is larger than max-body-bytes (1000 bytes)");
    }
  }

  private ResponseDefinitionBuilder throttled() {
    return json(429, "{\"error_code\":\"ModelArts.2799\",\"error_msg\":\"too many requests\"}");
  }

  /** Answers each request to the details path with the next of these answers; the last repeats. */
  private void inSequence(ResponseDefinitionBuilder... answers) {
    for (int i = 0; i < answers.length; i++) {
      String state = i == 0 ? STARTED : "answer " + i;
      var mapping = server.details(10, 10).inScenario("sequence").whenScenarioStateIs(state);
      if (i + 1 < answers.length) {
        mapping = mapping.willSetStateTo("answer " + (i + 1));
      }
      server.stub(mapping.willReturn(answers[i]));
    }
  }

  private void awaitRequests(String path, int expected) {
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<?> requests = server.requestsTo(path);
    while (requests.size() < expected && System.nanoTime() < until) {
      Thread.onSpinWait();
      requests = server.requestsTo(path);
    }
    assertThat(requests).hasSize(expected);
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static URI closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
  }
}
