package io.github.modelartsjobs.http;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.http.trafficlistener.WiremockNetworkTrafficListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback stand-in for the ModelArts service that injects faults: a share of the attempts is
 * answered 503 or has its connection reset, a share is answered slowly, the rest get the shared
 * sample with the job and version ids of the path. It counts every attempt (per path too), the
 * connections it holds open, the credentials it was sent and, when asked, when each attempt came.
 *
 * <p>Faults are drawn from one seeded {@link Random}, so a run can be replayed with its seed.
 * Versions become terminal (status 10) after {@link #pollsUntilTerminal} reads of their path; until
 * then they are running (status 8).
 */
final class FaultyStub implements AutoCloseable {

  static final String PROJECT = "0123456789abcdef0123456789abcdef";

  private static final Pattern DETAILS =
      Pattern.compile("^/v1/([^/]+)/training-jobs/(\\d+)/versions/(\\d+)/?$");

  private static final Pattern LIST =
      Pattern.compile("^/v1/([^/]+)/training-jobs/(\\d+)/versions/?$");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** How many versions each job has in the versions list. */
  static final int VERSIONS_PER_JOB = 3;

  final long seed;
  private final Random random;
  private final ObjectNode detailTemplate;
  private final ObjectNode listTemplate;
  private final WireMockServer server;

  volatile double unavailableRate;
  volatile double resetRate;
  volatile double slowRate;
  volatile int slowMillis = 200;
  volatile int pollsUntilTerminal;
  volatile boolean recordArrivals;
  volatile String echoInErrors;
  volatile String iamToken;
  volatile String iamEcho;
  volatile long answerForOtherJob;
  volatile double wireFaultRate;
  volatile double damagedBodyRate;
  final AtomicLong wireFaults = new AtomicLong();
  final AtomicLong damagedBodies = new AtomicLong();
  final AtomicLong iamCalls = new AtomicLong();

  final AtomicLong attempts = new AtomicLong();
  final AtomicLong answered200 = new AtomicLong();
  final AtomicLong answered503 = new AtomicLong();
  final AtomicLong resets = new AtomicLong();
  final AtomicLong slow = new AtomicLong();
  final AtomicLong unmatched = new AtomicLong();
  final Map<String, AtomicInteger> attemptsPerPath = new ConcurrentHashMap<>();
  final Queue<Long> arrivalNanos = new ConcurrentLinkedQueue<>();
  final Map<String, Long> arrivalByAttempt = new ConcurrentHashMap<>();
  final Queue<String> credentialHeaders = new ConcurrentLinkedQueue<>();
  final AtomicInteger openConnections = new AtomicInteger();
  final AtomicInteger mostOpenConnections = new AtomicInteger();
  final AtomicLong connectionsOpened = new AtomicLong();

  FaultyStub(long seed) {
    this.seed = seed;
    this.random = new Random(seed);
    this.detailTemplate = (ObjectNode) json("/proof/realistic-version-detail.json");
    this.listTemplate = (ObjectNode) json("/proof/docs-versions-list.json");
    this.server =
        new WireMockServer(
            WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .containerThreads(80)
                .jettyAcceptors(1)
                .disableRequestJournal()
                .stubRequestLoggingDisabled(true)
                .networkTrafficListener(new ConnectionCounter())
                .extensions(new Faults()));
    server.start();
    server.stubFor(any(anyUrl()).willReturn(ok()));
  }

  /** The base URL, on 127.0.0.1. */
  String endpoint() {
    return "http://127.0.0.1:" + server.port();
  }

  int port() {
    return server.port();
  }

  /** Sets the share of attempts answered 503, reset, and slow, each from 0 to 1. */
  void faults(double unavailable, double reset, double slowShare) {
    this.unavailableRate = unavailable;
    this.resetRate = reset;
    this.slowRate = slowShare;
  }

  int attemptsAt(long jobId, long versionId) {
    AtomicInteger n = attemptsPerPath.get(jobId + "/" + versionId);
    return n == null ? 0 : n.get();
  }

  @Override
  public void close() {
    server.stop();
  }

  private static com.fasterxml.jackson.databind.JsonNode json(String resource) {
    try (InputStream in = FaultyStub.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ResponseDefinition answer(LoggedRequest request) {
    long arrived = System.nanoTime();
    attempts.incrementAndGet();
    if (recordArrivals) {
      arrivalNanos.add(arrived);
    }
    for (String name : List.of("Authorization", "X-Auth-Token", "X-Sdk-Date")) {
      HttpHeader header = request.header(name);
      if (header != null && header.isPresent()) {
        credentialHeaders.add(header.firstValue());
      }
    }
    String path = URI.create(request.getUrl()).getPath();
    if (path.endsWith("/v3/auth/tokens") && iamEcho != null) {
      iamCalls.incrementAndGet();
      String text = iamEcho.replace("\"", "'");
      return iamCalls.get() % 2 == 0
          ? json(401, "{\"error\":{\"code\":401,\"message\":\"" + text + "\"}}")
          : json(502, "<html><body><p>" + text + "</p></body></html>");
    }
    if (path.endsWith("/v3/auth/tokens") && iamToken != null) {
      iamCalls.incrementAndGet();
      return ResponseDefinitionBuilder.responseDefinition()
          .withStatus(201)
          .withHeader("Content-Type", "application/json")
          .withHeader("X-Subject-Token", iamToken)
          .withBody(
              "{\"token\":{\"expires_at\":\""
                  + java.time.Instant.now().plusSeconds(86_400)
                  + "\",\"methods\":[\"password\"]}}")
          .build();
    }
    Matcher details = DETAILS.matcher(path);
    Matcher list = LIST.matcher(path);
    String key;
    if (details.matches()) {
      key = details.group(2) + "/" + details.group(3);
    } else if (list.matches()) {
      key = list.group(2) + "/list";
    } else {
      unmatched.incrementAndGet();
      return json(404, "{\"error_code\":\"ModelArts.2836\",\"error_msg\":\"path not found\"}");
    }
    int seen = attemptsPerPath.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    if (recordArrivals) {
      arrivalByAttempt.put(key + "#" + seen, arrived);
    }
    if (echoInErrors != null) {
      return echo(details.matches() ? Long.parseLong(details.group(3)) : 0);
    }

    double draw = random.nextDouble();
    if (draw < unavailableRate) {
      answered503.incrementAndGet();
      String echo = echoInErrors == null ? "" : " " + echoInErrors;
      return json(
          503,
          "{\"error_code\":\"APIGW.0308\",\"error_msg\":\"service unavailable"
              + echo.replace("\"", "'")
              + "\",\"request_id\":\"req-"
              + seen
              + "\"}");
    }
    if (draw < unavailableRate + resetRate) {
      resets.incrementAndGet();
      return ResponseDefinitionBuilder.responseDefinition()
          .withFault(Fault.CONNECTION_RESET_BY_PEER)
          .build();
    }
    double past = unavailableRate + resetRate;
    if (draw >= past && draw < past + wireFaultRate) {
      wireFaults.incrementAndGet();
      Fault[] kinds = {
        Fault.EMPTY_RESPONSE, Fault.MALFORMED_RESPONSE_CHUNK, Fault.RANDOM_DATA_THEN_CLOSE
      };
      return ResponseDefinitionBuilder.responseDefinition()
          .withFault(kinds[random.nextInt(kinds.length)])
          .build();
    }
    past += wireFaultRate;
    if (draw >= past && draw < past + damagedBodyRate && details.matches()) {
      damagedBodies.incrementAndGet();
      byte[] body =
          detail(Long.parseLong(details.group(2)), Long.parseLong(details.group(3)), seen)
              .getBytes(StandardCharsets.UTF_8);
      int at = random.nextInt(body.length);
      byte[] damaged =
          random.nextBoolean()
              ? java.util.Arrays.copyOf(body, at)
              : flipped(body, at, (byte) random.nextInt(256));
      return ResponseDefinitionBuilder.responseDefinition()
          .withStatus(200)
          .withHeader("Content-Type", "application/json")
          .withBody(damaged)
          .build();
    }
    int delay = 0;
    if (draw < unavailableRate + resetRate + slowRate) {
      slow.incrementAndGet();
      delay = slowMillis;
    }
    answered200.incrementAndGet();
    String body =
        details.matches()
            ? detail(Long.parseLong(details.group(2)), Long.parseLong(details.group(3)), seen)
            : list(Long.parseLong(list.group(2)), request);
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withHeader("X-Request-Id", "req-" + seen)
        .withBody(body)
        .withFixedDelay(delay)
        .build();
  }

  /**
   * An error that quotes {@link #echoInErrors}, in a shape chosen by the version id: 1 a 503 with a
   * code, 2 a 503 without one, 3 a 502 HTML page, 4 a 200 with {@code "is_success": false}, 5 a 200
   * that is no JSON, 6 a 401, 7 the text in the {@code X-Request-Id} header of a 503.
   */
  private ResponseDefinition echo(long shape) {
    String text = echoInErrors.replace("\"", "'");
    return switch ((int) ((shape - 1) % 7)) {
      case 0 -> json(503, "{\"error_code\":\"APIGW.0308\",\"error_msg\":\"" + text + "\"}");
      case 1 -> json(503, "{\"error_msg\":\"" + text + "\"}");
      case 2 -> json(502, "<html><body><h1>Bad Gateway</h1><p>" + text + "</p></body></html>");
      case 3 ->
          json(
              200,
              "{\"is_success\":false,\"error_code\":\"ModelArts.0010\",\"error_message\":\""
                  + text
                  + "\"}");
      case 4 -> json(200, text + " is not JSON");
      case 5 -> json(401, "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"" + text + "\"}");
      default ->
          ResponseDefinitionBuilder.responseDefinition()
              .withStatus(503)
              .withHeader("X-Request-Id", text)
              .build();
    };
  }

  private static byte[] flipped(byte[] body, int at, byte value) {
    byte[] out = body.clone();
    out[at] = value;
    return out;
  }

  private String detail(long jobId, long versionId, int seen) {
    ObjectNode body = detailTemplate.deepCopy();
    body.put("job_id", jobId + answerForOtherJob);
    body.put("version_id", versionId);
    body.put("status", seen >= pollsUntilTerminal ? 10 : 8);
    return body.toString();
  }

  private String list(long jobId, LoggedRequest request) {
    int perPage = intParam(request, "per_page", 10);
    int page = intParam(request, "page", 0);
    ObjectNode body = listTemplate.deepCopy();
    ObjectNode item = (ObjectNode) body.withArray("versions").get(0);
    body.put("job_id", jobId + answerForOtherJob);
    body.put("version_count", VERSIONS_PER_JOB);
    ArrayNode versions = body.putArray("versions");
    List<Integer> ids = new ArrayList<>();
    for (int v = VERSIONS_PER_JOB; v >= 1; v--) {
      ids.add(v);
    }
    int from = page <= 0 ? 0 : (page - 1) * perPage;
    int to = page <= 0 ? ids.size() : Math.min(ids.size(), from + perPage);
    for (int i = from; i < to; i++) {
      ObjectNode version = item.deepCopy();
      version.put("job_id", jobId + answerForOtherJob);
      version.put("version_id", ids.get(i));
      versions.add(version);
    }
    return body.toString();
  }

  private static int intParam(LoggedRequest request, String name, int otherwise) {
    var value = request.queryParameter(name);
    if (value == null || !value.isPresent()) {
      return otherwise;
    }
    try {
      return Integer.parseInt(value.firstValue());
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  private static ResponseDefinition json(int status, String body) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  /** Answers every request, whatever stub matched it. */
  private final class Faults implements ResponseDefinitionTransformerV2 {
    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      return answer(serveEvent.getRequest());
    }

    @Override
    public String getName() {
      return "faults";
    }
  }

  /** Counts the connections the stub holds open. */
  private final class ConnectionCounter implements WiremockNetworkTrafficListener {
    @Override
    public void opened(Socket socket) {
      connectionsOpened.incrementAndGet();
      mostOpenConnections.accumulateAndGet(openConnections.incrementAndGet(), Math::max);
    }

    @Override
    public void incoming(Socket socket, ByteBuffer bytes) {}

    @Override
    public void outgoing(Socket socket, ByteBuffer bytes) {}

    @Override
    public void closed(Socket socket) {
      openConnections.decrementAndGet();
    }
  }
}
