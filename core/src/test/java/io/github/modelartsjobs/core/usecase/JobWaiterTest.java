package io.github.modelartsjobs.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.modelartsjobs.core.domain.JobStatus;
import io.github.modelartsjobs.core.domain.JobVersionRef;
import io.github.modelartsjobs.core.domain.JobVersions;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.error.ErrorContext;
import io.github.modelartsjobs.core.error.InvalidResponseException;
import io.github.modelartsjobs.core.error.JobNotFoundException;
import io.github.modelartsjobs.core.error.ModelArtsException;
import io.github.modelartsjobs.core.error.ServiceUnavailableException;
import io.github.modelartsjobs.core.error.ThrottledException;
import io.github.modelartsjobs.core.port.JobDetailsPort;
import io.github.modelartsjobs.core.testing.MutableClock;
import io.github.modelartsjobs.core.testing.TestJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The wait use case, on a clock that only the sleeper moves: nothing sleeps for real. */
class JobWaiterTest {

  private static final JobVersionRef REF = JobVersionRef.of(10, 12);

  private final MutableClock clock = MutableClock.atSomeFixedInstant();
  private final Instant start = clock.instant();
  private final List<Duration> sleeps = new ArrayList<>();
  private final Sleeper advancingSleeper =
      duration -> {
        sleeps.add(duration);
        clock.advance(duration);
      };
  private final RecordingListener listener = new RecordingListener();

  private final WaitOptions everyTenSeconds =
      WaitOptions.defaults()
          .withTimeout(Duration.ofMinutes(10))
          .withInitialInterval(Duration.ofSeconds(10))
          .withMaxInterval(Duration.ofSeconds(10))
          .withMultiplier(1);

  @AfterEach
  void clearInterruptFlag() {
    Thread.interrupted();
  }

  @Test
  void waitEndsWhenTheVersionSucceeds() {
    ScriptedPort port = answering(status(7), status(8), status(10));

    WaitResult result = waiter(port).waitFor(REF, everyTenSeconds, listener);

    assertThat(result.outcome()).isEqualTo(WaitResult.Outcome.SUCCEEDED);
    assertThat(result.polls()).isEqualTo(3);
    assertThat(result.lastSeen().flatMap(TrainingJob::status)).contains(JobStatus.COMPLETED);
    assertThat(result.elapsed()).isEqualTo(Duration.ofSeconds(20));
    assertThat(result.lastError()).isEmpty();
    assertThat(port.pollTimes()).containsExactly(at(0), at(10), at(20));
  }

