package io.github.modelartsjobs.http;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests with an access key and secret key, the {@code SDK-HMAC-SHA256} scheme of the
 * service's API gateway.
 *
 * <p>The canonical request is the method, the canonical URI (each path segment percent-encoded,
 * always ending in {@code /}), the canonical query (sorted by name), one {@code name:value} line
 * per signed header, the signed header list and the hex SHA-256 of the body. The signature is the
 * hex HMAC-SHA256, keyed with the secret key, of {@code SDK-HMAC-SHA256\n{date}\n{hash of the
 * canonical request}}.
 *
 * <p>Thread-safe. {@link #toString()} shows neither key.
 */
final class AkSkSigner {

  static final String ALGORITHM = "SDK-HMAC-SHA256";

  static final String DATE_HEADER = "X-Sdk-Date";

  private static final DateTimeFormatter DATE_FORMAT =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final HexFormat HEX = HexFormat.of();

  private final String accessKey;

  private static final MessageDigest SHA_256 = newSha256();

  /** The hex SHA-256 of an empty body, the body of every GET. */
  private static final String EMPTY_BODY_HASH = HEX.formatHex(newSha256().digest(new byte[0]));

  private final byte[] secretKey;

  /** Keyed once; every signature uses a clone, so that signing is thread-safe. */
  private final Mac keyedMac;

  /**
   * Creates a signer.
   *
   * @param accessKey the access key (AK), sent in the {@code Authorization} header
   * @param secretKey the secret key (SK), used only as the HMAC key
   */
  AkSkSigner(String accessKey, String secretKey) {
    this.accessKey = Objects.requireNonNull(accessKey, "accessKey");
    this.secretKey =
        Objects.requireNonNull(secretKey, "secretKey").getBytes(StandardCharsets.UTF_8);
    this.keyedMac = newMac(this.secretKey);
  }

  /** The {@code X-Sdk-Date} value for an instant, such as {@code 20191115T033655Z}. */
  static String sdkDate(Instant instant) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    if (t.getYear() < 1 || t.getYear() > 9999) {
      return DATE_FORMAT.format(instant);
    }
    char[] c = new char[16];
    digits(c, 0, t.getYear(), 4);
    digits(c, 4, t.getMonthValue(), 2);
    digits(c, 6, t.getDayOfMonth(), 2);
    c[8] = 'T';
    digits(c, 9, t.getHour(), 2);
    digits(c, 11, t.getMinute(), 2);
    digits(c, 13, t.getSecond(), 2);
    c[15] = 'Z';
    return new String(c);
  }

  private static void digits(char[] c, int at, int value, int width) {
    int v = value;
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + v % 10);
      v /= 10;
    }
  }

  /**
   * The value of the {@code Host} header an HTTP client sends for a URI: the host, with the port
   * when it is not the default one of the scheme.
   */
  static String hostHeader(URI uri) {
    int port = uri.getPort();
    boolean secure = "https".equalsIgnoreCase(uri.getScheme());
    boolean defaultPort = port == -1 || port == (secure ? 443 : 80);
    return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
  }

  /**
   * Signs a request.
   *
   * @param method the HTTP method, such as {@code GET}
   * @param uri the full request URI, with its raw (encoded) path and query
   * @param headers the headers to sign, by name in any case; must include {@code host} and {@code
   *     x-sdk-date}
   * @param body the body, empty for none
   * @return the value of the {@code Authorization} header
   */
  String authorization(String method, URI uri, Map<String, String> headers, byte[] body) {
    Map<String, String> signed = lowerCaseSorted(headers);

    String signature =
        signatureOfSorted(canonicalRequestOfSorted(method, uri, signed, body), signed);

    return ALGORITHM
        + " Access="
        + accessKey
        + ", SignedHeaders="
        + String.join(";", signed.keySet())
        + ", Signature="
        + signature;
  }

  private static Map<String, String> lowerCaseSorted(Map<String, String> headers) {
    Map<String, String> sorted = new TreeMap<>();
    headers.forEach((name, value) -> sorted.put(name.toLowerCase(Locale.ROOT), value.strip()));
    return sorted;
  }

  /** The hex signature of a canonical request, with the date taken from the signed headers. */
  String signature(String canonicalRequest, Map<String, String> signedHeaders) {
    return signatureOfSorted(canonicalRequest, lowerCaseSorted(signedHeaders));
  }

  private String signatureOfSorted(String canonicalRequest, Map<String, String> signed) {
    String date = signed.get(DATE_HEADER.toLowerCase(Locale.ROOT));
    if (date == null) {
      throw new IllegalArgumentException("x-sdk-date must be among the signed headers");
    }
    String stringToSign = ALGORITHM + "\n" + date + "\n" + sha256Hex(utf8(canonicalRequest));
    return HEX.formatHex(hmacSha256(utf8(stringToSign)));
  }

  /**
   * The canonical request of the signing scheme.
   *
   * @param method the HTTP method
   * @param uri the request URI
   * @param signedHeaders the signed headers, names in any case
   * @param body the body, empty for none
   * @return the canonical request
   */
  static String canonicalRequest(
      String method, URI uri, Map<String, String> signedHeaders, byte[] body) {
    return canonicalRequestOfSorted(method, uri, lowerCaseSorted(signedHeaders), body);
  }

  private static String canonicalRequestOfSorted(
      String method, URI uri, Map<String, String> signedLowerCase, byte[] body) {
    StringBuilder s = new StringBuilder(256);
    s.append(method.toUpperCase(Locale.ROOT)).append('\n');
    s.append(canonicalUri(uri.getRawPath())).append('\n');
    s.append(canonicalQuery(uri.getRawQuery())).append('\n');
    signedLowerCase.forEach((name, value) -> s.append(name).append(':').append(value).append('\n'));
    s.append('\n');
    s.append(String.join(";", signedLowerCase.keySet())).append('\n');
    s.append(body.length == 0 ? EMPTY_BODY_HASH : sha256Hex(body));
    return s.toString();
  }

  static String canonicalUri(String rawPath) {
    if (rawPath == null || rawPath.isEmpty()) {
      return "/";
    }
    StringBuilder s = new StringBuilder();
    String[] segments = rawPath.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) {
        s.append('/');
      }
      s.append(encode(decode(segments[i])));
    }
    if (s.length() == 0 || s.charAt(s.length() - 1) != '/') {
      s.append('/');
    }
    return s.toString();
  }

  static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> pairs = new ArrayList<>();
    for (String part : rawQuery.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String name = eq < 0 ? part : part.substring(0, eq);
      String value = eq < 0 ? "" : part.substring(eq + 1);
      pairs.add(new String[] {encode(decode(name)), encode(decode(value))});
    }
    pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    StringBuilder s = new StringBuilder();
    for (String[] pair : pairs) {
      if (s.length() > 0) {
        s.append('&');
      }
      s.append(pair[0]).append('=').append(pair[1]);
    }
    return s.toString();
  }

  /** Percent-encodes every byte of the UTF-8 form except the RFC 3986 unreserved characters. */
  static String encode(String text) {
    StringBuilder s = new StringBuilder();
    for (byte b : utf8(text)) {
      int c = b & 0xFF;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        s.append((char) c);
      } else {
        s.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        s.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return s.toString();
  }

  /** Decodes percent-escapes (a {@code +} stays a plus); malformed escapes are kept as they are. */
  static String decode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    int i = 0;
    while (i < text.length()) {
      int next = text.indexOf('%', i);
      if (next < 0) {
        out.writeBytes(utf8(text.substring(i)));
        break;
      }
      out.writeBytes(utf8(text.substring(i, next)));
      if (isHex(text, next + 1) && isHex(text, next + 2)) {
        out.write(Integer.parseInt(text.substring(next + 1, next + 3), 16));
        i = next + 3;
      } else {
        out.write('%');
        i = next + 1;
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(String text, int index) {
    return index < text.length() && Character.digit(text.charAt(index), 16) >= 0;
  }

  static String sha256Hex(byte[] bytes) {
    return HEX.formatHex(sha256().digest(bytes));
  }

  /** A fresh SHA-256 digest, cloned from a prototype (cheaper than a provider look-up). */
  private static MessageDigest sha256() {
    try {
      return (MessageDigest) SHA_256.clone();
    } catch (CloneNotSupportedException e) {
      return newSha256();
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** The HMAC-SHA256 of data keyed with the secret key, on a clone of the keyed prototype. */
  private byte[] hmacSha256(byte[] data) {
    Mac mac;
    try {
      mac = (Mac) keyedMac.clone();
    } catch (CloneNotSupportedException e) {
      mac = newMac(secretKey);
    }
    return mac.doFinal(data);
  }

  private static Mac newMac(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The access key and the secret key, for masking. */
  List<String> secrets() {
    return List.of(accessKey, new String(secretKey, StandardCharsets.UTF_8));
  }

  /** Shows the scheme only, never a key. */
  @Override
  public String toString() {
    return "AkSkSigner{" + ALGORITHM + "}";
  }
}
