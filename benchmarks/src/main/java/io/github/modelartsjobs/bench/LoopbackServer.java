package io.github.modelartsjobs.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small HTTP/1.1 server on 127.0.0.1 that answers one version-details path with a fixed body, for
 * the end-to-end benchmarks. Both sides of a comparison call the same server.
 *
 * <p>Every other path gets HTTP 404 with a ModelArts error body. The server turns Nagle's algorithm
 * off ({@code sun.net.httpserver.nodelay}); with it on, the JDK server writes headers and body in
 * two segments and delayed acknowledgements add about 40 ms to every keep-alive call, which would
 * hide everything the benchmark compares.
 */
final class LoopbackServer implements AutoCloseable {

  /** The project id the benchmarks put into the path. */
  static final String PROJECT_ID = "0123456789abcdef0123456789abcdef";

  private static final byte[] NOT_FOUND =
      "{\"error_code\":\"ModelArts.2836\",\"error_msg\":\"path not found\"}"
          .getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService executor;
  private final String path;
  private final byte[] body;
  private final AtomicLong served = new AtomicLong();
  private final AtomicLong signed = new AtomicLong();

  private LoopbackServer(HttpServer server, ExecutorService executor, String path, byte[] body) {
    this.server = server;
    this.executor = executor;
    this.path = path;
    this.body = body;
  }

  /**
   * Starts a server answering the details of one job version.
   *
   * @param jobId the job id in the served path
   * @param versionId the version id in the served path
   * @param body the body of the HTTP 200 answer
   * @param threads the handler threads
   * @return the running server, which the caller closes
   * @throws IOException if the port cannot be bound
   */
  static LoopbackServer start(long jobId, long versionId, byte[] body, int threads)
      throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    String path = "/v1/" + PROJECT_ID + "/training-jobs/" + jobId + "/versions/" + versionId;
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    LoopbackServer loopback = new LoopbackServer(server, executor, path, body.clone());
    server.createContext("/", loopback::handle);
    server.setExecutor(executor);
    server.start();
    return loopback;
  }

  /** The base URI, such as {@code http://127.0.0.1:41234}, for the adapter's endpoint. */
  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The full URI of the served version. */
  URI detailsUri() {
    return URI.create(endpoint() + path);
  }

  /** How many HTTP 200 answers the server sent (counted before the answer is written). */
  long served() {
    return served.get();
  }

  /** How many requests carried an AK/SK signature ({@code Authorization: SDK-HMAC-SHA256 ...}). */
  long signed() {
    return signed.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    boolean known =
        "GET".equals(exchange.getRequestMethod())
            && path.equals(exchange.getRequestURI().getPath());
    byte[] answer = known ? body : NOT_FOUND;
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization != null && authorization.startsWith("SDK-HMAC-SHA256 ")) {
      signed.incrementAndGet();
    }

    if (known) {
      served.incrementAndGet();
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("X-Request-Id", "bench");
    exchange.sendResponseHeaders(known ? 200 : 404, answer.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answer);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
