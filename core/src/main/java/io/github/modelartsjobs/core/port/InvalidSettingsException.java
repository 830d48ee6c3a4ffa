package io.github.modelartsjobs.core.port;

/**
 * A setting given to an adapter, or the choice of adapter, is wrong. The message names the setting,
 * what it must be and what it was, such as {@code read-timeout must be a positive duration such as
 * 10s, but was -1s}; it never shows the value of a secret.
 */
public final class InvalidSettingsException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param message the one-line message
   */
  public InvalidSettingsException(String message) {
    super(message);
  }

  /**
   * Creates the error, keeping its cause.
   *
   * @param message the one-line message
   * @param cause what failed
   */
  public InvalidSettingsException(String message, Throwable cause) {
    super(message, cause);
  }
}
