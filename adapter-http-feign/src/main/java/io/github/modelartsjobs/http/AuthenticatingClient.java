package io.github.modelartsjobs.http;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;

/**
 * The Feign client of this adapter: authenticates each request as it goes on the wire, then sends
 * it with the client below ({@link LazyDecodingClient}, behind {@link ReleasableClient}).
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
    return delegate.execute(authenticator.apply(request), options);
  }

  @Override
  public String toString() {
    return "AuthenticatingClient{" + authenticator + "}";
  }
}
