package io.github.modelartsjobs.http;

import io.github.modelartsjobs.core.error.ErrorContext;
import io.github.modelartsjobs.core.error.ModelArtsException;
import io.github.modelartsjobs.core.error.ServiceUnavailableException;
import io.github.modelartsjobs.core.error.ThrottledException;
import io.github.modelartsjobs.core.usecase.Sleeper;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the attempts of one port call: one Resilience4j {@link Retry} around one Resilience4j {@link
 * CircuitBreaker}, both inside the call deadline. Feign's own retryer is off, so this is the only
 * place that retries.
 *
 * <p><b>Decorator order: the breaker is inside the retry</b>, so it sees each attempt, not each
 * call. Reasons: the breaker's question is whether the service is healthy, and every attempt is one
 * sample of that, while a call of three failed attempts hides two of them; an outage is detected
 * after {@code breaker-minimum-calls} attempts rather than that many whole calls (three times as
 * many requests); and once the breaker opens in the middle of a call, the remaining retries of that
 * call fail fast instead of hammering a service known to be down. The half-open trial is then a
 * single attempt, which is what a trial should be.
 *
 * <p>What is retried and recorded: only {@link AttemptFailure}s, that is I/O errors, timeouts and
 * HTTP 429, 500, 502, 503 and 504. Every other outcome (a 4xx, a body that cannot be read, an
 * {@code "is_success": false}) is thrown at once, and counts as a success for the breaker, since
 * the service did answer.
 *
 * <p>Waits: exponential backoff with jitter, or {@code Retry-After} up to its cap (see {@link
 * Backoff}); they are taken with the injected {@link Sleeper}, never past the deadline: when the
 * next wait would end after it, retrying stops with the last error. The Resilience4j retry decides
 * whether to retry (its predicate and {@code maxAttempts}) with a zero interval, and this class
 * sleeps, so that the wait can be checked against the deadline and injected in tests.
 *
 * <p>Errors when retrying stops: the last 429 as {@code ThrottledException}; the last 5xx or I/O
 * failure as {@code ServiceUnavailableException} naming the attempts; an open breaker as {@code
 * ServiceUnavailableException} "circuit breaker is open".
 *
 * <p>Logging: one WARN line per retry (attempt, reason, wait, request id) and one WARN line per
 * breaker transition (with the request id of the attempt that caused it), never a header or body.
 * What an attempt throws has its credentials masked (see {@link Redactor}) before the breaker and
 * the retry see it, since they log what they record.
 */
final class ResilientCalls {

  private static final Logger LOG = LoggerFactory.getLogger(HttpJobDetails.class);

  private static final ThreadLocal<CallTrace> CURRENT = new ThreadLocal<>();

  private static final int MAX_HALF_OPEN_CALLS = 3;

  private final Retry retry;

  private final CircuitBreaker breaker;

  private final Backoff backoff;

  private final Sleeper sleeper;

  private final int maxAttempts;

  private final Duration openDuration;

  private final Redactor redactor;

  ResilientCalls(
      HttpConfig config, Backoff backoff, Sleeper sleeper, Clock clock, Redactor redactor) {
    this.redactor = redactor;
    this.backoff = backoff;
    this.sleeper = sleeper;
    this.maxAttempts = config.retryMaxAttempts();
    this.openDuration = config.breakerOpenDuration();
    this.retry =
        Retry.of(
            "modelarts-http",
            RetryConfig.custom()
                .maxAttempts(config.retryMaxAttempts())
                .retryOnException(AttemptFailure.class::isInstance)
                .intervalBiFunction((attempt, outcome) -> 0L)
                .failAfterMaxAttempts(false)
                .build());
    this.breaker =
        CircuitBreaker.of(
            "modelarts-http",
            CircuitBreakerConfig.custom()
                .failureRateThreshold((float) config.breakerFailureRate())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(config.breakerWindow())
                .minimumNumberOfCalls(config.breakerMinimumCalls())
                .waitDurationInOpenState(config.breakerOpenDuration())
                .permittedNumberOfCallsInHalfOpenState(
                    Math.min(MAX_HALF_OPEN_CALLS, config.breakerMinimumCalls()))
                .recordException(AttemptFailure.class::isInstance)
                .writableStackTraceEnabled(false)
                .clock(clock)
                .build());
    breaker
        .getEventPublisher()
        .onStateTransition(
            event -> {
              CallTrace trace = CURRENT.get();
              LOG.warn(
                  "circuit breaker {}: {} to {} (request {})",
                  breaker.getName(),
                  event.getStateTransition().getFromState(),
                  event.getStateTransition().getToState(),
                  trace == null ? "none" : trace.requestIdForLog());
            });
  }

