package io.github.modelartsjobs.http;

import feign.Request;
import java.net.URI;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Signs each request with AK/SK: adds {@code X-Sdk-Date} from the injected clock and {@code
 * Authorization}, signing {@code host} and every header the request carries (for the calls of this
 * adapter: {@code content-type}, {@code host}, {@code x-project-id} and {@code x-sdk-date}).
 */
final class SigningAuthenticator implements Authenticator {

  /** Headers the JDK client sets itself or refuses; they are neither sent from here nor signed. */
  private static final Set<String> NOT_SIGNED =
      Set.of("authorization", "connection", "content-length", "expect", "host", "upgrade");

  private final AkSkSigner signer;

  private final Clock clock;

  SigningAuthenticator(AkSkSigner signer, Clock clock) {
    this.signer = signer;
    this.clock = clock;
  }

  @Override
  public Request apply(Request request) {
    URI uri = URI.create(request.url());
    Map<String, String> signed = new TreeMap<>();
    request
        .headers()
        .forEach(
            (name, values) -> {
              if (!NOT_SIGNED.contains(name.toLowerCase(Locale.ROOT))) {
                signed.put(name, String.join(",", values));
              }
            });
    signed.put("Host", AkSkSigner.hostHeader(uri));
    String date = AkSkSigner.sdkDate(clock.instant());
    signed.put(AkSkSigner.DATE_HEADER, date);
    byte[] body = request.body() == null ? new byte[0] : request.body();

    String authorization = signer.authorization(request.httpMethod().name(), uri, signed, body);

    Map<String, Collection<String>> headers = new LinkedHashMap<>();
    request
        .headers()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("authorization")) {
                headers.put(name, values);
              }
            });
    headers.put(AkSkSigner.DATE_HEADER, List.of(date));
    headers.put("Authorization", List.of(authorization));
    return Authenticator.withHeaders(request, headers);
  }

  @Override
  public Collection<String> secrets() {
    return signer.secrets();
  }

  @Override
  public String toString() {
    return "AK/SK signing (" + AkSkSigner.ALGORITHM + ")";
  }
}
