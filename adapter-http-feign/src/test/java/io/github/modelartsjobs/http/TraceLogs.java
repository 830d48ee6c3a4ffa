package io.github.modelartsjobs.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures, at TRACE, every line logged by the adapter and by the libraries it is built on (Feign,
 * Resilience4j), with the full text of any throwable.
 */
final class TraceLogs implements AutoCloseable {

  private static final String[] NAMES = {
    "io.github.modelartsjobs", "feign", "io.github.resilience4j"
  };

  private final List<Logger> loggers = new ArrayList<>();

  private final List<Level> previous = new ArrayList<>();

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  TraceLogs() {
    appender.start();
    for (String name : NAMES) {
      Logger logger = (Logger) LoggerFactory.getLogger(name);
      loggers.add(logger);
      previous.add(logger.getLevel());
      logger.addAppender(appender);
      logger.setLevel(Level.TRACE);
    }
  }

  /** Each formatted message as {@code LEVEL message}, without throwables. */
  List<String> messages() {
    List<String> lines = new ArrayList<>();
    synchronized (appender.list) {
      for (ILoggingEvent event : appender.list) {
        lines.add(event.getLevel() + " " + event.getFormattedMessage());
      }
    }
    return lines;
  }

  /** Each line as {@code LEVEL message}, followed by the text of any throwable. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    synchronized (appender.list) {
      for (ILoggingEvent event : appender.list) {
        String line = event.getLevel() + " " + event.getFormattedMessage();
        if (event.getThrowableProxy() != null) {
          line += " | " + ThrowableProxyUtil.asString(event.getThrowableProxy());
        }
        lines.add(line);
      }
    }
    return lines;
  }

  @Override
  public void close() {
    for (int i = 0; i < loggers.size(); i++) {
      loggers.get(i).detachAppender(appender);
      loggers.get(i).setLevel(previous.get(i));
    }
  }
}
