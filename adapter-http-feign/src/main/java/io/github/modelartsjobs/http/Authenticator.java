package io.github.modelartsjobs.http;

import feign.Request;
import io.github.modelartsjobs.core.error.ErrorContext;
import io.github.modelartsjobs.core.error.ModelArtsException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Adds the proof of identity to each request: an AK/SK signature, or an IAM token. Thread-safe.
 *
 * <p>The signature is computed over the request exactly as it goes on the wire (in {@link
 * AuthenticatingClient}), so it covers the final URL and headers.
 */
interface Authenticator {

  /**
   * Makes ready what {@link #apply} needs, such as a token that is not about to expire; may call
   * IAM. Called at the start of every attempt, inside the circuit breaker: a call cannot succeed
   * without a token, so a transient IAM failure counts like a failure of the service (and an open
   * breaker spares IAM too).
   *
   * @param deadline the call deadline
   * @param context the ids of the call, for errors
   * @throws AttemptFailure if IAM failed in a way worth retrying
   * @throws ModelArtsException if IAM refused the credentials
   */
  default void prepare(Deadline deadline, ErrorContext context) {}

  /** The request with the authentication headers added. */
  Request apply(Request request);

  /**
   * The token {@link #apply} sends now, or null when requests are signed instead. Remembered by an
   * attempt so that a 401 invalidates the token it used, not a newer one.
   */
  default String currentToken() {
    return null;
  }

  /**
   * After a 401 that says the token is expired or invalid: drops that token so that the next {@link
   * #prepare} obtains another.
   *
   * @param usedToken the token the rejected request carried
   * @return true if a new token may be obtained (IAM credentials), false if not (a fixed token, or
   *     AK/SK, which never refreshes)
   */
  default boolean invalidate(String usedToken) {
    return false;
  }

  /**
   * The secrets this authenticator holds or has sent (keys, tokens, password), so that they can be
   * masked wherever the other side echoes them back.
   */
  default Collection<String> secrets() {
    return List.of();
  }

  /**
   * The same request with other headers; method, URL and body unchanged.
   *
   * @param request the request
   * @param headers the headers it carries from now on
   * @return a new request
   */
  static Request withHeaders(Request request, Map<String, Collection<String>> headers) {
    return Request.create(
        request.httpMethod(),
        request.url(),
        headers,
        request.body(),
        request.charset(),
        request.requestTemplate());
  }

  /** What this authenticator is, without any secret. */
  @Override
  String toString();
}
