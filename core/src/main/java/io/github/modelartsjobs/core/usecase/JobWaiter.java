package io.github.modelartsjobs.core.usecase;

import io.github.modelartsjobs.core.domain.JobStatus;
import io.github.modelartsjobs.core.domain.JobVersionRef;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.error.ModelArtsException;
import io.github.modelartsjobs.core.error.ThrottledException;
import io.github.modelartsjobs.core.port.JobDetailsPort;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * The wait use case: polls one job version until its status is terminal or the timeout passes,
 * waiting longer between polls as it goes and telling a listener about each status change once.
 *
 * <p>Polls go through the port; a throttled or unavailable answer does not end the wait (the next
 * poll comes after the usual interval, or after the service's {@code Retry-After} when that is
 * longer), and every other error ends it by propagating. No wait goes past the timeout: the last
 * poll happens at the deadline at the latest, and a poll that the rate limiter holds past the
 * deadline is not made. A timeout beyond the range of {@link Instant} means no deadline. A status
 * the library does not know is not terminal, so the wait goes on.
 *
 * <p>Each poll is given what is left of the wait as its time budget ({@link
 * JobDetailsPort#versionDetails(JobVersionRef, Duration)}), and at least one second, so that an
 * adapter's retries cannot carry a poll much past the deadline.
 *
 * <p>The clock and the sleeper are injected, so tests advance time instead of sleeping. An
 * interrupt while sleeping ends the wait with a {@link CancellationException}, the thread's
 * interrupt flag set again.
 */
public final class JobWaiter {

  /** The least time a poll is given, even at the deadline. */
  static final Duration LAST_POLL_BUDGET = Duration.ofSeconds(1);

  private final JobDetailsPort port;
  private final Clock clock;
  private final Sleeper sleeper;

  /**
   * A waiter.
   *
   * @param port where versions are read
   * @param clock the clock that tells the time and the deadline
   * @param sleeper how to wait between polls
   */
  public JobWaiter(JobDetailsPort port, Clock clock, Sleeper sleeper) {
    this.port = Objects.requireNonNull(port, "port");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /**
   * A waiter with the system clock that sleeps for real.
   *
   * @param port where versions are read
   * @return the waiter
   */
  public static JobWaiter system(JobDetailsPort port) {
    return new JobWaiter(port, Clock.systemUTC(), Sleeper.system());
  }

  /**
   * Polls a version until it ends or the timeout passes.
   *
   * @param ref the version to watch
   * @param options timeout, intervals and rate limit
   * @param listener told of each status change once
   * @return the outcome, the version as last seen, the time taken and the number of polls
   * @throws ModelArtsException for an error that is not transient, such as not found
   * @throws CancellationException if the thread is interrupted
   */
  public WaitResult waitFor(JobVersionRef ref, WaitOptions options, WaitListener listener) {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(listener, "listener");
    Instant start = clock.instant();
    Instant deadline = deadline(start, options.timeout());
    Duration interval = options.initialInterval();
    Optional<JobStatus> previous = Optional.empty();
    Optional<TrainingJob> lastSeen = Optional.empty();
    Optional<ModelArtsException> lastError = Optional.empty();
    int polls = 0;

    while (true) {
      Duration serviceAsked = Duration.ZERO;
      ModelArtsException transientError = null;
      try {
        options.rateLimiter().acquire();
        if (clock.instant().isAfter(deadline)) {
          return new WaitResult(
              WaitResult.Outcome.TIMED_OUT, lastSeen, elapsed(start), polls, lastError);
        }
        TrainingJob job = port.versionDetails(ref, budget(deadline));
        polls++;
        lastSeen = Optional.of(job);
        listener.onPoll(job);
        if (job.status().isPresent()) {
          JobStatus current = job.status().get();
          if (!previous.equals(job.status())) {
            listener.onStatusChange(previous, current, job);
            previous = job.status();
          }
          if (current.isTerminal()) {
            return new WaitResult(outcomeOf(current), lastSeen, elapsed(start), polls, lastError);
          }
        }
      } catch (ModelArtsException e) {
        if (!e.isTransient()) {
          throw e;
        }
        transientError = e;
        lastError = Optional.of(e);
        if (e instanceof ThrottledException t && t.retryAfter().isPresent()) {
          serviceAsked = t.retryAfter().get();
        }
      } catch (InterruptedException e) {
        throw interrupted(ref, e);
      }

      Instant now = clock.instant();
      if (!now.isBefore(deadline)) {
        return new WaitResult(
            WaitResult.Outcome.TIMED_OUT, lastSeen, elapsed(start), polls, lastError);
      }
      Duration pause = max(interval, serviceAsked);
      Duration remaining = Duration.between(now, deadline);
      if (pause.compareTo(remaining) > 0) {
        pause = remaining;
      }
      if (transientError != null) {
        listener.onTransientError(transientError, pause);
      }
      try {
        sleeper.sleep(pause);
      } catch (InterruptedException e) {
        throw interrupted(ref, e);
      }
      interval = grow(interval, options);
    }
  }

  /**
   * What is left of the wait for one poll, so that the port's retries end with the wait; the last
   * poll, at the deadline, still gets {@link #LAST_POLL_BUDGET}.
   */
  private Duration budget(Instant deadline) {
    Duration left = Duration.between(clock.instant(), deadline);
    return left.compareTo(LAST_POLL_BUDGET) < 0 ? LAST_POLL_BUDGET : left;
  }

  private static CancellationException interrupted(JobVersionRef ref, InterruptedException e) {
    Thread.currentThread().interrupt();
    CancellationException cancel =
        new CancellationException("the wait for training " + ref + " was interrupted");
    cancel.initCause(e);
    return cancel;
  }

  private static Instant deadline(Instant start, Duration timeout) {
    try {
      return start.plus(timeout);
    } catch (DateTimeException | ArithmeticException e) {
      return Instant.MAX;
    }
  }

  private static Duration grow(Duration interval, WaitOptions options) {
    double nanos = interval.toNanos() * options.multiplier();
    if (nanos >= options.maxInterval().toNanos()) {
      return options.maxInterval();
    }
    return Duration.ofNanos((long) nanos);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private Duration elapsed(Instant start) {
    return Duration.between(start, clock.instant());
  }

  private static WaitResult.Outcome outcomeOf(JobStatus status) {
    if (status.isSucceeded()) {
      return WaitResult.Outcome.SUCCEEDED;
    }
    return status.isCanceled() ? WaitResult.Outcome.CANCELED : WaitResult.Outcome.FAILED;
  }
}