  static Stream<JobStatus> terminalStatuses() {
    return JobStatus.documented().stream().filter(JobStatus::isTerminal);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("terminalStatuses")
  void everyTerminalStatusEndsTheWaitWithItsOutcome(JobStatus terminal) {
    ScriptedPort port = answering(status(8), TestJobs.withStatus(10, 12, terminal));

    WaitResult result = waiter(port).waitFor(REF, everyTenSeconds, listener);

    WaitResult.Outcome expected =
        switch (terminal.statusClass()) {
          case SUCCEEDED -> WaitResult.Outcome.SUCCEEDED;
          case CANCELED -> WaitResult.Outcome.CANCELED;
          default -> WaitResult.Outcome.FAILED;
        };
    assertThat(result.outcome()).isEqualTo(expected);
    assertThat(result.polls()).isEqualTo(2);
  }

  @Test
  void failedAndCanceledVersionsEndTheWaitWithThoseOutcomes() {
    WaitResult failed =
        waiter(answering(status(8), status(11))).waitFor(REF, everyTenSeconds, listener);
    WaitResult killed =
        waiter(answering(status(9), status(12))).waitFor(REF, everyTenSeconds, listener);

    assertThat(failed.outcome()).isEqualTo(WaitResult.Outcome.FAILED);
    assertThat(killed.outcome()).isEqualTo(WaitResult.Outcome.CANCELED);
  }

  @Test
  void unknownStatusesDoNotEndTheWait() {
    ScriptedPort port = answering(status(0), status(42), status(-1), status(13));

    WaitResult result = waiter(port).waitFor(REF, everyTenSeconds, listener);

    assertThat(result.outcome()).isEqualTo(WaitResult.Outcome.CANCELED);
    assertThat(result.polls()).isEqualTo(4);
  }

  @Test
  void versionWithoutStatusKeepsTheWaitGoingWithoutReportingAChange() {
    ScriptedPort port = answering(TrainingJob.builder(10, 12).build(), status(8), status(10));

    WaitResult result = waiter(port).waitFor(REF, everyTenSeconds, listener);

    assertThat(result.outcome()).isEqualTo(WaitResult.Outcome.SUCCEEDED);
    assertThat(listener.changes).containsExactly("none->8", "8->10");
    assertThat(listener.polls).isEqualTo(3);
  }

  @Test
  void eachStatusChangeIsReportedOnce() {
    ScriptedPort port =
        answering(status(7), status(7), status(8), status(8), status(8), status(10));

    waiter(port).waitFor(REF, everyTenSeconds, listener);

    assertThat(listener.changes).containsExactly("none->7", "7->8", "8->10");
    assertThat(listener.polls).isEqualTo(6);
  }

  @Test
  void waitEndsAtTheDeadlineWithALastPollThereAndNoneAfter() {
    ScriptedPort port = answering(status(8));
    WaitOptions options = everyTenSeconds.withTimeout(Duration.ofSeconds(60));

    WaitResult result = waiter(port).waitFor(REF, options, listener);

    assertThat(result.outcome()).isEqualTo(WaitResult.Outcome.TIMED_OUT);
    assertThat(result.elapsed()).isEqualTo(Duration.ofSeconds(60));
    assertThat(result.polls()).isEqualTo(7);
    assertThat(result.lastSeen().flatMap(TrainingJob::status)).contains(JobStatus.RUNNING);
    assertThat(port.pollTimes()).last().isEqualTo(at(60));
    assertThat(clock.instant()).isEqualTo(at(60));
  }

  @Test
  void eachPollIsGivenWhatIsLeftOfTheWaitAndAtLeastOneSecond() {
    ScriptedPort port = answering(status(8));
    WaitOptions options = everyTenSeconds.withTimeout(Duration.ofSeconds(25));

    waiter(port).waitFor(REF, options, listener);

    assertThat(port.budgets()).containsExactly(seconds(25), seconds(15), seconds(5), seconds(1));
  }

  @Test
  void pauseBeforeTheDeadlineIsShortenedToReachItExactly() {
    ScriptedPort port = answering(status(8));
    WaitOptions options =
        WaitOptions.defaults()
            .withTimeout(Duration.ofSeconds(100))
            .withInitialInterval(Duration.ofSeconds(10))
            .withMaxInterval(Duration.ofSeconds(40))
            .withMultiplier(2);

    WaitResult result = waiter(port).waitFor(REF, options, listener);

    assertThat(result.outcome()).isEqualTo(WaitResult.Outcome.TIMED_OUT);
    assertThat(port.pollTimes()).containsExactly(at(0), at(10), at(30), at(70), at(100));
    assertThat(sleeps).containsExactly(seconds(10), seconds(20), seconds(40), seconds(30));
  }

  @Test
  void intervalsGrowByTheMultiplierUntilTheyReachTheLongest() {
    ScriptedPort port = answering(status(8));
    WaitOptions options = WaitOptions.defaults().withTimeout(Duration.ofMinutes(5));

    waiter(port).waitFor(REF, options, listener);

    assertThat(sleeps)
        .startsWith(
            Duration.ofMillis(5000),
            Duration.ofMillis(7500),
            Duration.ofMillis(11250),
            Duration.ofMillis(16875),
            Duration.ofNanos(25_312_500_000L),
            Duration.ofNanos(37_968_750_000L),
            Duration.ofNanos(56_953_125_000L),
            Duration.ofSeconds(60),
            Duration.ofSeconds(60));
    assertThat(sleeps).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(seconds(60)));
  }

  @Test
  void transientErrorsKeepTheWaitGoing() {
    ServiceUnavailableException unavailable = unavailable();
    ScriptedPort port = answering(status(8), unavailable, status(8), status(10));

    WaitResult result = waiter(port).waitFor(REF, everyTenSeconds, listener);

    assertThat(result.outcome()).isEqualTo(WaitResult.Outcome.SUCCEEDED);
    assertThat(result.polls()).isEqualTo(3);
    assertThat(result.lastError()).containsSame(unavailable);
    assertThat(listener.transientErrors).containsExactly(unavailable);
    assertThat(listener.transientPauses).containsExactly(seconds(10));
    assertThat(port.pollTimes()).containsExactly(at(0), at(10), at(20), at(30));
  }

  @Test
  void retryAfterLongerThanTheIntervalLengthensThePause() {
    ThrottledException throttled = throttled(Duration.ofSeconds(45));
    ScriptedPort port = answering(status(8), throttled, status(10));

    WaitResult result = waiter(port).waitFor(REF, everyTenSeconds, listener);

    assertThat(result.outcome()).isEqualTo(WaitResult.Outcome.SUCCEEDED);
    assertThat(sleeps).containsExactly(seconds(10), seconds(45));
    assertThat(listener.transientPauses).containsExactly(seconds(45));
    assertThat(result.lastError()).containsSame(throttled);
  }

