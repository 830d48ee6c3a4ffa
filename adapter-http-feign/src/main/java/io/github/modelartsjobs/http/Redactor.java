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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Removes this port's credentials from what a server sent back, before it becomes part of an error
 * or a log line: a gateway or proxy that echoes the access key, the secret key, a token or a
 * password in its error text must not make the library print it.
 *
 * <p>Every occurrence of a credential in the service's code, message or request id is replaced by
 * {@code ****}. An error whose message still holds one (text of a body quoted by the JSON parser,
 * say) is built again, of the same type, from the cleaned context; its cause is dropped.
 */
final class Redactor {

  static final String MASK = "****";

  /** Credentials shorter than this are not searched for: they would match ordinary words. */
  private static final int SHORTEST = 6;

  private final List<String> fixed;

  private final Supplier<String> currentToken;

  Redactor(Credentials credentials, Supplier<String> currentToken) {
    List<String> secrets = new ArrayList<>();
    if (credentials instanceof Credentials.AccessKey key) {
      secrets.add(key.accessKey());
      secrets.add(key.secretKey());
    } else if (credentials instanceof Credentials.Token token) {
      secrets.add(token.token());
    } else if (credentials instanceof Credentials.IamPassword password) {
      secrets.add(password.password());
    }
    secrets.removeIf(s -> s == null || s.length() < SHORTEST);
    this.fixed = List.copyOf(secrets);
    this.currentToken = currentToken;
  }

  /** The text with every credential replaced by {@value #MASK}; null stays null. */
  String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String secret : secrets()) {
      out = out.replace(secret, MASK);
    }
    return out;
  }

  /**
   * A body with every credential replaced by {@value #MASK}, read and written as UTF-8; the same
   * array when it holds none. Used on error bodies before any part of them is cut into a message,
   * so that no cut can leave a piece of a credential behind.
   */
  byte[] redact(byte[] body) {
    if (body == null || body.length == 0) {
      return body;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    String clean = redact(text);
    return clean.equals(text) ? body : clean.getBytes(StandardCharsets.UTF_8);
  }

  /** The context with the service's code, message and request id redacted. */
  ErrorContext redact(ErrorContext context) {
    return new ErrorContext(
        context.jobId(),
        context.versionId(),
        context.httpStatus(),
        redact(context.errorCode()),
        redact(context.serviceMessage()),
        redact(context.requestId()));
  }

  /** The error itself when it holds no credential, else the same kind of error without them. */
  ModelArtsException scrub(ModelArtsException error) {
    if (!holdsSecret(error)) {
      return error;
    }
    ErrorContext before = error.context();
    ErrorContext clean = redact(before);
    ModelArtsException rebuilt;
    if (error instanceof JobNotFoundException) {
      rebuilt = new JobNotFoundException(clean, null);
    } else if (error instanceof AuthenticationException) {
      rebuilt = new AuthenticationException(clean, null);
    } else if (error instanceof PermissionDeniedException) {
      rebuilt = new PermissionDeniedException(clean, null);
    } else if (error instanceof ThrottledException throttled) {
      rebuilt = new ThrottledException(clean, throttled.retryAfter().orElse(null), null);
    } else if (error instanceof RequestRejectedException) {
      rebuilt = new RequestRejectedException(clean, null);
    } else if (error instanceof InvalidResponseException) {
      String head = "invalid response for " + before.subject() + before.details() + ": ";
      rebuilt = new InvalidResponseException(redact(after(error, head)), clean, null);
    } else {
      String head = "service unavailable for " + before.subject() + before.details() + ": ";
      rebuilt = new ServiceUnavailableException(redact(after(error, head)), clean, null);
    }
    rebuilt.setStackTrace(error.getStackTrace());
    return rebuilt;
  }

  private boolean holdsSecret(ModelArtsException error) {
    ErrorContext c = error.context();
    for (String secret : secrets()) {
      if (contains(error.getMessage(), secret)
          || contains(c.errorCode(), secret)
          || contains(c.serviceMessage(), secret)
          || contains(c.requestId(), secret)) {
        return true;
      }
    }
    return false;
  }

  private static String after(ModelArtsException error, String head) {
    String message = error.getMessage() == null ? "" : error.getMessage();
    return message.startsWith(head) ? message.substring(head.length()) : message;
  }

  private static boolean contains(String text, String secret) {
    return text != null && text.contains(secret);
  }

  private List<String> secrets() {
    String token = currentToken.get();
    if (token == null || token.length() < SHORTEST) {
      return fixed;
    }
    List<String> all = new ArrayList<>(fixed);
    all.add(token);
    return all;
  }

  @Override
  public String toString() {
    return "Redactor{" + fixed.size() + " credentials}";
  }
}
