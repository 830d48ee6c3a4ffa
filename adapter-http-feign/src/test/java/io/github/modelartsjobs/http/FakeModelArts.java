package io.github.modelartsjobs.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A stand-in for the ModelArts service: a WireMock server on 127.0.0.1 that checks the AK/SK
 * signature of every request (see {@link SignatureCheck}), answers what a test stubs, and answers
 * {@code ModelArts.2775} with HTTP 400 for anything else, as the service does for an unknown job.
 */
final class FakeModelArts implements AutoCloseable {

  static final String PROJECT = "0123456789abcdef0123456789abcdef";

  static final String ACCESS_KEY = "TESTACCESSKEYVALUE01";

  static final String SECRET_KEY = "TestSecretKeyValue0123456789abcdefghijklm";

  static final String NOT_FOUND_BODY =
      "{\"is_success\": false, \"error_code\": \"ModelArts.2775\","
          + " \"error_message\": \"The training job does not exist.\"}";

  private final WireMockServer server;

  private final SignatureCheck signatureCheck;

  private FakeModelArts(WireMockConfiguration configuration, SignatureCheck signatureCheck) {
    this.signatureCheck = signatureCheck;
    this.server = new WireMockServer(configuration);
    server.start();
    server.stubFor(
        any(anyUrl())
            .atPriority(100)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("X-Request-Id", "req-unknown")
                    .withBody(NOT_FOUND_BODY)));
  }

  /** A server that checks AK/SK signatures. */
  static FakeModelArts signed() {
    SignatureCheck check = new SignatureCheck(ACCESS_KEY, SECRET_KEY);
    return new FakeModelArts(base().extensions(check), check);
  }

  /** A server that checks nothing (token modes, and IAM). */
  static FakeModelArts open() {
    return new FakeModelArts(base(), null);
  }

  /** A server that also listens for HTTPS with WireMock's own self-signed certificate. */
  static FakeModelArts withHttps() {
    return new FakeModelArts(base().httpsPort(0), null);
  }

  private static WireMockConfiguration base() {
    return options().bindAddress("127.0.0.1").dynamicPort().asynchronousResponseEnabled(false);
  }

  WireMockServer server() {
    return server;
  }

  /** The base URL, such as {@code http://127.0.0.1:43111}. */
  URI uri() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /** The HTTPS base URL. */
  URI httpsUri() {
    return URI.create("https://127.0.0.1:" + server.httpsPort());
  }

  static String detailsPath(long jobId, long versionId) {
    return "/v1/" + PROJECT + "/training-jobs/" + jobId + "/versions/" + versionId;
  }

  static String versionsPath(long jobId) {
    return "/v1/" + PROJECT + "/training-jobs/" + jobId + "/versions";
  }

  /** Answers the details of one version. */
  MappingBuilder details(long jobId, long versionId) {
    return get(urlPathEqualTo(detailsPath(jobId, versionId)));
  }

  /** Answers the versions list of one job, whatever the page. */
  MappingBuilder versions(long jobId) {
    return get(urlPathEqualTo(versionsPath(jobId)));
  }

  void stub(MappingBuilder mapping) {
    server.stubFor(mapping);
  }

  void stubDetails(long jobId, long versionId, ResponseDefinitionBuilder response) {
    server.stubFor(details(jobId, versionId).willReturn(response));
  }

  /** The requests the server received for a path (query ignored), in order. */
  List<LoggedRequest> requestsTo(String path) {
    return server.findAll(getRequestedFor(urlPathEqualTo(path)));
  }

  /** The number of requests received, all paths. */
  int requestCount() {
    return server.getAllServeEvents().size();
  }

  /** Requests whose signature the server checked and accepted. */
  int verifiedSignatures() {
    return signatureCheck == null ? 0 : signatureCheck.verified();
  }

  /** Every signature the server received. */
  List<String> signatures() {
    return signatureCheck == null ? List.of() : signatureCheck.signatures();
  }

  /** A JSON 200 answer with a request id. */
  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("X-Request-Id", "req-" + status)
        .withBody(body);
  }

  /** One of the shared samples, from the core's test resources. */
  static String sample(String name) {
    try (InputStream in =
        FakeModelArts.class.getClassLoader().getResourceAsStream("samples/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no sample " + name + " on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop();
  }
}
