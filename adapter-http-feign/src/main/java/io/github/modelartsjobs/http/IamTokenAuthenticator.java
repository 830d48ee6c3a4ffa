package io.github.modelartsjobs.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Request;
import feign.Response;
import io.github.modelartsjobs.core.error.AuthenticationException;
import io.github.modelartsjobs.core.error.ErrorContext;
import io.github.modelartsjobs.core.error.InvalidResponseException;
import io.github.modelartsjobs.core.error.PermissionDeniedException;
import io.github.modelartsjobs.core.error.RequestRejectedException;
import io.github.modelartsjobs.core.error.ServiceErrors;
import io.github.modelartsjobs.core.error.ServiceUnavailableException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Obtains IAM tokens for a user name and password (scoped to the project), caches the token, and
 * sends it as {@code X-Auth-Token}.
 *
 * <p>A token is renewed ahead of its expiry: at 90% of its lifetime, and at the latest {@value
 * #REFRESH_MARGIN_MINUTES} minutes before it expires. When renewing fails but the old token has not
 * expired, the old one is used. After a 401 that says the token is expired or invalid, the token
 * that request carried is dropped and a new one obtained, once per call.
 *
 * <p>Only one thread obtains a token at a time; the others wait for it (at most until their call
 * deadline). IAM failures map like the service's: 429 and 5xx and I/O errors are {@link
 * AttemptFailure}s (retried by the caller's retry), 400, 401 and 404 {@link
 * AuthenticationException}, 403 {@link PermissionDeniedException}.
 */
final class IamTokenAuthenticator implements Authenticator {

  static final int REFRESH_MARGIN_MINUTES = 5;

  private static final int KEPT_TOKENS = 4;