  @Test
  void retryAfterShorterThanTheIntervalDoesNotShortenThePause() {
    ScriptedPort port = answering(throttled(Duration.ofSeconds(1)), status(10));

    waiter(port).waitFor(REF, everyTenSeconds, listener);

    assertThat(sleeps).containsExactly(seconds(10));
  }

  @Test
  void retryAfterPastTheDeadlineIsCutAtTheDeadline() {
    ScriptedPort port = answering(throttled(Duration.ofHours(1)), status(8));
    WaitOptions options = everyTenSeconds.withTimeout(Duration.ofSeconds(30));

    WaitResult result = waiter(port).waitFor(REF, options, listener);

    assertThat(result.outcome()).isEqualTo(WaitResult.Outcome.TIMED_OUT);
    assertThat(sleeps).containsExactly(seconds(30));
    assertThat(port.pollTimes()).containsExactly(at(0), at(30));
  }

  @Test
  void waitThatOnlyMetErrorsTimesOutWithoutAVersion() {
    ScriptedPort port = answering(unavailable());
    WaitOptions options = everyTenSeconds.withTimeout(Duration.ofSeconds(20));

    WaitResult result = waiter(port).waitFor(REF, options, listener);

    assertThat(result.outcome()).isEqualTo(WaitResult.Outcome.TIMED_OUT);
    assertThat(result.polls()).isZero();
    assertThat(result.lastSeen()).isEmpty();
    assertThat(result.lastError()).isPresent();
    assertThat(port.pollTimes()).hasSize(3);
  }

  @Test
  void errorThatIsNotTransientEndsTheWait() {
    JobNotFoundException notFound = JobNotFoundException.of(10, 12L);
    ScriptedPort port = answering(status(8), notFound);

    assertThatThrownBy(() -> waiter(port).waitFor(REF, everyTenSeconds, listener))
        .isSameAs(notFound);
    assertThat(port.pollTimes()).hasSize(2);
  }

  @Test
  void invalidResponseEndsTheWait() {
    InvalidResponseException invalid =
        new InvalidResponseException("missing field job_id", ErrorContext.EMPTY, null);
    ScriptedPort port = answering(invalid);

    assertThatThrownBy(() -> waiter(port).waitFor(REF, everyTenSeconds, listener))
        .isSameAs(invalid);
  }

  @Test
  void interruptWhileSleepingCancelsTheWaitAndKeepsTheInterruptFlag() {
    ScriptedPort port = answering(status(8));
    Sleeper interrupted =
        duration -> {
          throw new InterruptedException("sleep interrupted");
        };

    Throwable thrown =
        catchThrowable(
            () -> new JobWaiter(port, clock, interrupted).waitFor(REF, everyTenSeconds, listener));

    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    assertThat(thrown)
        .isInstanceOf(CancellationException.class)
        .hasMessage("the wait for training job 10 version 12 was interrupted")
        .hasCauseInstanceOf(InterruptedException.class);
  }

  @Test
  void interruptWhileWaitingForTheRateLimitCancelsTheWait() {
    ScriptedPort port = answering(status(8));
    WaitOptions options =
        everyTenSeconds.withRateLimiter(
            () -> {
              throw new InterruptedException();
            });

    Throwable thrown = catchThrowable(() -> waiter(port).waitFor(REF, options, listener));

    assertThat(thrown).isInstanceOf(CancellationException.class);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    assertThat(port.pollTimes()).isEmpty();
  }

  @Test
  void everyPollGoesThroughTheRateLimiter() {
    ScriptedPort port = answering(status(8), status(8), status(10));
    List<Instant> acquired = new ArrayList<>();
    WaitOptions options = everyTenSeconds.withRateLimiter(() -> acquired.add(clock.instant()));

    waiter(port).waitFor(REF, options, listener);

    assertThat(acquired).containsExactlyElementsOf(port.pollTimes());
  }

  @Test
  void rateLimitThatHoldsThePollPastTheDeadlineEndsTheWaitWithoutPolling() {
    ScriptedPort port = answering(status(8));
    PollRateLimiter slow = () -> clock.advance(Duration.ofSeconds(30));
    WaitOptions options = everyTenSeconds.withTimeout(Duration.ofSeconds(60)).withRateLimiter(slow);

    WaitResult result = waiter(port).waitFor(REF, options, listener);

    assertThat(result.outcome()).isEqualTo(WaitResult.Outcome.TIMED_OUT);
    assertThat(port.pollTimes()).allSatisfy(t -> assertThat(t).isBeforeOrEqualTo(at(60)));
    assertThat(port.pollTimes()).containsExactly(at(30));
  }

