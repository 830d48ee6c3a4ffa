package io.github.modelartsjobs.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Switches the library's log lines on for {@code --verbose}. The bundled {@code logback.xml} keeps
 * every logger off, so a run prints nothing on stderr but its one error line; verbose sets the
 * {@code io.github.modelartsjobs} loggers to DEBUG (adapter calls, retries, breaker transitions)
 * and the others to WARN, all written to stderr.
 */
final class Logging {

  private static final String LIBRARY = "io.github.modelartsjobs";

  private Logging() {}

  /**
   * Sets the levels for a run.
   *
   * @param verbose whether to show debug lines
   * @return restores the levels there were before; for runs inside one JVM, such as tests
   */
  static Restore configure(boolean verbose) {
    if (!verbose || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return () -> {};
    }
    Logger library = context.getLogger(LIBRARY);
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level libraryBefore = library.getLevel();
    Level rootBefore = root.getLevel();
    library.setLevel(Level.DEBUG);
    root.setLevel(Level.WARN);
    return () -> {
      library.setLevel(libraryBefore);
      root.setLevel(rootBefore);
    };
  }

  /** Puts the levels back as they were. */
  interface Restore extends AutoCloseable {
    @Override
    void close();
  }
}
