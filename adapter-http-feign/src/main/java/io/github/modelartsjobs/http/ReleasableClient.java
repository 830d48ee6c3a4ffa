package io.github.modelartsjobs.http;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;

/**
 * The JDK client behind a reference that {@link #release()} drops, so that a closed port holds no
 * path to its {@code java.net.http.HttpClient}.
 *
 * <p>Why: on Java 17 the JDK client has no {@code close()}. Its selector thread and its pooled
 * connections (kept alive up to 20 minutes) end only once the client is no longer referenced and
 * has been garbage collected. Without this indirection every Feign client built on it, and so the
 * port, would keep it alive for as long as the caller keeps the closed port.
 */
final class ReleasableClient implements Client {

  private volatile Client delegate;

  ReleasableClient(Client delegate) {
    this.delegate = delegate;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    Client current = delegate;
    if (current == null) {
      throw new IOException("the port is closed");
    }
    return current.execute(request, options);
  }

  /** Drops the client; every later request fails with an {@link IOException}. */
  void release() {
    delegate = null;
  }

  @Override
  public String toString() {
    return delegate == null ? "ReleasableClient{released}" : "ReleasableClient{}";
  }
}
