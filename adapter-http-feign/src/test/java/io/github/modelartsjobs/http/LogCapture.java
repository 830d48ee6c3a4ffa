package io.github.modelartsjobs.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Captures, at DEBUG, every line the adapter logs (message, level and any throwable's text). */
final class LogCapture implements AutoCloseable {

  private final Logger logger = (Logger) LoggerFactory.getLogger("io.github.modelartsjobs.http");

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private final Level previous;

  LogCapture() {
    previous = logger.getLevel();
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.DEBUG);
  }

  /** Each line as {@code LEVEL message}, with the text of any throwable appended. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    synchronized (appender.list) {
      for (ILoggingEvent event : appender.list) {
        StringBuilder line =
            new StringBuilder(event.getLevel() + " " + event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
          line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
        }
        lines.add(line.toString());
      }
    }
    return lines;
  }

  /** The lines at one level. */
  List<String> lines(Level level) {
    return lines().stream().filter(l -> l.startsWith(level + " ")).toList();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    logger.setLevel(previous);
  }
}
