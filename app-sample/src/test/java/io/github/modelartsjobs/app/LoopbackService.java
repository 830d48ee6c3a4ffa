package io.github.modelartsjobs.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A stand-in for the ModelArts service on 127.0.0.1: a WireMock server whose answers are given only
 * to requests that carry a valid AK/SK signature (checked with {@link SdkSignature}) or the
 * expected token; every other request gets the gateway's 401 {@code APIGW.0301}.
 */
final class LoopbackService implements AutoCloseable {

  static final String PROJECT = "0123456789abcdef0123456789abcdef";
  static final String AK = "AKLOOPBACK0TEST0KEY0";
  static final String SK = "SKloopbackSecretValue0123456789abcdefXYZ";
  static final String TOKEN = "MIItokenLoopbackValue0123456789";

  private final WireMockServer server;

  LoopbackService() {
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    server.stubFor(
        any(urlPathMatching("/.*"))
            .atPriority(10)
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("X-Request-Id", "req-unsigned")
                    .withBody(
                        "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM"
                            + " authentication information\",\"request_id\":\"req-unsigned\"}")));
  }

  /** The endpoint to give the command line: {@code http://127.0.0.1:<port>}. */
  String endpoint() {
    return "http://127.0.0.1:" + server.port();
  }

  WireMockServer server() {
    return server;
  }

  /** The path of one version's details. */
  static String versionPath(long jobId, long versionId) {
    return "/v1/" + PROJECT + "/training-jobs/" + jobId + "/versions/" + versionId;
  }

  /** The path of a job's versions list. */
  static String versionsPath(long jobId) {
    return "/v1/" + PROJECT + "/training-jobs/" + jobId + "/versions";
  }

  /** Answers a signed GET of the path with this status and body. */
  LoopbackService signed(String path, int status, String body) {
    server.stubFor(
        signedGet(path)
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("X-Request-Id", "req-" + status)
                    .withBody(body)));
    return this;
  }

  /** A GET of the path that matches only with a valid signature, for further stubbing. */
  MappingBuilder signedGet(String path) {
    return get(urlPathEqualTo(path)).atPriority(1).andMatching(LoopbackService::validSignature);
  }

  /** Answers a GET of the path carrying the token with this status and body. */
  LoopbackService withToken(String path, int status, String body) {
    server.stubFor(
        get(urlPathEqualTo(path))
            .atPriority(1)
            .withHeader("X-Auth-Token", equalTo(TOKEN))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
    return this;
  }

  /** How many requests reached the server. */
  int requests() {
    return server.getAllServeEvents().size();
  }

  /** Whether a request carries a valid signature by {@link #AK} and {@link #SK}. */
  static MatchResult validSignature(Request request) {
    Map<String, String> auth = SdkSignature.parseAuthorization(request.getHeader("Authorization"));
    String signed = auth.get("SignedHeaders");
    if (!AK.equals(auth.get("Access"))
        || signed == null
        || !(";" + signed + ";").contains(";host;")
        || !(";" + signed + ";").contains(";x-sdk-date;")) {
      return MatchResult.noMatch();
    }
    URI url = URI.create(request.getUrl());
    String expected =
        SdkSignature.sign(
            SK,
            request.getMethod().getName(),
            url.getRawPath(),
            url.getRawQuery(),
            request::getHeader,
            signed,
            request.getBody());
    return MatchResult.of(expected.equals(auth.get("Signature")));
  }

  /** A sample body bundled with the application, such as {@code 10/10.json}. */
  static String bundled(String path) throws IOException {
    try (InputStream in = LoopbackService.class.getResourceAsStream("/fixtures/" + path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    server.stop();
  }
}
