package io.github.modelartsjobs.core.error;

import java.util.Objects;

/**
 * The root of the errors a {@code JobDetailsPort} raises. Each subclass is one thing a caller may
 * want to react to; all are unchecked, and none wraps a type of an HTTP or JSON library.
 *
 * <p>The message is one line saying what happened, naming the job and version, the service's error
 * code, the HTTP status and the request id where they are known. It never holds a credential.
 * {@link #context()} gives the same facts one by one.
 */
public abstract class ModelArtsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ErrorContext context;

  /**
   * Creates an error.
   *
   * @param message the one-line message
   * @param context the facts about the call, not null
   * @param cause the underlying failure, or null
   */
  protected ModelArtsException(String message, ErrorContext context, Throwable cause) {
    super(message, cause);
    this.context = Objects.requireNonNull(context, "context");
  }

  /** The job, version, HTTP status, error code, service message and request id, where known. */
  public ErrorContext context() {
    return context;
  }

  /**
   * Whether trying the same call again later may succeed: true for throttling and unavailability.
   */
  public boolean isTransient() {
    return false;
  }

  static String withServiceMessage(String head, ErrorContext context) {
    return context.message().map(m -> head + ": " + m).orElse(head);
  }
}
