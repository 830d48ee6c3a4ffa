package io.github.modelartsjobs.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.modelartsjobs.http.FakeModelArts.detailsPath;
import static io.github.modelartsjobs.http.FakeModelArts.json;
import static io.github.modelartsjobs.http.FakeModelArts.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.modelartsjobs.core.domain.JobVersionRef;
import io.github.modelartsjobs.core.domain.JobVersions;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.error.AuthenticationException;
import io.github.modelartsjobs.core.error.InvalidResponseException;
import io.github.modelartsjobs.core.error.ModelArtsException;
import io.github.modelartsjobs.core.error.RequestRejectedException;
import io.github.modelartsjobs.core.error.ServiceUnavailableException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server that misbehaves on the wire, byte by byte where no HTTP library would: every call must
 * end within its deadline, in success or the right typed error of the core, after the expected
 * number of attempts (counted by the server).
 */
class HostileServerTest {

  private static final JobVersionRef REF = JobVersionRef.of(10, 10);

  private static final String DETAILS = sample("docs-version-detail.json");

  private static final String ANY_ERROR = "{\"error_code\":\"ModelArts.0010\"}";

  /** Longer than any call here may take: a call still running then hangs. */
  private static final Duration HANG = Duration.ofSeconds(15);

  private final TestTime time = new TestTime();

  private final FakeModelArts wiremock = FakeModelArts.open();

  private RawServer raw;

  @AfterEach
  void stop() throws IOException {
    wiremock.close();
    if (raw != null) {
      raw.close();
    }
  }

