package io.github.modelartsjobs.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * The circuit breaker transitions the HTTP port logs (one WARN line each, such as {@code circuit
 * breaker modelarts-http: CLOSED to OPEN}), kept while open, as {@code CLOSED to OPEN}.
 */
final class BreakerTransitions implements AutoCloseable {

  private static final String MARK = "circuit breaker ";

  private final Logger logger = (Logger) LoggerFactory.getLogger(HttpJobDetails.class);
  private final List<String> transitions = new CopyOnWriteArrayList<>();
  private final AppenderBase<ILoggingEvent> appender =
      new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
          String message = event.getFormattedMessage();
          int at = message.indexOf(MARK);
          int colon = message.indexOf(": ", at);
          int end = message.indexOf(" (", colon);
          if (at >= 0 && colon > at && end > colon) {
            transitions.add(message.substring(colon + 2, end));
          }
        }
      };

  BreakerTransitions() {
    appender.setContext(logger.getLoggerContext());
    appender.start();
    logger.addAppender(appender);
  }

  /** The transitions so far, oldest first. */
  List<String> all() {
    return List.copyOf(transitions);
  }

  /** Forgets the transitions so far. */
  void clear() {
    transitions.clear();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    appender.stop();
  }
}