  /** The breaker's state, such as {@code CLOSED}, for tests and {@code toString}. */
  String breakerState() {
    return breaker.getState().name();
  }

  /**
   * Runs the attempts of one call until one succeeds, one fails for good, the retries are spent,
   * the breaker refuses, or the deadline leaves no time.
   *
   * @param trace the call's trace, updated by the attempts
   * @param deadline the call deadline
   * @param attempt one attempt; throws {@link AttemptFailure} for a failure worth retrying and a
   *     {@link ModelArtsException} for any other
   * @return what the successful attempt returned
   */
  <T> T execute(CallTrace trace, Deadline deadline, Supplier<T> attempt) {
    CallTrace outer = CURRENT.get();
    CURRENT.set(trace);
    try {
      return attempts(trace, deadline, attempt);
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  private <T> T attempts(CallTrace trace, Deadline deadline, Supplier<T> attempt) {
    Retry.Context<T> retryContext = retry.context();
    AttemptFailure last = null;
    while (true) {
      if (Thread.currentThread().isInterrupted()) {
        throw new ServiceUnavailableException(
            "the calling thread was interrupted", context(trace), null);
      }
      if (deadline.passed()) {
        throw outOfTime(trace, deadline, last);
      }
      try {
        T result =
            breaker.executeSupplier(
                () -> {
                  trace.attemptStarted();
                  return masked(attempt);
                });
        retryContext.onComplete();
        return result;
      } catch (CallNotPermittedException e) {
        throw breakerOpen(trace, last);
      } catch (AttemptFailure failure) {
        last = failure;
      }

      try {
        retryContext.onRuntimeError(last);
      } catch (AttemptFailure spent) {
        throw exhausted(trace, last);
      }
      Duration wait = backoff.before(trace.attempts() + 1, last.retryAfter());
      if (wait.compareTo(deadline.remaining()) >= 0) {
        throw outOfTime(trace, deadline, last);
      }
      LOG.warn(
          "retrying {} (attempt {} of {}) in {} after {} (request {})",
          trace.request(),
          trace.attempts() + 1,
          maxAttempts,
          Durations.human(wait),
          last.reason(),
          trace.requestIdForLog());
      sleep(wait, trace);
    }
  }

  /**
   * Runs one attempt, masking the credentials in what it throws before the breaker and the retry
   * see it: both log the exceptions they record (at DEBUG, message and all).
   */
  private <T> T masked(Supplier<T> attempt) {
    try {
      return attempt.get();
    } catch (AttemptFailure failure) {
      throw redactor.failure(failure);
    } catch (ModelArtsException e) {
      throw redactor.error(e);
    }
  }

  private void sleep(Duration wait, CallTrace trace) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceUnavailableException(
          "interrupted while waiting to retry", context(trace), null);
    }
  }

  private static ErrorContext context(CallTrace trace) {
    return trace.ids().withHttpStatus(trace.status()).withRequestId(trace.requestId());
  }

  private ModelArtsException breakerOpen(CallTrace trace, AttemptFailure last) {
    String reason =
        "circuit breaker is open after repeated failures of the service; calls fail fast for "
            + Durations.human(openDuration)
            + ", then a trial call is let through";
    if (last != null) {
      reason += " (the last attempt failed: " + last.reason() + ")";
    }
    ErrorContext context = last != null ? last.error().context() : context(trace);
    return new ServiceUnavailableException(reason, context, null);
  }

  private static ModelArtsException exhausted(CallTrace trace, AttemptFailure last) {
    if (last.error() instanceof ThrottledException) {
      return last.error();
    }
    return new ServiceUnavailableException(
        last.reason() + "; " + attempts(trace) + " failed", last.error().context(), null);
  }

  private static ModelArtsException outOfTime(
      CallTrace trace, Deadline deadline, AttemptFailure last) {
    String limit = "the call deadline of " + Durations.human(deadline.total());
    if (last == null) {
      return new ServiceUnavailableException(limit + " passed", context(trace), null);
    }
    if (last.error() instanceof ThrottledException) {
      return last.error();
    }
    String reason;
    if (last.reason().contains("call deadline")) {
      reason = last.reason() + " (" + attempts(trace) + ")";
    } else if (deadline.passed()) {
      reason = last.reason() + "; " + limit + " passed after " + attempts(trace);
    } else {
      reason =
          last.reason()
              + "; gave up after "
              + attempts(trace)
              + ", "
              + limit
              + " leaving no time for another";
    }
    return new ServiceUnavailableException(reason, last.error().context(), null);
  }

  private static String attempts(CallTrace trace) {
    return trace.attempts() + (trace.attempts() == 1 ? " attempt" : " attempts");
  }
}