  private HttpJobDetails.Builder port(URI endpoint) {
    return HttpJobDetails.builder()
        .endpoint(endpoint)
        .projectId(FakeModelArts.PROJECT)
        .authToken("TOKEN-OF-THE-HOSTILE-SERVER-TEST")
        .environment(name -> null)
        .clock(time)
        .sleeper(time)
        .random(() -> 0.5)
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(2))
        .callTimeout(Duration.ofSeconds(8))
        .retryInitialBackoff(Duration.ofMillis(100))
        .retryMaxBackoff(Duration.ofSeconds(1));
  }

  private HttpJobDetails.Builder rawPort(RawServer.Script script) throws IOException {
    raw = new RawServer(script);
    return port(raw.uri());
  }

  /** The failure of one call, which must end before {@link #HANG}; null on success. */
  private static Throwable failureOf(HttpJobDetails port) {
    try (port) {
      return assertTimeoutPreemptively(HANG, () -> catchThrowable(() -> port.versionDetails(REF)));
    }
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void aHalfWrittenStatusLineIsRetriedThenUnavailable() throws IOException {
    HttpJobDetails port =
        rawPort(
                (i, head, out) -> {
                  RawServer.write(out, "HTTP/1.1 20");
                  return false;
                })
            .build();

    Throwable e = failureOf(port);

    assertThat(e)
        .isInstanceOf(ServiceUnavailableException.class)
        .hasMessageContaining("the connection to the service failed")
        .hasMessageEndingWith("; 3 attempts failed");
    assertThat(raw.requests()).isEqualTo(3);
  }

  @Test
  void aHeadThatNeverEndsIsCutByTheReadTimeoutOnEveryAttempt() throws IOException {
    HttpJobDetails port =
        rawPort(
                (i, head, out) -> {
                  RawServer.write(out, "HTTP/1.1 200 OK\r\nX-Never-Ending: ");
                  for (int k = 0; k < 200; k++) {
                    RawServer.write(out, "a");
                    Thread.sleep(25);
                  }
                  return false;
                })
            .readTimeout(Duration.ofMillis(300))
            .build();
    long start = System.nanoTime();

    Throwable e = failureOf(port);

    assertThat(e)
        .isInstanceOf(ServiceUnavailableException.class)
        .hasMessageContaining("the service did not answer in time; 3 attempts failed");
    assertThat(raw.requests()).isEqualTo(3);
    assertThat(millisSince(start)).isLessThan(4000);
  }

  @Test
  void aChunkSizeThatIsNotHexadecimalIsRetriedThenUnavailable() throws IOException {
    HttpJobDetails port =
        rawPort(
                (i, head, out) -> {
                  RawServer.write(
                      out,
                      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
                  return false;
                })
            .build();

    Throwable e = failureOf(port);

    // the bad chunk comes with the head: the JDK client may report it before or after the head
    assertThat(e)
        .isInstanceOf(ServiceUnavailableException.class)
        .hasMessageMatching(
            ".*(\\(HTTP 200\\): the connection failed while reading the body|the connection to"
                + " the service failed) \\(IOException: Illegal character in chunk size.*")
        .hasMessageEndingWith("; 3 attempts failed");
    assertThat(raw.requests()).isEqualTo(3);
  }

  @Test
  void aChunkThatPromisesMoreThanItSendsIsRetriedThenUnavailable() throws IOException {
    HttpJobDetails port =
        rawPort(
                (i, head, out) -> {
                  RawServer.write(
                      out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffff\r\n{\"a\":");
                  return false;
                })
            .build();

    Throwable e = failureOf(port);

    assertThat(e)
        .isInstanceOf(ServiceUnavailableException.class)
        .hasMessageEndingWith("; 3 attempts failed");
    assertThat(raw.requests()).isEqualTo(3);
  }

  @Test
  void aContentLengthLargerThanTheBodyIsRetriedThenUnavailable() throws IOException {
    HttpJobDetails port =
        rawPort(
                (i, head, out) -> {
                  RawServer.write(
                      out, "HTTP/1.1 200 OK\r\nContent-Length: 99999\r\n\r\n" + DETAILS);
                  return false;
                })
            .build();

    Throwable e = failureOf(port);

    assertThat(e)
        .isInstanceOf(ServiceUnavailableException.class)
        .hasMessageContaining("the connection failed while reading the body")
        .hasMessageEndingWith("; 3 attempts failed");
    assertThat(raw.requests()).isEqualTo(3);
  }

  /**
   * The array for the body was sized by the announced length: a server announcing 1 GiB and sending
   * a few bytes made every attempt reserve 1 GiB before a byte arrived (and a call fail with an
   * {@link OutOfMemoryError} instead of a typed error when the heap was smaller).
   */
  @Test
  void aHugeContentLengthOverASmallBodyReservesNoMemoryForIt() throws IOException {
    HttpJobDetails port =
        rawPort(
                (i, head, out) -> {
                  RawServer.write(
                      out, "HTTP/1.1 200 OK\r\nContent-Length: 1073741824\r\n\r\n" + DETAILS);
                  return false;
                })
            .maxBodyBytes(2_147_483_631)
            .build();
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();

    Throwable e;
    try (port) {
      e = catchThrowable(() -> port.versionDetails(REF));
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertThat(e)
        .isInstanceOf(ServiceUnavailableException.class)
        .hasMessageContaining("the connection failed while reading the body")
        .hasMessageEndingWith("; 3 attempts failed");
    assertThat(allocated).isLessThan(64L * 1024 * 1024);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aBodyAtTheLimitIsReadAndOneByteMoreIsTooLarge(boolean chunked) throws IOException {
    byte[] body = DETAILS.getBytes(StandardCharsets.UTF_8);
    HttpJobDetails atLimit =
        rawPort(bodyAnswer(body, 0, chunked)).maxBodyBytes(body.length).build();
    TrainingJob job;
    try (atLimit) {
      job = atLimit.versionDetails(REF);
    }
    raw.close();
    HttpJobDetails overLimit =
        rawPort(bodyAnswer(body, 1, chunked)).maxBodyBytes(body.length).build();

    Throwable e = failureOf(overLimit);

    assertThat(job.ref()).isEqualTo(REF);
    assertThat(e)
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageEndingWith("the body is larger than max-body-bytes (" + body.length + " bytes)");
    assertThat(raw.requests()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void anErrorBodyFarOver64KiBIsCutAndStillGivesTheTypedError(boolean chunked) throws IOException {
    byte[] body =
        ("{\"error_code\":\"ModelArts.2775\",\"error_msg\":\"" + "x".repeat(300_000) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    HttpJobDetails port =
        rawPort(
                (i, head, out) -> {
                  RawServer.write(
                      out,
                      "HTTP/1.1 404 Not Found\r\n"
                          + (chunked
                              ? "Transfer-Encoding: chunked\r\n\r\n"
                                  + Integer.toHexString(body.length)
                                  + "\r\n"
                              : "Content-Length: " + body.length + "\r\n\r\n"));
                  out.write(body);
                  RawServer.write(out, chunked ? "\r\n0\r\n\r\n" : "");
                  return true;
                })
            .build();
    long start = System.nanoTime();

    Throwable e = failureOf(port);

    assertThat(e).isInstanceOf(ModelArtsException.class);
    assertThat(((ModelArtsException) e).context().httpStatus()).isEqualTo(404);
    assertThat(raw.requests()).isEqualTo(1);
    assertThat(millisSince(start)).isLessThan(2000);
  }

  /** A 200 answer of the body followed by {@code extra} spaces, chunked or of known length. */
  private static RawServer.Script bodyAnswer(byte[] body, int extra, boolean chunked) {
    byte[] whole =
        (new String(body, StandardCharsets.UTF_8) + " ".repeat(extra))
            .getBytes(StandardCharsets.UTF_8);
    return (i, head, out) -> {
      if (chunked) {
        RawServer.write(
            out,
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(whole.length)
                + "\r\n");
        out.write(whole);
        RawServer.write(out, "\r\n0\r\n\r\n");
      } else {
        RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: " + whole.length + "\r\n\r\n");
        out.write(whole);
        out.flush();
      }
      return true;
    };
  }

  /**
   * The JDK's body stream swallows an interrupt of a read waiting for bytes: the call went on until
   * the body stalled for the read timeout, then retried, the interrupt lost.
   */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void anInterruptWhileTheAnswerStallsEndsTheCallAtOnceAndStaysSet(boolean afterTheHead)
      throws Exception {
    HttpJobDetails port =
        rawPort(
                (i, head, out) -> {
                  if (afterTheHead) {
                    RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 99999\r\n\r\n{");
                  }
                  return RawServer.hold();
                })
            .build();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Thread caller =
        new Thread(
            () -> {
              failure.set(catchThrowable(() -> port.versionDetails(REF)));
              stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
    caller.start();
    while (raw.requests() == 0) {
      Thread.sleep(5);
    }
    Thread.sleep(200);
    long start = System.nanoTime();

    caller.interrupt();
    caller.join(HANG.toMillis());
    port.close();

    assertThat(caller.isAlive()).isFalse();
    assertThat(millisSince(start)).isLessThan(1000);
    assertThat(failure.get()).isInstanceOf(ServiceUnavailableException.class);
    assertThat(stillInterrupted).isTrue();
    assertThat(raw.requests()).isEqualTo(1);
  }

  @Test
  void aContentLengthSmallerThanTheBodyIsAnInvalidResponseWithoutRetry() throws IOException {
    HttpJobDetails port =
        rawPort(
                (i, head, out) -> {
                  RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n" + DETAILS);
                  return true;
                })
            .build();

    Throwable e = failureOf(port);

    assertThat(e)
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageStartingWith("invalid response for training job 10 version 10 (HTTP 200)");
    assertThat(raw.requests()).isEqualTo(1);
  }

  /**
   * Feign's own client read the gzip header before handing back the response, without any timeout:
   * this call hung until the server let go, far past its deadline.
   */
  @Test
  void aGzipBodyThatNeverComesIsCutLikeAnyStalledBody() throws IOException {
    HttpJobDetails port =
        rawPort(
                (i, head, out) -> {
                  RawServer.write(
                      out,
                      "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 100\r\n\r\n");
                  return RawServer.hold();
                })
            .readTimeout(Duration.ofMillis(300))
            .callTimeout(Duration.ofSeconds(4))
            .build();
    long start = System.nanoTime();

    Throwable e = failureOf(port);

    assertThat(e)
        .isInstanceOf(ServiceUnavailableException.class)
        .hasMessageContaining("no data for 300ms while reading the body; 3 attempts failed");
    assertThat(raw.requests()).isEqualTo(3);
    assertThat(millisSince(start)).isLessThan(4000);
  }

  @Test
  void aGzipClaimOverAPlainBodyIsAnInvalidResponseWithoutRetry() throws IOException {
    HttpJobDetails port =
        rawPort(
                (i, head, out) -> {
                  RawServer.answer(out, 200, "Content-Encoding: gzip\r\n", DETAILS);
                  return true;
                })
            .build();

    Throwable e = failureOf(port);

    assertThat(e)
        .isInstanceOf(InvalidResponseException.class)
        .hasMessage(
            "invalid response for training job 10 version 10 (HTTP 200): the body could not be"
                + " decompressed (ZipException: Not in GZIP format)");
    assertThat(raw.requests()).isEqualTo(1);
  }

  @Test
  void aGzipBodyIsDecompressed() throws IOException {
    byte[] compressed = gzip(DETAILS.getBytes(StandardCharsets.UTF_8));
    HttpJobDetails port = rawPort((i, head, out) -> gzipAnswer(out, compressed)).build();

    TrainingJob job;
    try (port) {
      job = port.versionDetails(REF);
    }

    assertThat(job.ref()).isEqualTo(REF);
  }

  @Test
  void aGzipBombIsCutAtTheBodyLimit() throws IOException {
    byte[] bomb = gzip(new byte[8 * 1024 * 1024]);
    HttpJobDetails port =
        rawPort((i, head, out) -> gzipAnswer(out, bomb)).maxBodyBytes(1024 * 1024).build();

    Throwable e = failureOf(port);

    assertThat(bomb.length).isLessThan(64 * 1024);
    assertThat(e)
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageEndingWith("the body is larger than max-body-bytes (1048576 bytes)");
    assertThat(raw.requests()).isEqualTo(1);
  }

  @Test
  void informationalAnswersBeforeTheRealOneArePassedOver() throws IOException {
    HttpJobDetails port =
        rawPort(
                (i, head, out) -> {
                  RawServer.write(out, "HTTP/1.1 102 Processing\r\n\r\n");
                  RawServer.write(out, "HTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\n");
                  RawServer.answer(out, 200, "", DETAILS);
                  return true;
                })
            .build();

    TrainingJob job;
    try (port) {
      job = port.versionDetails(REF);
    }

    assertThat(job.ref()).isEqualTo(REF);
    assertThat(raw.requests()).isEqualTo(1);
  }

  @Test
  void noContentIsAnInvalidResponseWithoutRetry() throws IOException {
    HttpJobDetails port =
        rawPort(
                (i, head, out) -> {
                  RawServer.write(out, "HTTP/1.1 204 No Content\r\n\r\n");
                  return true;
                })
            .build();

    Throwable e = failureOf(port);

    assertThat(e)
        .isInstanceOf(InvalidResponseException.class)
        .hasMessage(
            "invalid response for training job 10 version 10 (HTTP 204): the body is empty");
    assertThat(raw.requests()).isEqualTo(1);
  }

  @Test
  void anEnormousHeaderIsRefusedAndRetriedThenUnavailable() throws IOException {
    String big = "a".repeat(2 * 1024 * 1024);
    HttpJobDetails port =
        rawPort(
                (i, head, out) -> {
                  RawServer.answer(out, 200, "X-Big: " + big + "\r\n", DETAILS);
                  return true;
                })
            .build();

    Throwable e = failureOf(port);

    assertThat(e)
        .isInstanceOf(ServiceUnavailableException.class)
        .hasMessageContaining("the connection to the service failed")
        .hasMessageEndingWith("; 3 attempts failed");
    assertThat(e.getMessage()).hasSizeLessThan(600);
    assertThat(raw.requests()).isEqualTo(3);
  }

  @Test
  void anUnknownStatusIsRejectedWithoutRetry() throws IOException {
    HttpJobDetails port =
        rawPort(
                (i, head, out) -> {
                  RawServer.answer(out, 999, "", "{}");
                  return true;
                })
            .build();

    Throwable e = failureOf(port);

    assertThat(e).isInstanceOf(RequestRejectedException.class);
    assertThat(((ModelArtsException) e).context().status()).hasValue(999);
    assertThat(raw.requests()).isEqualTo(1);
  }

  @Test
  void aBodyWithAByteOrderMarkIsRead() throws IOException {
    HttpJobDetails port =
        rawPort(
                (i, head, out) -> {
                  RawServer.answer(out, 200, "", "\uFEFF" + DETAILS);
                  return true;
                })
            .build();

    TrainingJob job;
    try (port) {
      job = port.versionDetails(REF);
    }

    assertThat(job.ref()).isEqualTo(REF);
  }

  @Test
  void anHtmlPageWithStatus200IsAnInvalidResponseWithoutRetry() {
    wiremock.stubDetails(
        10,
        10,
        aResponse()
            .withStatus(200)
            .withHeader("Content-Type", "text/html")
            .withBody("<html><body><h1>Welcome to the proxy</h1></body></html>"));

    Throwable e = failureOf(port(wiremock.uri()).build());

    assertThat(e)
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageStartingWith("invalid response for training job 10 version 10 (HTTP 200)");
    assertThat(wiremock.requestsTo(detailsPath(10, 10))).hasSize(1);
  }

  @Test
  void anEmptyBadGatewayIsUnavailableWithItsStatusAfterEveryAttempt() {
    wiremock.stubDetails(10, 10, aResponse().withStatus(503));

    Throwable e = failureOf(port(wiremock.uri()).build());

    assertThat(e)
        .isInstanceOf(ServiceUnavailableException.class)
        .hasMessage(
            "service unavailable for training job 10 version 10 (HTTP 503): the service answered"
                + " HTTP 503; 3 attempts failed");
    assertThat(wiremock.requestsTo(detailsPath(10, 10))).hasSize(3);
  }

  @Test
  void anEmptyUnauthorizedIsAnAuthenticationErrorWithoutRetry() {
    wiremock.stubDetails(10, 10, aResponse().withStatus(401));

    Throwable e = failureOf(port(wiremock.uri()).build());

    assertThat(e)
        .isInstanceOf(AuthenticationException.class)
        .hasMessage("authentication failed for training job 10 version 10 (HTTP 401)");
    assertThat(wiremock.requestsTo(detailsPath(10, 10))).hasSize(1);
  }

  @Test
  void aRedirectToAnotherHostIsNeitherFollowedNorRetried() {
    try (FakeModelArts elsewhere = FakeModelArts.open()) {
      elsewhere.stubDetails(10, 10, json(200, DETAILS));
      wiremock.stubDetails(
          10,
          10,
          aResponse()
              .withStatus(301)
              .withHeader("Location", elsewhere.uri() + detailsPath(10, 10)));

      Throwable e = failureOf(port(wiremock.uri()).build());

      assertThat(e).isInstanceOf(RequestRejectedException.class);
      assertThat(((ModelArtsException) e).context().status()).hasValue(301);
      assertThat(elsewhere.requestCount()).isZero();
    }
    assertThat(wiremock.requestsTo(detailsPath(10, 10))).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-5", "garbage", "1.5", "Wed, 21 Oct 2015 07:28:00 GMT", ""})
  void aRetryAfterThatAsksForNoWaitLeavesTheBackoff(String retryAfter) {
    throttledThenOk(retryAfter);

    try (HttpJobDetails port = port(wiremock.uri()).build()) {
      port.versionDetails(REF);
    }

    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(75));
    assertThat(wiremock.requestsTo(detailsPath(10, 10))).hasSize(2);
  }

  /** A number of seconds of more than 9 digits used to be ignored, and the retry came at once. */
  @ParameterizedTest
  @ValueSource(
      strings = {"99999999999", "99999999999999999999999999", "Fri, 31 Dec 9999 23:59:59 GMT"})
  void aRetryAfterBeyondTheCapWaitsTheCap(String retryAfter) {
    throttledThenOk(retryAfter);

    try (HttpJobDetails port =
        port(wiremock.uri())
            .retryAfterCap(Duration.ofSeconds(5))
            .callTimeout(Duration.ofSeconds(60))
            .build()) {
      port.versionDetails(REF);
    }

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(5));
    assertThat(wiremock.requestsTo(detailsPath(10, 10))).hasSize(2);
  }

  @Test
  void idsAtTheTopOfTheRangeAreSentWholeAndSigned() {
    long max = Long.MAX_VALUE;
    try (FakeModelArts signed = FakeModelArts.signed()) {
      signed.stubDetails(
          max,
          max,
          json(
              200,
              DETAILS
                  .replace("\"job_id\": 10", "\"job_id\": " + max)
                  .replace("\"version_id\": 10", "\"version_id\": " + max)));

      TrainingJob job;
      try (HttpJobDetails port = Ports.signed(signed, time).build()) {
        job = port.versionDetails(JobVersionRef.of(max, max));
      }

      assertThat(job.ref()).isEqualTo(JobVersionRef.of(max, max));
      assertThat(signed.requestsTo(detailsPath(max, max))).hasSize(1);
      assertThat(signed.verifiedSignatures()).isEqualTo(1);
    }
  }

  @Test
  void idsBelowOneAreRefusedBeforeAnyRequest() {
    try (HttpJobDetails port = port(wiremock.uri()).build()) {

      assertThat(catchThrowable(() -> port.versions(0)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("jobId must be at least 1, but was 0");
      assertThat(catchThrowable(() -> port.versions(Long.MIN_VALUE)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("jobId must be at least 1, but was " + Long.MIN_VALUE);
      assertThat(catchThrowable(() -> JobVersionRef.of(10, -1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("versionId must be at least 1, but was -1");
    }
    assertThat(wiremock.requestCount()).isZero();
  }

  @Test
  void anEndlessListOfVersionsEndsAtTheCallDeadline() throws IOException {
    HttpJobDetails port =
        rawPort((i, head, out) -> answerPage(out, i))
            .pageSize(1)
            .callTimeout(Duration.ofSeconds(1))
            .build();

    Throwable e;
    try (port) {
      e = assertTimeoutPreemptively(HANG, () -> catchThrowable(() -> port.versions(10)));
    }

    assertThat(e)
        .isInstanceOf(ServiceUnavailableException.class)
        .hasMessageContaining("the call deadline of 1s passed");
    assertThat(raw.requests()).isGreaterThan(1);
  }

  @Test
  void aVersionsListWithAHugeCountEndsWithTheFirstShortPage() throws IOException {
    HttpJobDetails port =
        rawPort(
                (i, head, out) -> {
                  RawServer.answer(
                      out,
                      200,
                      "",
                      sample("docs-versions-list.json")
                          .replaceFirst(
                              "\"version_count\": \\d+", "\"version_count\": 1000000000000000000"));
                  return true;
                })
            .build();

    JobVersions versions;
    try (port) {
      versions = port.versions(10);
    }

    assertThat(versions.versions()).isNotEmpty();
    assertThat(raw.requests()).isEqualTo(1);
  }

  /** The versions list used to be taken as the asked job's, whatever job it was about. */
  @Test
  void aVersionsListAboutAnotherJobIsAnInvalidResponse() {
    wiremock.stub(
        wiremock
            .versions(10)
            .willReturn(
                json(
                    200,
                    sample("docs-versions-list.json")
                        .replace("\"job_id\": 10", "\"job_id\": 11"))));

    Throwable e;
    try (HttpJobDetails port = port(wiremock.uri()).build()) {
      e = catchThrowable(() -> port.versions(10));
    }

    assertThat(e)
        .isInstanceOf(InvalidResponseException.class)
        .hasMessage(
            "invalid response for training job 10 (HTTP 200, request req-200): the answer is"
                + " about job 11, not the one asked for");
  }

  private static boolean answerPage(OutputStream out, int page) throws IOException {
    String version = DETAILS.replace("\"version_id\": 10", "\"version_id\": " + (page + 1));
    RawServer.answer(
        out, 200, "", "{\"is_success\": true, \"job_id\": 10, \"versions\": [" + version + "]}");
    return true;
  }

  private void throttledThenOk(String retryAfter) {
    ResponseDefinitionBuilder throttled =
        json(429, "{\"error_code\":\"ModelArts.2799\"}").withHeader("Retry-After", retryAfter);
    wiremock.stub(
        wiremock
            .details(10, 10)
            .inScenario("throttled")
            .whenScenarioStateIs(STARTED)
            .willSetStateTo("ok")
            .willReturn(throttled));
    wiremock.stub(
        wiremock
            .details(10, 10)
            .inScenario("throttled")
            .whenScenarioStateIs("ok")
            .willReturn(json(200, DETAILS)));
  }

  private static boolean gzipAnswer(OutputStream out, byte[] compressed) throws IOException {
    RawServer.write(
        out,
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
            + "Content-Length: "
            + compressed.length
            + "\r\n\r\n");
    out.write(compressed);
    return true;
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    }
    return out.toByteArray();
  }
}
