package io.github.modelartsjobs.app;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code SDK-HMAC-SHA256} signature, computed here from the written rules (section 6 of the API
 * facts) and independently of the HTTP adapter, so that the loopback stand-in can check what the
 * command line sends.
 */
final class SdkSignature {

  private SdkSignature() {}

  /**
   * The signature of a request.
   *
   * @param secretKey the SK
   * @param method such as {@code GET}
   * @param path the request path as sent, such as {@code /v1/p/training-jobs/10/versions/10}
   * @param query the raw query string without {@code ?}, or empty
   * @param header the value of a request header by lower-case name
   * @param signedHeaders the lower-case names signed, {@code ;}-joined, as the request lists them
   * @param body the request body
   * @return the lower-case hex signature
   */
  static String sign(
      String secretKey,
      String method,
      String path,
      String query,
      Function<String, String> header,
      String signedHeaders,
      byte[] body) {
    StringBuilder canonical = new StringBuilder();
    canonical.append(method).append('\n');
    canonical.append(canonicalUri(path)).append('\n');
    canonical.append(canonicalQuery(query)).append('\n');
    for (String name : signedHeaders.split(";")) {
      canonical.append(name).append(':').append(header.apply(name).strip()).append('\n');
    }
    canonical.append('\n').append(signedHeaders).append('\n');
    canonical.append(hex(sha256(body)));

    String stringToSign =
        "SDK-HMAC-SHA256\n"
            + header.apply("x-sdk-date")
            + "\n"
            + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    return hex(hmac(secretKey, stringToSign));
  }

  /** The parts of an {@code Authorization} header: Access, SignedHeaders and Signature. */
  static Map<String, String> parseAuthorization(String authorization) {
    Map<String, String> parts = new TreeMap<>();
    if (authorization == null || !authorization.startsWith("SDK-HMAC-SHA256 ")) {
      return parts;
    }
    for (String part : authorization.substring("SDK-HMAC-SHA256 ".length()).split(",")) {
      String[] kv = part.strip().split("=", 2);
      if (kv.length == 2) {
        parts.put(kv[0], kv[1]);
      }
    }
    return parts;
  }

  private static String canonicalUri(String path) {
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/", -1)) {
      segments.add(encode(URLDecoder.decode(segment, StandardCharsets.UTF_8)));
    }
    String uri = String.join("/", segments);
    return uri.endsWith("/") ? uri : uri + "/";
  }

  private static String canonicalQuery(String query) {
    if (query == null || query.isEmpty()) {
      return "";
    }
    TreeMap<String, String> sorted = new TreeMap<>();
    for (String pair : query.split("&")) {
      String[] kv = pair.split("=", 2);
      String name = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
      String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
      sorted.put(encode(name), encode(value));
    }
    List<String> pairs = new ArrayList<>();
    sorted.forEach((k, v) -> pairs.add(k + "=" + v));
    return String.join("&", pairs);
  }

  /** Percent-encodes all but the RFC 3986 unreserved characters. */
  private static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      boolean unreserved =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.'
              || c == '~';
      if (unreserved) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(String key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
