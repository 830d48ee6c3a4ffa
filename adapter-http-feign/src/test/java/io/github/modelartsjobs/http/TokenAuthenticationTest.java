package io.github.modelartsjobs.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.modelartsjobs.http.FakeModelArts.detailsPath;
import static io.github.modelartsjobs.http.FakeModelArts.json;
import static io.github.modelartsjobs.http.FakeModelArts.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.modelartsjobs.core.domain.JobVersionRef;
import io.github.modelartsjobs.core.error.AuthenticationException;
import io.github.modelartsjobs.core.error.ModelArtsException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenAuthenticationTest {

  private static final JobVersionRef REF = JobVersionRef.of(10, 10);

  private static final String PATH = detailsPath(10, 10);

  private static final String TOKENS = "/v3/auth/tokens";

  private static final String PASSWORD = "Iam-Password-Value-42";

  private static final String EXPIRED =
      "{\"error_code\":\"ModelArts.0203\",\"error_msg\":\"The token has expired.\"}";

  private final FakeModelArts server = FakeModelArts.open();

  private final TestTime time = new TestTime();

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpJobDetails.Builder iamPort() {
    return HttpJobDetails.builder()
        .endpoint(server.uri())
        .iamEndpoint(server.uri())
        .projectId(FakeModelArts.PROJECT)
        .iamPassword("alice", PASSWORD, "example-domain")
        .environment(name -> null)
        .clock(time)
        .sleeper(time)
        .random(() -> 0.5)
        .readTimeout(Duration.ofSeconds(10))
        .retryInitialBackoff(Duration.ofMillis(100));
  }

  private void acceptToken(String token) {
    server.stub(
        server
            .details(10, 10)
            .withHeader("X-Auth-Token", equalTo(token))
            .atPriority(1)
            .willReturn(json(200, sample("docs-version-detail.json"))));
  }

  private void rejectToken(String token) {
    server.stub(
        server
            .details(10, 10)
            .withHeader("X-Auth-Token", equalTo(token))
            .atPriority(1)
            .willReturn(json(401, EXPIRED)));
  }

  private static ResponseDefinitionBuilder issued(String token, Instant expiresAt) {
    return aResponse()
        .withStatus(201)
        .withHeader("X-Subject-Token", token)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"token\":{\"expires_at\":\"" + expiresAt + "\",\"methods\":[\"password\"]}}");
  }

  /** IAM issues these tokens in turn, each valid for a day. */
  private void iamIssues(String... tokens) {
    for (int i = 0; i < tokens.length; i++) {
      String state = i == 0 ? STARTED : "token " + i;
      var mapping = post(urlEqualTo(TOKENS)).inScenario("iam").whenScenarioStateIs(state);
      if (i + 1 < tokens.length) {
        mapping = mapping.willSetStateTo("token " + (i + 1));
      }
      server.stub(mapping.willReturn(issued(tokens[i], TestTime.START.plus(Duration.ofDays(1)))));
    }
  }

  private int iamRequests() {
    return server.server().findAll(postRequestedFor(urlEqualTo(TOKENS))).size();
  }

  @Test
  void obtainsAProjectScopedTokenOnceAndSendsItWithEveryCall() {
    iamIssues("token-one");
    acceptToken("token-one");

    try (HttpJobDetails port = iamPort().build()) {
      port.versionDetails(REF);
      port.versionDetails(REF);
    }

    assertThat(iamRequests()).isEqualTo(1);
    assertThat(server.requestsTo(PATH)).hasSize(2);
    server
        .server()
        .verify(
            postRequestedFor(urlEqualTo(TOKENS))
                .withHeader("X-Auth-Token", absent())
                .withRequestBody(
                    equalToJson(
                        "{\"auth\":{\"identity\":{\"methods\":[\"password\"],"
                            + "\"password\":{\"user\":{\"name\":\"alice\",\"password\":\""
                            + PASSWORD
                            + "\",\"domain\":{\"name\":\"example-domain\"}}}},"
                            + "\"scope\":{\"project\":{\"id\":\""
                            + FakeModelArts.PROJECT
                            + "\"}}}}")));
  }

  @Test
  void aTokenRejectedAsExpiredIsRenewedOnceAndTheCallSucceeds() {
    iamIssues("token-one", "token-two");
    rejectToken("token-one");
    acceptToken("token-two");

    try (HttpJobDetails port = iamPort().build()) {

      assertThat(port.versionDetails(REF).ref()).isEqualTo(REF);
    }
    assertThat(iamRequests()).isEqualTo(2);
    assertThat(server.requestsTo(PATH)).hasSize(2);
  }

  @Test
  void aRenewedTokenThatIsRejectedTooFailsAsAuthenticationWithoutAnotherRenewal() {
    iamIssues("token-one", "token-two", "token-three");
    rejectToken("token-one");
    rejectToken("token-two");

    try (HttpJobDetails port = iamPort().build()) {

      assertThatThrownBy(() -> port.versionDetails(REF))
          .isInstanceOf(AuthenticationException.class)
          .hasMessage(
              "authentication failed for training job 10 version 10 (ModelArts.0203, HTTP 401,"
                  + " request req-401): The token has expired.");
    }
    assertThat(iamRequests()).isEqualTo(2);
    assertThat(server.requestsTo(PATH)).hasSize(2);
  }

  @Test
  void aTokenIsRenewedAheadOfItsExpiry() {
    server.stub(
        post(urlEqualTo(TOKENS))
            .inScenario("iam")
            .whenScenarioStateIs(STARTED)
            .willSetStateTo("second")
            .willReturn(issued("token-one", TestTime.START.plus(Duration.ofMinutes(10)))));
    server.stub(
        post(urlEqualTo(TOKENS))
            .inScenario("iam")
            .whenScenarioStateIs("second")
            .willReturn(issued("token-two", TestTime.START.plus(Duration.ofMinutes(70)))));
    acceptToken("token-one");
    acceptToken("token-two");

    try (HttpJobDetails port = iamPort().build()) {
      port.versionDetails(REF);
      time.advance(Duration.ofMinutes(4));
      port.versionDetails(REF);
      time.advance(Duration.ofMinutes(2));
      port.versionDetails(REF);
    }

    assertThat(iamRequests()).isEqualTo(2);
    assertThat(server.requestsTo(PATH))
        .extracting(r -> r.getHeader("X-Auth-Token"))
        .containsExactly("token-one", "token-one", "token-two");
  }

  @Test
  void anUnavailableIamIsRetriedLikeTheService() {
    server.stub(
        post(urlEqualTo(TOKENS))
            .inScenario("iam")
            .whenScenarioStateIs(STARTED)
            .willSetStateTo("up")
            .willReturn(aResponse().withStatus(503)));
    server.stub(
        post(urlEqualTo(TOKENS))
            .inScenario("iam")
            .whenScenarioStateIs("up")
            .willReturn(issued("token-one", TestTime.START.plus(Duration.ofDays(1)))));
    acceptToken("token-one");

    try (HttpJobDetails port = iamPort().build()) {
      port.versionDetails(REF);
    }

    assertThat(iamRequests()).isEqualTo(2);
    assertThat(server.requestsTo(PATH)).hasSize(1);
  }

  @Test
  void aWrongPasswordFailsAsAuthenticationWithoutCallingTheService() {
    server.stub(
        post(urlEqualTo(TOKENS))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":401,\"message\":\"The username or password is"
                            + " wrong.\",\"title\":\"Unauthorized\"}}")));

    try (HttpJobDetails port = iamPort().build()) {

      assertThatThrownBy(() -> port.versionDetails(REF))
          .isInstanceOf(AuthenticationException.class)
          .hasMessage(
              "authentication failed for training job 10 version 10 (IAM.401, HTTP 401): IAM:"
                  + " The username or password is wrong.");
    }
    assertThat(iamRequests()).isEqualTo(1);
    assertThat(server.requestsTo(PATH)).isEmpty();
  }

  @Test
  void concurrentFirstCallsObtainOneTokenBetweenThem() throws Exception {
    server.stub(
        post(urlEqualTo(TOKENS))
            .willReturn(
                issued("token-one", TestTime.START.plus(Duration.ofDays(1))).withFixedDelay(300)));
    acceptToken("token-one");
    ExecutorService threads = Executors.newFixedThreadPool(16);

    try (HttpJobDetails port = iamPort().build()) {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        calls.add(threads.submit(() -> port.versionDetails(REF)));
      }
      for (Future<?> call : calls) {
        call.get();
      }
    } finally {
      threads.shutdown();
    }

    assertThat(iamRequests()).isEqualTo(1);
    assertThat(server.requestsTo(PATH)).hasSize(16);
  }

  @Test
  void aFixedTokenIsSentAndNeverRenewed() {
    rejectToken("fixed-token-value");

    try (HttpJobDetails port =
        iamPort().iamPassword(null, null, null).authToken("fixed-token-value").build()) {

      assertThatThrownBy(() -> port.versionDetails(REF))
          .isInstanceOf(AuthenticationException.class);
    }
    assertThat(server.requestsTo(PATH)).hasSize(1);
    assertThat(iamRequests()).isZero();
  }

  @Test
  void theRequestIdComesFromTheBodyWhenTheHeaderIsMissing() {
    server.stubDetails(
        10,
        10,
        aResponse()
            .withStatus(401)
            .withBody(
                "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication"
                    + " information\",\"request_id\":\"body-request-7\"}"));

    try (HttpJobDetails port =
        iamPort().iamPassword(null, null, null).authToken("fixed-token-value").build()) {

      assertThatThrownBy(() -> port.versionDetails(REF))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("(APIGW.0301, HTTP 401, request body-request-7)")
          .extracting(e -> ((ModelArtsException) e).context().requestId())
          .isEqualTo("body-request-7");
    }
  }

  @Test
  void aWrongSecretKeyFailsAsAuthenticationAtTheFirstAttempt() {
    try (FakeModelArts signed = FakeModelArts.signed();
        HttpJobDetails port =
            Ports.signed(signed, time)
                .accessKey(FakeModelArts.ACCESS_KEY, "not-the-secret-key")
                .build()) {

      assertThatThrownBy(() -> port.versionDetails(REF))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageStartingWith(
              "authentication failed for training job 10 version 10 (APIGW.0301, HTTP 401,"
                  + " request sig-check): Incorrect IAM authentication information");
      assertThat(signed.requestsTo(PATH)).hasSize(1);
    }
  }
}
