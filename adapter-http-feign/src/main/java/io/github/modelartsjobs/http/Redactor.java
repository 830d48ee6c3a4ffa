package io.github.modelartsjobs.http;

import io.github.modelartsjobs.core.error.AuthenticationException;
import io.github.modelartsjobs.core.error.ErrorContext;
import io.github.modelartsjobs.core.error.InvalidResponseException;
import io.github.modelartsjobs.core.error.JobNotFoundException;
import io.github.modelartsjobs.core.error.ModelArtsException;
import io.github.modelartsjobs.core.error.PermissionDeniedException;
import io.github.modelartsjobs.core.error.RequestRejectedException;
import io.github.modelartsjobs.core.error.ServiceUnavailableException;
import io.github.modelartsjobs.core.error.ThrottledException;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Masks the credentials of a port in text that came back from the other side: an error message or
 * an HTML page that echoes the token, a request id, a JDK message quoting a header. Such text goes
 * into exception messages and log lines, where no key, token, password or signature may appear.
 *
 * <p>A secret is masked where it appears whole, and a long one (from {@value #WINDOW} characters)
 * also where any {@value #WINDOW} or more of its consecutive characters appear, since the service
 * message of an {@link ErrorContext} is cut to 300 characters and an IAM token is longer than that.
 * When requests are signed, every run of 64 hex digits (the length of a signature) is masked too.
 * Secrets shorter than {@value #SHORTEST} characters are not masked, so that a test's one-letter
 * token does not garble every message. Thread-safe.
 */
final class Redactor {

  static final String MASK = "****";

  static final int SHORTEST = 6;

  static final int WINDOW = 16;

  private static final int CACHED_SECRETS = 8;

  private static final Pattern SIGNATURE =
      Pattern.compile("(?<![0-9A-Fa-f])[0-9A-Fa-f]{64}(?![0-9A-Fa-f])");

  private final Supplier<Collection<String>> secrets;

  private final boolean signatures;

  private final Map<String, Set<String>> windows =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
          return size() > CACHED_SECRETS;
        }
      };

  /**
   * Creates the redactor.
   *
   * @param secrets the secrets of the port now (they change as IAM tokens are renewed)
   * @param signatures whether requests are signed, so that 64 hex digits are masked too
   */
  Redactor(Supplier<Collection<String>> secrets, boolean signatures) {
    this.secrets = secrets;
    this.signatures = signatures;
  }

  /** The text with every secret masked; null for null. */
  String text(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String result = text;
    for (String secret : secrets.get()) {
      if (secret == null || secret.length() < SHORTEST) {
        continue;
      }
      result = result.replace(secret, MASK);
      if (secret.length() >= WINDOW) {
        result = maskFragments(result, windowsOf(secret));
      }
    }
    if (signatures) {
      result = SIGNATURE.matcher(result).replaceAll(MASK);
    }
    return result;
  }

  /** The context with its code, service message and request id masked. */
  ErrorContext context(ErrorContext context) {
    return new ErrorContext(
        context.jobId(),
        context.versionId(),
        context.httpStatus(),
        text(context.errorCode()),
        text(context.serviceMessage()),
        text(context.requestId()));
  }

  /**
   * The error itself when neither its message nor its context holds a secret; else an error of the
   * same type with the secrets masked (and no cause, whose text could hold them too).
   */
  ModelArtsException error(ModelArtsException e) {
    ErrorContext context = e.context();
    ErrorContext masked = context(context);
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (masked.equals(context) && text(message).equals(message) && !causeLeaks(e)) {
      return e;
    }
    if (e instanceof ServiceUnavailableException) {
      return new ServiceUnavailableException(
          reason(message, "service unavailable for ", context), masked, null);
    }
    if (e instanceof InvalidResponseException) {
      return new InvalidResponseException(
          reason(message, "invalid response for ", context), masked, null);
    }
    if (e instanceof ThrottledException throttled) {
      return new ThrottledException(masked, throttled.retryAfter().orElse(null), null);
    }
    if (e instanceof JobNotFoundException) {
      return new JobNotFoundException(masked, null);
    }
    if (e instanceof AuthenticationException) {
      return new AuthenticationException(masked, null);
    }
    if (e instanceof PermissionDeniedException) {
      return new PermissionDeniedException(masked, null);
    }
    return new RequestRejectedException(masked, null);
  }

  /** The failure itself when nothing in it holds a secret; else one with the secrets masked. */
  AttemptFailure failure(AttemptFailure failure) {
    ModelArtsException error = error(failure.error());
    String reason = text(failure.reason());
    if (error == failure.error() && reason.equals(failure.reason())) {
      return failure;
    }
    return new AttemptFailure(error, failure.retryAfter(), reason);
  }

  private boolean causeLeaks(ModelArtsException e) {
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      String message = String.valueOf(c.getMessage());
      if (!text(message).equals(message)) {
        return true;
      }
    }
    return false;
  }

  /** The reason part of a message {@code head + subject + details + ": " + reason}, masked. */
  private String reason(String message, String head, ErrorContext context) {
    String prefix = head + context.subject() + context.details();
    if (message.equals(prefix)) {
      return null;
    }
    String reason =
        message.startsWith(prefix + ": ") ? message.substring(prefix.length() + 2) : message;
    return text(reason);
  }

  private Set<String> windowsOf(String secret) {
    synchronized (windows) {
      return windows.computeIfAbsent(
          secret,
          s -> {
            Set<String> set = new HashSet<>();
            for (int i = 0; i + WINDOW <= s.length(); i++) {
              set.add(s.substring(i, i + WINDOW));
            }
            return set;
          });
    }
  }

  private static String maskFragments(String text, Set<String> windows) {
    boolean[] secret = new boolean[text.length()];
    boolean any = false;
    for (int i = 0; i + WINDOW <= text.length(); i++) {
      if (windows.contains(text.substring(i, i + WINDOW))) {
        for (int j = i; j < i + WINDOW; j++) {
          secret[j] = true;
        }
        any = true;
      }
    }
    if (!any) {
      return text;
    }
    StringBuilder s = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      if (!secret[i]) {
        s.append(text.charAt(i));
      } else if (i == 0 || !secret[i - 1]) {
        s.append(MASK);
      }
    }
    return s.toString();
  }

  @Override
  public String toString() {
    return "Redactor";
  }
}