  @Test
  void timeoutTooLongForTheClockMeansWaitingWithoutEnd() {
    ScriptedPort port = answering(status(8), status(10));
    WaitOptions forever = everyTenSeconds.withTimeout(Duration.ofSeconds(Long.MAX_VALUE));

    WaitResult result = waiter(port).waitFor(REF, forever, listener);

    assertThat(result.outcome()).isEqualTo(WaitResult.Outcome.SUCCEEDED);
    assertThat(sleeps).containsExactly(seconds(10));
  }

  @Test
  void listenerThatThrowsEndsTheWaitWithItsException() {
    ScriptedPort port = answering(status(8));
    IllegalStateException stop = new IllegalStateException("stop");
    WaitListener throwing =
        (previous, current, job) -> {
          throw stop;
        };

    assertThatThrownBy(() -> waiter(port).waitFor(REF, everyTenSeconds, throwing)).isSameAs(stop);
  }

  @Test
  void argumentsMustNotBeNull() {
    JobWaiter waiter = waiter(answering(status(10)));

    assertThatNullPointerException()
        .isThrownBy(() -> waiter.waitFor(null, everyTenSeconds, listener))
        .withMessage("ref");
    assertThatNullPointerException()
        .isThrownBy(() -> waiter.waitFor(REF, null, listener))
        .withMessage("options");
    assertThatNullPointerException()
        .isThrownBy(() -> waiter.waitFor(REF, everyTenSeconds, null))
        .withMessage("listener");
  }

  private ScriptedPort answering(Object... answers) {
    return new ScriptedPort(List.of(answers));
  }

  private JobWaiter waiter(JobDetailsPort port) {
    return new JobWaiter(port, clock, advancingSleeper);
  }

  private Instant at(long secondsFromStart) {
    return start.plusSeconds(secondsFromStart);
  }

  private static Duration seconds(long seconds) {
    return Duration.ofSeconds(seconds);
  }

  private static TrainingJob status(int code) {
    return TestJobs.withStatus(10, 12, JobStatus.of(code));
  }

  private static ServiceUnavailableException unavailable() {
    return new ServiceUnavailableException(
        "the service answered HTTP 503", ErrorContext.forVersion(10, 12).withHttpStatus(503), null);
  }

  private static ThrottledException throttled(Duration retryAfter) {
    return new ThrottledException(
        ErrorContext.forVersion(10, 12).withHttpStatus(429), retryAfter, null);
  }

  private static Throwable catchThrowable(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("expected an exception");
  }

  /** Answers each poll with the next scripted answer, repeating the last one, and notes when. */
  private final class ScriptedPort implements JobDetailsPort {

    private final List<Object> answers;
    private final List<Instant> pollTimes = new ArrayList<>();
    private final List<Duration> budgets = new ArrayList<>();

    private ScriptedPort(List<Object> answers) {
      this.answers = answers;
    }

    @Override
    public TrainingJob versionDetails(JobVersionRef ref, Duration budget) {
      budgets.add(budget);
      return versionDetails(ref);
    }

    List<Duration> budgets() {
      return budgets;
    }

    @Override
    public TrainingJob versionDetails(JobVersionRef ref) {
      pollTimes.add(clock.instant());
      Object answer = answers.get(Math.min(pollTimes.size(), answers.size()) - 1);
      if (answer instanceof ModelArtsException e) {
        throw e;
      }
      return (TrainingJob) answer;
    }

    @Override
    public JobVersions versions(long jobId) {
      throw new UnsupportedOperationException("a waiter reads one version");
    }

    List<Instant> pollTimes() {
      return pollTimes;
    }
  }

  /** Notes what a waiter tells its listener. */
  private static final class RecordingListener implements WaitListener {

    final List<String> changes = new ArrayList<>();
    final List<ModelArtsException> transientErrors = new ArrayList<>();
    final List<Duration> transientPauses = new ArrayList<>();
    int polls;

    @Override
    public void onStatusChange(Optional<JobStatus> previous, JobStatus current, TrainingJob job) {
      changes.add(previous.map(s -> "" + s.code()).orElse("none") + "->" + current.code());
    }

    @Override
    public void onPoll(TrainingJob job) {
      polls++;
    }

    @Override
    public void onTransientError(ModelArtsException error, Duration nextPollIn) {
      transientErrors.add(error);
      transientPauses.add(nextPollIn);
    }
  }
}
