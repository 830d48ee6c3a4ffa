package io.github.modelartsjobs.http;

import feign.Request;
import feign.Response;
import feign.http2client.Http2Client;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Feign's client over the JDK's HTTP client, except that a compressed body ({@code
 * Content-Encoding: gzip} or {@code deflate}) is decompressed as it is read, not as the response
 * arrives.
 *
 * <p>Feign's own client reads the gzip header of a body before it hands the response back, on the
 * calling thread and with no timeout: a server that announces gzip and then sends nothing would
 * hold the call forever, past every deadline. Here the response comes back at once, and
 * decompression starts with the first read, which {@link BodyReader} bounds in size and in time
 * (and stops by closing the stream).
 */
final class LazyDecodingClient extends Http2Client {

  LazyDecodingClient(HttpClient client) {
    super(client);
  }

  @Override
  protected Response toFeignResponse(Request request, HttpResponse<InputStream> response) {
    Map<String, Collection<String>> headers = new LinkedHashMap<>();
    response.headers().map().forEach((name, values) -> headers.put(name, List.copyOf(values)));
    List<String> encodings = response.headers().allValues("Content-Encoding");
    InputStream body = response.body();
    if (encodings.contains("gzip")) {
      body = new GzipOnFirstRead(body);
    } else if (encodings.contains("deflate")) {
      body = new InflaterInputStream(body);
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

  /** A gzip stream that reads the gzip header at the first read; closing closes the raw body. */
  private static final class GzipOnFirstRead extends InputStream {

    private final InputStream raw;

    private volatile GZIPInputStream gzip;

    GzipOnFirstRead(InputStream raw) {
      this.raw = raw;
    }

    private InputStream gzip() throws IOException {
      GZIPInputStream g = gzip;
      if (g == null) {
        g = new GZIPInputStream(raw);
        gzip = g;
      }
      return g;
    }

    @Override
    public int read() throws IOException {
      return gzip().read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return gzip().read(b, off, len);
    }

    @Override
    public void close() throws IOException {
      try {
        raw.close();
      } finally {
        GZIPInputStream g = gzip;
        if (g != null) {
          g.close();
        }
      }
    }
  }
}
