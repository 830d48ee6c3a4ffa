package io.github.modelartsjobs.http;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server side of AK/SK signing, written apart from the adapter's signer: recomputes the
 * signature of every request the stub server receives from the headers it names, with the test's
 * secret key, and answers 401 {@code APIGW.0301} when it differs, as the API gateway does.
 */
final class SignatureCheck implements StubRequestFilterV2 {

  private static final Pattern AUTHORIZATION =
      Pattern.compile(
          "SDK-HMAC-SHA256 Access=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})");

  private final String accessKey;

  private final String secretKey;

  private final AtomicInteger verified = new AtomicInteger();

  private final List<String> signatures = new ArrayList<>();

  SignatureCheck(String accessKey, String secretKey) {
    this.accessKey = accessKey;
    this.secretKey = secretKey;
  }

  @Override
  public String getName() {
    return "sdk-hmac-sha256-check";
  }

  /** How many requests carried a valid signature. */
  int verified() {
    return verified.get();
  }

  /** The signatures received, valid or not. */
  synchronized List<String> signatures() {
    return List.copyOf(signatures);
  }

  @Override
  public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
    String authorization = request.getHeader("Authorization");
    Matcher m = AUTHORIZATION.matcher(authorization == null ? "" : authorization);
    if (!m.matches()) {
      return reject("no SDK-HMAC-SHA256 authorization header");
    }
    synchronized (this) {
      signatures.add(m.group(3));
    }
    List<String> signed = Arrays.asList(m.group(2).split(";"));
    if (!m.group(1).equals(accessKey)
        || !signed.contains("host")
        || !signed.contains("x-sdk-date")
        || !signed.equals(signed.stream().sorted().toList())) {
      return reject("wrong access key or signed headers");
    }
    String expected = sign(request, signed);
    if (!expected.equals(m.group(3))) {
      return reject("verify aksk signature fail");
    }
    verified.incrementAndGet();
    return RequestFilterAction.continueWith(request);
  }

  private String sign(Request request, List<String> signed) {
    URI uri = URI.create(request.getUrl());
    StringBuilder canonical = new StringBuilder();
    canonical.append(request.getMethod().getName()).append('\n');
    StringBuilder path = new StringBuilder();
    for (String segment : uri.getRawPath().split("/")) {
      if (!segment.isEmpty()) {
        path.append('/').append(encode(URLDecoder.decode(segment, StandardCharsets.UTF_8)));
      }
    }
    canonical.append(path).append("/\n");
    List<String> query = new ArrayList<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        query.add(
            encode(URLDecoder.decode(kv[0], StandardCharsets.UTF_8))
                + "="
                + encode(URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8)));
      }
    }
    query.sort(null);
    canonical.append(String.join("&", query)).append('\n');
    for (String name : signed) {
      String value = name.equals("host") ? host(request) : request.getHeader(name);
      canonical.append(name).append(':').append(value == null ? "" : value.strip()).append('\n');
    }
    canonical.append('\n').append(String.join(";", signed)).append('\n');
    byte[] body = request.getBody() == null ? new byte[0] : request.getBody();
    canonical.append(hex(sha256(body)));
    String toSign =
        "SDK-HMAC-SHA256\n"
            + request.getHeader("X-Sdk-Date")
            + "\n"
            + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    return hex(hmac(toSign));
  }

  /** The Host header, or over HTTP/2 the authority, which takes its place. */
  private static String host(Request request) {
    String host = request.getHeader("Host");
    return host != null ? host : URI.create(request.getAbsoluteUrl()).getRawAuthority();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] hmac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes).toLowerCase(Locale.ROOT);
  }

  private static RequestFilterAction reject(String message) {
    return RequestFilterAction.stopWith(
        WireMock.aResponse()
            .withStatus(401)
            .withHeader("Content-Type", "application/json")
            .withHeader("X-Request-Id", "sig-check")
            .withBody(
                "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication"
                    + " information: "
                    + message
                    + "\",\"request_id\":\"sig-check\"}")
            .build());
  }
}
