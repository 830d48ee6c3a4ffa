package io.github.modelartsjobs.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.modelartsjobs.http.FakeModelArts.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.modelartsjobs.core.domain.JobVersionRef;
import io.github.modelartsjobs.core.error.AuthenticationException;
import io.github.modelartsjobs.core.error.ModelArtsException;
import io.github.modelartsjobs.core.error.ServiceUnavailableException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A service (or a proxy) that sends the caller's credentials back: a token in an error message, an
 * HTML page or a request id; the AK, SK and signature in a gateway error; the IAM password in an
 * IAM error. None of it may reach an exception's text or a log line (captured at TRACE), whole or
 * in part; and a request id cannot forge or flood log lines.
 */
class EchoedSecretsTest {

  private static final long SEED = 20191115L;

  /** As long as a real IAM token, so that every message that cuts it keeps only a part. */
  private static final String LONG_TOKEN = randomToken(new Random(SEED), 1500);

  private static final String SHORT_TOKEN = "SHORT-TOKEN-42";

  private static final String ACCESS_KEY = "ECHOEDACCESSKEY00042";

  private static final String SECRET_KEY = randomToken(new Random(SEED + 2), 40);

  private static final Pattern AUTHORIZATION =
      Pattern.compile("(?im)^Authorization: (.*Signature=([0-9a-f]{64}))\\r?$");

  private final FakeModelArts server = FakeModelArts.open();

  private final TestTime time = new TestTime();

  private final TraceLogs logs = new TraceLogs();

  private final List<String> seen = new ArrayList<>();

  private RawServer raw;

  @AfterEach
  void stop() throws IOException {
    logs.close();
    server.close();
    if (raw != null) {
      raw.close();
    }
  }

  static Stream<String> tokens() {
    return Stream.of(SHORT_TOKEN, LONG_TOKEN);
  }

  private HttpJobDetails tokenPort(String token) {
    return HttpJobDetails.builder()
        .endpoint(server.uri())
        .projectId(FakeModelArts.PROJECT)
        .authToken(token)
        .environment(name -> null)
        .clock(time)
        .sleeper(time)
        .random(() -> 0.5)
        .readTimeout(Duration.ofSeconds(5))
        .retryInitialBackoff(Duration.ofMillis(100))
        .build();
  }

  @ParameterizedTest
  @MethodSource("tokens")
  void aTokenEchoedInAnErrorMessageAndRequestIdAppearsNowhere(String token) {
    server.stubDetails(
        10,
        10,
        aResponse()
            .withStatus(401)
            .withBody(
                "{\"error_code\":\"ModelArts.0203\",\"error_msg\":\"the token "
                    + token
                    + " has expired\",\"request_id\":\""
                    + token
                    + "\"}"));

    Throwable e = call(tokenPort(token));

    assertThat(e)
        .isInstanceOf(AuthenticationException.class)
        .hasMessageStartingWith("authentication failed for training job 10 version 10")
        .hasMessageContaining("the token ****");
    assertNothingOf(token);
  }

  @ParameterizedTest
  @MethodSource("tokens")
  void aTokenEchoedInAnHtmlPageAppearsNowhereNotEvenInRetryLines(String token) {
    server.stubDetails(
        10,
        10,
        aResponse()
            .withStatus(503)
            .withHeader("Content-Type", "text/html")
            .withBody("<html><body><p>Bad token: " + token + "</p></body></html>"));

    Throwable e = call(tokenPort(token));

    assertThat(e)
        .isInstanceOf(ServiceUnavailableException.class)
        .hasMessageContaining("HTTP 503: Bad token: ****")
        .hasMessageEndingWith("; 3 attempts failed");
    assertThat(logs.lines()).filteredOn(l -> l.startsWith("WARN retrying")).hasSize(2);
    assertNothingOf(token);
  }

  @ParameterizedTest
  @MethodSource("tokens")
  void aTokenEchoedInAnOkBodyThatReportsAFailureAppearsNowhere(String token) {
    server.stubDetails(
        10,
        10,
        json(
            200,
            "{\"is_success\":false,\"error_code\":\"ModelArts.0203\",\"error_msg\":\"token "
                + token
                + " expired\"}"));

    Throwable e = call(tokenPort(token));

    assertThat(e).isInstanceOf(AuthenticationException.class).hasMessageContaining("****");
    assertNothingOf(token);
  }

  @Test
  void keysAndTheSignatureEchoedByTheGatewayAppearNowhere() throws IOException {
    List<String> signatures = new ArrayList<>();
    raw =
        new RawServer(
            (i, head, out) -> {
              Matcher m = AUTHORIZATION.matcher(head);
              String authorization = m.find() ? m.group(1) : "none";
              synchronized (signatures) {
                signatures.add(m.group(2));
              }
              RawServer.answer(
                  out,
                  401,
                  "",
                  "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication"
                      + " information: verify aksk signature fail, "
                      + authorization
                      + " with key "
                      + SECRET_KEY
                      + "\",\"request_id\":\"req-1\"}");
              return true;
            });

    Throwable e;
    try (HttpJobDetails port =
        HttpJobDetails.builder()
            .endpoint(raw.uri())
            .projectId(FakeModelArts.PROJECT)
            .accessKey(ACCESS_KEY, SECRET_KEY)
            .environment(name -> null)
            .clock(time)
            .build()) {
      e = call(port);
    }

    assertThat(e)
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("(APIGW.0301, HTTP 401, request req-1)")
        .hasMessageContaining("verify aksk signature fail");
    assertThat(signatures).hasSize(1);
    assertNothingOf(ACCESS_KEY);
    assertNothingOf(SECRET_KEY);
    assertNothingOf(signatures.get(0));
  }

