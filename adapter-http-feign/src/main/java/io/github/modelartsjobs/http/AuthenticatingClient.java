package io.github.modelartsjobs.http;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;

/**
 * The Feign client of this adapter: authenticates each request as it goes on the wire, sends it
 * with the JDK's HTTP client, and hands back the body as an unbuffered stream.
 *
 * <p>The body's length is hidden from Feign on purpose: Feign reads small bodies of known length
 * into memory itself, without any deadline, before the caller sees them; hidden, every body is read
 * by {@link BodyReader}, under the size limit and the call deadline.
 */
final class AuthenticatingClient implements Client {

  private final Client delegate;

  private final Authenticator authenticator;

  AuthenticatingClient(Client delegate, Authenticator authenticator) {
    this.delegate = delegate;
    this.authenticator = authenticator;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    Response response = delegate.execute(authenticator.apply(request), options);

    if (response.body() == null || response.body().length() == null) {
      return response;
    }
    return response.toBuilder().body(response.body().asInputStream(), null).build();
  }

  @Override
  public String toString() {
    return "AuthenticatingClient{" + authenticator + "}";
  }
}
