package io.github.modelartsjobs.http;

import feign.Request;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sends one fixed IAM token as {@code X-Auth-Token}; it cannot be refreshed. */
final class FixedTokenAuthenticator implements Authenticator {

  static final String TOKEN_HEADER = "X-Auth-Token";

  private final String token;

  FixedTokenAuthenticator(String token) {
    this.token = token;
  }

  @Override
  public Request apply(Request request) {
    return withToken(request, token);
  }

  @Override
  public String currentToken() {
    return token;
  }

  @Override
  public Collection<String> secrets() {
    return List.of(token);
  }

  static Request withToken(Request request, String token) {
    Map<String, Collection<String>> headers = new LinkedHashMap<>(request.headers());
    headers.put(TOKEN_HEADER, List.of(token));
    return Authenticator.withHeaders(request, headers);
  }

  @Override
  public String toString() {
    return "fixed token";
  }
}