  @Test
  void anIamTokenAndPasswordEchoedBackAppearNowhere() {
    String password = "IAM-PASSWORD-" + randomToken(new Random(SEED + 1), 20);
    server.stub(
        post(urlEqualTo("/v3/auth/tokens"))
            .inScenario("iam")
            .whenScenarioStateIs(STARTED)
            .willSetStateTo("refused")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("X-Subject-Token", LONG_TOKEN)
                    .withBody("{\"token\":{\"expires_at\":\"2019-11-16T03:36:55.000000Z\"}}")));
    server.stub(
        post(urlEqualTo("/v3/auth/tokens"))
            .inScenario("iam")
            .whenScenarioStateIs("refused")
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "{\"error\":{\"code\":\"1101\",\"message\":\"the password "
                            + password
                            + " is wrong\"}}")));
    server.stubDetails(
        10,
        10,
        aResponse()
            .withStatus(401)
            .withBody(
                "{\"error_code\":\"ModelArts.0203\",\"error_msg\":\"token "
                    + LONG_TOKEN
                    + " expired\"}"));

    Throwable e;
    try (HttpJobDetails port =
        HttpJobDetails.builder()
            .endpoint(server.uri())
            .iamEndpoint(server.uri())
            .projectId(FakeModelArts.PROJECT)
            .iamPassword("alice", password, "acme")
            .environment(name -> null)
            .clock(time)
            .sleeper(time)
            .build()) {
      e = call(port);
    }

    assertThat(e)
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("IAM: the password **** is wrong");
    assertThat(server.requestsTo(FakeModelArts.detailsPath(10, 10))).hasSize(1);
    assertNothingOf(password);
    assertNothingOf(LONG_TOKEN);
  }

  /** A request id from the body used to go into log lines as sent, line breaks included. */
  @Test
  void aRequestIdWithLineBreaksCannotForgeLogLines() {
    server.stubDetails(
        10,
        10,
        aResponse()
            .withStatus(503)
            .withBody(
                "{\"error_code\":\"ModelArts.0010\","
                    + "\"request_id\":\"abc\\nWARN forged\\r\\u001b[2J\"}"));

    Throwable e = call(tokenPort(SHORT_TOKEN));

    assertThat(e).isInstanceOf(ServiceUnavailableException.class);
    assertThat(((ModelArtsException) e).context().requestId()).isEqualTo("abc WARN forged [2J");
    assertThat(logs.messages())
        .hasSizeGreaterThanOrEqualTo(3)
        .allSatisfy(l -> assertThat(l).doesNotContain("\n", "\r", "\u001b"))
        .anySatisfy(l -> assertThat(l).contains("(request abc WARN forged [2J)"));
  }

  /** An X-Request-Id of 10 KB used to be copied whole into every log line of the call. */
  @Test
  void aTenKilobyteRequestIdIsCutInLogLinesAndErrors() throws IOException {
    raw =
        new RawServer(
            (i, head, out) -> {
              RawServer.answer(
                  out,
                  503,
                  "X-Request-Id: " + "r".repeat(10_000) + "\r\n",
                  "{\"error_code\":\"ModelArts.0010\"}");
              return true;
            });

    Throwable e;
    try (HttpJobDetails port =
        HttpJobDetails.builder()
            .endpoint(raw.uri())
            .projectId(FakeModelArts.PROJECT)
            .authToken(SHORT_TOKEN)
            .environment(name -> null)
            .clock(time)
            .sleeper(time)
            .build()) {
      e = call(port);
    }

    assertThat(e).isInstanceOf(ServiceUnavailableException.class);
    assertThat(((ModelArtsException) e).context().requestId()).hasSizeLessThanOrEqualTo(128);
    assertThat(e.getMessage()).hasSizeLessThan(600);
    assertThat(logs.messages())
        .hasSizeGreaterThanOrEqualTo(3)
        .allSatisfy(l -> assertThat(l).hasSizeLessThan(600));
  }

  private Throwable call(HttpJobDetails port) {
    Throwable e;
    try (port) {
      e = catchThrowable(() -> port.versionDetails(JobVersionRef.of(10, 10)));
      seen.add(port.toString());
      seen.add(port.config().toString());
    }
    if (e != null) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      seen.add(e.toString());
      seen.add(trace.toString());
      if (e instanceof ModelArtsException typed) {
        seen.add(typed.context().toString());
      }
    }
    return e;
  }

  /** Neither the secret nor any 16 characters of it in a row, anywhere seen or logged. */
  private void assertNothingOf(String secret) {
    List<String> texts = new ArrayList<>(seen);
    texts.addAll(logs.lines());
    assertThat(texts).isNotEmpty();
    int window = Math.min(secret.length(), 16);
    for (String text : texts) {
      for (int i = 0; i + window <= secret.length(); i++) {
        assertThat(text)
            .as("an error, toString or log line (seed %d)", SEED)
            .doesNotContain(secret.substring(i, i + window));
      }
    }
  }

  private static String randomToken(Random random, int length) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }
}