  private static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);

  private static final Logger LOG = LoggerFactory.getLogger(HttpJobDetails.class);

  private static final JsonFactory JSON = new JsonFactory();

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final IamApi api;

  private final Credentials.IamPassword credentials;

  private final String projectId;

  private final Transport transport;

  private final Clock clock;

  private final ReentrantLock lock = new ReentrantLock();

  private final Deque<String> issued = new ArrayDeque<>();

  private final Redactor redactor;

  private volatile CachedToken cached;

  IamTokenAuthenticator(
      IamApi api,
      Credentials.IamPassword credentials,
      String projectId,
      Transport transport,
      Clock clock,
      Redactor redactor) {
    this.api = api;
    this.credentials = credentials;
    this.projectId = projectId;
    this.transport = transport;
    this.clock = clock;
    this.redactor = redactor;
  }

  /** A token, when it was obtained, when to renew it and when it expires. */
  private record CachedToken(String token, Instant refreshAt, Instant expiresAt, boolean stale) {

    static CachedToken of(String token, Instant obtained, Instant expiresAt) {
      Duration lifetime = Duration.between(obtained, expiresAt);
      Instant atNinetyPercent = obtained.plus(lifetime.multipliedBy(9).dividedBy(10));
      Instant beforeMargin = expiresAt.minus(Duration.ofMinutes(REFRESH_MARGIN_MINUTES));
      Instant refreshAt = atNinetyPercent.isBefore(beforeMargin) ? atNinetyPercent : beforeMargin;
      return new CachedToken(
          token, refreshAt.isBefore(obtained) ? obtained : refreshAt, expiresAt, false);
    }

    boolean fresh(Instant now) {
      return !stale && now.isBefore(refreshAt);
    }

    boolean usable(Instant now) {
      return !stale && now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
      return "CachedToken{****, expiresAt=" + expiresAt + "}";
    }
  }

  @Override
  public void prepare(Deadline deadline, ErrorContext context) {
    CachedToken current = cached;
    if (current != null && current.fresh(clock.instant())) {
      return;
    }
    boolean locked;
    try {
      locked = lock.tryLock(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceUnavailableException(
          "interrupted while waiting for an IAM token", context, null);
    }
    if (!locked) {
      String reason = "no IAM token within the call deadline";
      throw new AttemptFailure(
          new ServiceUnavailableException(reason, context, null), null, reason);
    }
    try {
      current = cached;
      if (current != null && current.fresh(clock.instant())) {
        return;
      }
      try {
        cached = obtain(deadline, context);
      } catch (AttemptFailure e) {
        if (current != null && current.usable(clock.instant())) {
          LOG.warn(
              "renewing the IAM token failed ({}); the current one is used until it expires",
              redactor.text(e.reason()));
          return;
        }
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Request apply(Request request) {
    CachedToken current = cached;
    if (current == null) {
      throw new IllegalStateException("no IAM token: prepare must run before each request");
    }
    return FixedTokenAuthenticator.withToken(request, current.token());
  }

  @Override
  public String currentToken() {
    CachedToken current = cached;
    return current == null ? null : current.token();
  }

  @Override
  public boolean invalidate(String usedToken) {
    lock.lock();
    try {
      CachedToken current = cached;
      if (current != null && current.token().equals(usedToken) && !current.stale()) {
        cached = new CachedToken(current.token(), current.refreshAt(), current.expiresAt(), true);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  private CachedToken obtain(Deadline deadline, ErrorContext context) {
    Instant start = clock.instant();
    Response response =
        transport.send(
            options -> api.createToken(requestBody(), options), deadline, context, "IAM");
    try (response) {
      int status = response.status();
      ErrorContext answered =
          context.withHttpStatus(status).withRequestId(Transport.header(response, "X-Request-Id"));
      boolean success = status == 200 || status == 201;
      byte[] body = transport.body(response, success, deadline, answered);
      if (success) {
        String token = Transport.header(response, "X-Subject-Token");
        if (token == null) {
          throw new InvalidResponseException(
              "IAM answered without an X-Subject-Token header", answered, null);
        }
        remember(token);
        Instant expiresAt = expiresAt(body, start);
        LOG.debug("obtained an IAM token valid until {}", expiresAt);
        return CachedToken.of(token, start, expiresAt);
      }
      throw failure(status, body, answered, transport.retryAfter(response));
    }
  }

  /** Keeps the last tokens issued, to be masked when echoed back. */
  private void remember(String token) {
    synchronized (issued) {
      issued.addFirst(token);
      while (issued.size() > KEPT_TOKENS) {
        issued.removeLast();
      }
    }
  }

  @Override
  public Collection<String> secrets() {
    List<String> secrets = new ArrayList<>();
    secrets.add(credentials.password());
    synchronized (issued) {
      secrets.addAll(issued);
    }
    return secrets;
  }

  private static RuntimeException failure(
      int status, byte[] body, ErrorContext answered, Duration retryAfter) {
    ErrorContext context = withIamError(answered, body);
    if (ServiceErrors.isTransientStatus(status)) {
      String reason = "IAM answered HTTP " + status;
      ServiceUnavailableException error = new ServiceUnavailableException(reason, context, null);
      return new AttemptFailure(error, retryAfter, reason);
    }
    if (status == 403) {
      return new PermissionDeniedException(context, null);
    }
    if (status == 400 || status == 401 || status == 404) {
      return new AuthenticationException(context, null);
    }
    return new RequestRejectedException(context, null);
  }

  /** Adds IAM's {@code {"error": {"code", "message"}}} to the context, or an excerpt. */
  private static ErrorContext withIamError(ErrorContext context, byte[] body) {
    try {
      JsonNode error = MAPPER.readTree(body).path("error");
      if (error.isObject()) {
        String code = error.path("code").asText(null);
        String message = error.path("message").asText(null);
        return context.withService(code == null ? null : "IAM." + code, "IAM: " + message);
      }
    } catch (IOException | RuntimeException e) {
      // not IAM's JSON: the excerpt below
    }
    String excerpt = Transport.excerpt(body);
    return context.withService(null, excerpt == null ? null : "IAM: " + excerpt);
  }

  private Instant expiresAt(byte[] body, Instant obtained) {
    try {
      String text = MAPPER.readTree(body).path("token").path("expires_at").asText(null);
      if (text != null) {
        return OffsetDateTime.parse(text).toInstant();
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("IAM token without a readable expiry; assuming {}", DEFAULT_LIFETIME);
    }
    return obtained.plus(DEFAULT_LIFETIME);
  }

  /** The password request body; built per request, never kept, never logged. */
  private byte[] requestBody() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeObjectFieldStart("auth");
      g.writeObjectFieldStart("identity");
      g.writeArrayFieldStart("methods");
      g.writeString("password");
      g.writeEndArray();
      g.writeObjectFieldStart("password");
      g.writeObjectFieldStart("user");
      g.writeStringField("name", credentials.user());
      g.writeStringField("password", credentials.password());
      g.writeObjectFieldStart("domain");
      g.writeStringField("name", credentials.domain());
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndObject();
      g.writeObjectFieldStart("scope");
      g.writeObjectFieldStart("project");
      g.writeStringField("id", projectId);
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
    return out.toByteArray();
  }

  @Override
  public String toString() {
    return "IAM token of user " + credentials.user() + " in domain " + credentials.domain();
  }
}
