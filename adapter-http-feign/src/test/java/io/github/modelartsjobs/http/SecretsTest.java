package io.github.modelartsjobs.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.modelartsjobs.http.FakeModelArts.json;
import static io.github.modelartsjobs.http.FakeModelArts.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.modelartsjobs.core.domain.JobVersionRef;
import io.github.modelartsjobs.core.port.AdapterSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * No key, token, password or signature in any log line (at DEBUG), any exception (message, causes,
 * suppressed, stack trace text) or any {@code toString}, across successes, retries, an open breaker
 * and authentication failures.
 */
class SecretsTest {

  private static final Pattern SIGNATURE = Pattern.compile("Signature=([0-9a-f]{64})");

  private final FakeModelArts server = FakeModelArts.signed();

  private final FakeModelArts open = FakeModelArts.open();

  private final TestTime time = new TestTime();

  private final List<String> seen = new ArrayList<>();

  @AfterEach
  void stop() {
    server.close();
    open.close();
  }

  @Test
  void accessKeySecretKeyAndSignaturesAppearNowhere() {
    server.stubDetails(10, 10, json(200, sample("docs-version-detail.json")));
    server.stubDetails(10, 11, json(503, "{\"error_code\":\"ModelArts.0010\"}"));
    server.stubDetails(10, 12, json(401, "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"x\"}"));
    LogCapture logs = new LogCapture();

    try (logs;
        HttpJobDetails port =
            Ports.signed(server, time).breakerMinimumCalls(2).breakerWindow(2).build()) {
      HttpJobDetails.Builder builder = Ports.signed(server, time);
      call(() -> port.versionDetails(JobVersionRef.of(10, 10)));
      call(() -> port.versionDetails(JobVersionRef.of(10, 12)));
      call(() -> port.versionDetails(JobVersionRef.of(10, 11)));
      call(() -> port.versionDetails(JobVersionRef.of(10, 11)));
      seen.add(port.toString());
      seen.add(port.config().toString());
      seen.add(builder.toString());
      seen.addAll(logs.lines());
    }

    List<String> secrets =
        new ArrayList<>(List.of(FakeModelArts.ACCESS_KEY, FakeModelArts.SECRET_KEY));
    secrets.addAll(server.signatures());
    secrets.addAll(signaturesSentTo(server));
    assertThat(server.signatures()).hasSizeGreaterThanOrEqualTo(3);
    assertNoneAppears(secrets);
  }

  @Test
  void iamPasswordAndTokensAppearNowhere() {
    open.stub(
        post(urlEqualTo("/v3/auth/tokens"))
            .inScenario("iam")
            .whenScenarioStateIs(STARTED)
            .willSetStateTo("second")
            .willReturn(issued("IAM-TOKEN-NUMBER-ONE")));
    open.stub(
        post(urlEqualTo("/v3/auth/tokens"))
            .inScenario("iam")
            .whenScenarioStateIs("second")
            .willReturn(issued("IAM-TOKEN-NUMBER-TWO")));
    open.stubDetails(
        10, 10, json(401, "{\"error_code\":\"ModelArts.0203\",\"error_msg\":\"token expired\"}"));
    LogCapture logs = new LogCapture();

    try (logs;
        HttpJobDetails port =
            HttpJobDetails.builder()
                .settings(
                    AdapterSettings.of(
                        Map.of(
                            "endpoint",
                            open.uri().toString(),
                            "iam-endpoint",
                            open.uri().toString(),
                            "project-id",
                            FakeModelArts.PROJECT,
                            "iam-user",
                            "alice",
                            "iam-password",
                            "IAM-PASSWORD-VALUE",
                            "iam-domain",
                            "acme")))
                .environment(name -> null)
                .clock(time)
                .sleeper(time)
                .build()) {
      call(() -> port.versionDetails(JobVersionRef.of(10, 10)));
      seen.add(port.toString());
      seen.add(port.config().toString());
      seen.addAll(logs.lines());
    }

    assertThat(open.requestsTo(FakeModelArts.detailsPath(10, 10))).hasSize(2);
    assertNoneAppears(
        List.of("IAM-PASSWORD-VALUE", "IAM-TOKEN-NUMBER-ONE", "IAM-TOKEN-NUMBER-TWO"));
  }

  @Test
  void aFixedTokenAppearsNowhere() {
    open.stubDetails(10, 10, json(403, "{\"error_code\":\"ModelArts.0108\"}"));
    LogCapture logs = new LogCapture();

    try (logs;
        HttpJobDetails port =
            HttpJobDetails.builder()
                .endpoint(open.uri())
                .projectId(FakeModelArts.PROJECT)
                .environment(Map.of("MODELARTS_AUTH_TOKEN", "FIXED-TOKEN-VALUE")::get)
                .readTimeout(Duration.ofSeconds(10))
                .build()) {
      call(() -> port.versionDetails(JobVersionRef.of(10, 10)));
      seen.add(port.toString());
      seen.add(port.config().toString());
      seen.addAll(logs.lines());
    }

    assertThat(open.requestsTo(FakeModelArts.detailsPath(10, 10)))
        .extracting(r -> r.getHeader("X-Auth-Token"))
        .containsExactly("FIXED-TOKEN-VALUE");
    assertNoneAppears(List.of("FIXED-TOKEN-VALUE"));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder issued(
      String token) {
    return aResponse()
        .withStatus(201)
        .withHeader("X-Subject-Token", token)
        .withBody("{\"token\":{\"expires_at\":\"2019-11-16T03:36:55.000000Z\"}}");
  }

  private void call(Runnable call) {
    try {
      call.run();
      seen.add("(success)");
    } catch (RuntimeException e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      seen.add(e.toString());
      seen.add(trace.toString());
    }
  }

  private static List<String> signaturesSentTo(FakeModelArts server) {
    List<String> signatures = new ArrayList<>();
    for (LoggedRequest request :
        server
            .server()
            .findAll(
                com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                    com.github.tomakehurst.wiremock.client.WireMock.anyUrl()))) {
      Matcher m = SIGNATURE.matcher(String.valueOf(request.getHeader("Authorization")));
      if (m.find()) {
        signatures.add(m.group(1));
      }
    }
    return signatures;
  }

  private void assertNoneAppears(List<String> secrets) {
    assertThat(seen).isNotEmpty();
    for (String text : seen) {
      for (String secret : secrets) {
        assertThat(text).as("a log line, error or toString").doesNotContain(secret);
      }
    }
  }
}
