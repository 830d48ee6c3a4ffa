package io.github.modelartsjobs.app;

/**
 * The command line, the environment or the config file asks for something that cannot be done: a
 * config file that cannot be read, an unknown key in it, an output format that does not exist. Ends
 * the run with exit code 2, the message and the hint on one line of stderr.
 */
final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String hint;

  /**
   * Creates the error.
   *
   * @param message what is wrong, one line, never holding a secret
   * @param hint what to try, one line
   * @param cause the underlying failure, or null
   */
  UsageException(String message, String hint, Throwable cause) {
    super(message, cause);
    this.hint = hint;
  }

  /** What to try, one line. */
  String hint() {
    return hint;
  }
}
