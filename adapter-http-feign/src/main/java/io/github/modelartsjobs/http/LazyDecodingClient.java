package io.github.modelartsjobs.http;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Feign's client over the JDK's HTTP client: sends a Feign request with the JDK client and hands
 * back the response as soon as its headers are in, its body an unread stream of unknown length.
 *
 * <p>It does what Feign's own JDK client does, with two differences. A compressed body ({@code
 * Content-Encoding: gzip} or {@code deflate}) is decompressed as it is read, not as the response
 * arrives: Feign's client reads the gzip header before it hands the response back, on the calling
 * thread and with no timeout, so a server that announces gzip and then sends nothing would hold the
 * call forever, past every deadline; here decompression starts with the first read, which {@link
 * BodyReader} bounds in size and in time (and stops by closing the stream). And the request is
 * built with less work per call: one JDK client, whose settings never change, is used as it is.
 *
 * <p>The body's length is hidden from Feign on purpose: Feign reads small bodies of known length
 * into memory itself, without any deadline, before the caller sees them; hidden, every body is read
 * by {@link BodyReader}, under the size limit and the call deadline.
 *
 * <p>Until the headers arrive, the wait is bounded by Feign's read timeout, set as the JDK
 * request's timeout. An interrupted wait, for the headers or for the body ({@link
 * InterruptibleBody}), ends with an {@link java.io.InterruptedIOException}, the thread's interrupt
 * flag set again.
 */
final class LazyDecodingClient implements Client {

  /** Headers the JDK client sets itself or refuses. */
  private static final Set<String> NOT_SENT =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpClient client;

  LazyDecodingClient(HttpClient client) {
    this.client = client;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    HttpResponse<InputStream> response;
    try {
      response = client.send(httpRequest(request, options), info -> new InterruptibleBody());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the answer");
    }
    return toFeignResponse(request, response);
  }

  private static HttpRequest httpRequest(Request request, Request.Options options)
      throws IOException {
    URI uri;
    try {
      uri = URI.create(request.url());
    } catch (IllegalArgumentException e) {
      throw new IOException("the request URI is not valid", e);
    }
    byte[] body = request.body();
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofMillis(Math.max(1, options.readTimeoutMillis())))
            .method(
                request.httpMethod().name(),
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    boolean accept = false;
    for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
      String name = header.getKey();
      String lowerCase = name.toLowerCase(Locale.ROOT);
      if (NOT_SENT.contains(lowerCase)) {
        continue;
      }
      accept |= lowerCase.equals("accept");
      for (String value : header.getValue()) {
        builder.header(name, value);
      }
    }
    if (!accept) {
      builder.header("Accept", "*/*");
    }
    return builder.build();
  }

  private static Response toFeignResponse(Request request, HttpResponse<InputStream> response) {
    Map<String, Collection<String>> headers =
        Collections.<String, Collection<String>>unmodifiableMap(response.headers().map());
    List<String> encodings = response.headers().allValues("Content-Encoding");
    InputStream body = response.body();
    if (encodings.contains("gzip")) {
      body = new DecodeOnFirstRead(body, true);
    } else if (encodings.contains("deflate")) {
      body = new DecodeOnFirstRead(body, false);
    }
    return Response.builder()
        .protocolVersion(
            response.version() == HttpClient.Version.HTTP_2
                ? Request.ProtocolVersion.HTTP_2
                : Request.ProtocolVersion.HTTP_1_1)
        .status(response.statusCode())
        .request(request)
        .headers(headers)
        .body(body, null)
        .build();
  }

  /**
   * A gzip or deflate stream that starts decompressing at the first read (a gzip stream reads its
   * header then); closing closes the raw body. Its {@code available()} is always 0, so that {@link
   * BodyReader} never takes a read of it for one that cannot block.
   */
  static final class DecodeOnFirstRead extends InputStream {

    private final InputStream raw;

    private final boolean gzip;

    private volatile InputStream decoded;

    DecodeOnFirstRead(InputStream raw, boolean gzip) {
      this.raw = raw;
      this.gzip = gzip;
    }

    private InputStream decoded() throws IOException {
      InputStream d = decoded;
      if (d == null) {
        d = gzip ? new GZIPInputStream(raw) : new InflaterInputStream(raw);
        decoded = d;
      }
      return d;
    }

    /** Set by {@link #close()}, which the body watchdog may call in the middle of a read. */
    private volatile boolean closed;

    @Override
    public int read() throws IOException {
      try {
        return decoded().read();
      } catch (RuntimeException e) {
        throw closedUnderRead(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return decoded().read(b, off, len);
      } catch (RuntimeException e) {
        throw closedUnderRead(e);
      }
    }

    /**
     * A decompressor ended by a close from another thread fails the read running on it with a
     * {@link NullPointerException} ("Inflater has been closed"): that is the closed stream's
     * failure, an {@link IOException}, like the one a read blocked on the raw body gets.
     */
    private RuntimeException closedUnderRead(RuntimeException e) throws IOException {
      if (closed) {
        throw new IOException("the body was closed while being decompressed", e);
      }
      return e;
    }

    @Override
    public void close() throws IOException {
      closed = true;
      try {
        raw.close();
      } finally {
        InputStream d = decoded;
        if (d != null) {
          d.close();
        }
      }
    }
  }
}
