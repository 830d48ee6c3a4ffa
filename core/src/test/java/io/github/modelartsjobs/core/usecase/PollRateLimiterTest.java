package io.github.modelartsjobs.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.modelartsjobs.core.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rate limit, on a clock that tests move: nothing sleeps for real. */
class PollRateLimiterTest {

  private final MutableClock clock = MutableClock.atSomeFixedInstant();
  private final List<Duration> waits = new ArrayList<>();

  @Test
  void startsAtOnceStandInLineOneSpacingApart() throws InterruptedException {
    PollRateLimiter limiter = PollRateLimiter.perSecond(2, clock, waits::add);

    for (int i = 0; i < 4; i++) {
      limiter.acquire();
    }

    assertThat(waits).containsExactly(millis(0), millis(500), millis(1000), millis(1500));
  }

  @Test
  void callerThatComesAfterTheSpacingDoesNotWait() throws InterruptedException {
    PollRateLimiter limiter = PollRateLimiter.perSecond(2, clock, waits::add);

    limiter.acquire();
    clock.advance(millis(700));
    limiter.acquire();

    assertThat(waits).containsExactly(millis(0), millis(0));
  }

  @Test
  void idleTimeSavesNoCreditForABurst() throws InterruptedException {
    PollRateLimiter limiter = PollRateLimiter.perSecond(4, clock, waits::add);
    limiter.acquire();
    clock.advance(Duration.ofMinutes(10));

    limiter.acquire();
    limiter.acquire();
    limiter.acquire();

    assertThat(waits).containsExactly(millis(0), millis(0), millis(250), millis(500));
  }

  @Test
  void manyThreadsTogetherNeverExceedTheRate() throws Exception {
    double rate = 5;
    long seed = new Random().nextLong();
    StartRecorder recorder = new StartRecorder(clock);
    PollRateLimiter limiter = PollRateLimiter.perSecond(rate, recorder, recorder);
    int threads = 8;
    int perThread = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Random random = new Random(seed + t);
      done.add(
          pool.submit(
              () -> {
                go.await();
                for (int i = 0; i < perThread; i++) {
                  clock.advance(millis(random.nextInt(120)));
                  limiter.acquire();
                }
                return null;
              }));
    }

    go.countDown();
    for (Future<?> f : done) {
      f.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();

    List<Instant> starts = recorder.sortedStarts();
    assertThat(starts).as("seed %d", seed).hasSize(threads * perThread);
    Duration spacing = millis(200);
    for (int i = 1; i < starts.size(); i++) {
      Duration gap = Duration.between(starts.get(i - 1), starts.get(i));
      assertThat(gap).as("gap before start %d, seed %d", i, seed).isGreaterThanOrEqualTo(spacing);
    }
    Duration window = Duration.ofSeconds(3);
    for (int i = 0; i < starts.size(); i++) {
      Instant end = starts.get(i).plus(window);
      long inWindow = starts.stream().skip(i).takeWhile(s -> s.isBefore(end)).count();
      assertThat(inWindow).as("starts in 3 s from %d, seed %d", i, seed).isLessThanOrEqualTo(16);
    }
  }

  @ParameterizedTest(name = "rate {0}")
  @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
  void rateMustBeMoreThanZeroAndFinite(double rate) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PollRateLimiter.perSecond(rate, clock, waits::add))
        .withMessage("rate must be more than 0 per second, but was " + rate);
  }

  @Test
  void unlimitedNeverWaits() throws InterruptedException {
    PollRateLimiter limiter = PollRateLimiter.unlimited();
    Instant before = clock.instant();

    for (int i = 0; i < 1000; i++) {
      limiter.acquire();
    }

    assertThat(clock.instant()).isEqualTo(before);
  }

  private static Duration millis(long millis) {
    return Duration.ofMillis(millis);
  }

  /**
   * A clock and a sleeper in one: notes the instant each thread last read, so that a sleep on that
   * thread gives the instant its poll starts (the time read plus the wait).
   */
  private static final class StartRecorder extends Clock implements Sleeper {

    private final Clock clock;
    private final ThreadLocal<Instant> lastRead = new ThreadLocal<>();
    private final ConcurrentLinkedQueue<Instant> starts = new ConcurrentLinkedQueue<>();

    StartRecorder(Clock clock) {
      this.clock = clock;
    }

    @Override
    public Instant instant() {
      Instant now = clock.instant();
      lastRead.set(now);
      return now;
    }

    @Override
    public void sleep(Duration duration) {
      starts.add(lastRead.get().plus(duration));
    }

    @Override
    public ZoneId getZone() {
      return clock.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    List<Instant> sortedStarts() {
      return starts.stream().sorted().toList();
    }
  }
}
