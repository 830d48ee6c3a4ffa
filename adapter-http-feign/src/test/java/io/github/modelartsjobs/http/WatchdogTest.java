package io.github.modelartsjobs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The body watchdog under many reads: every stalled read is cut within a tick or two of its idle
 * timeout or deadline, including a read put under guard just as the watchdog goes to sleep.
 */
class WatchdogTest {

  /** A cut later than this after it was due means the watchdog missed a read. */
  private static final long MARGIN_MILLIS = 150;

  private final Clock clock = Clock.systemUTC();

  private final BodyReader reader = new BodyReader(clock);

  private final ExecutorService callers = Executors.newFixedThreadPool(16);

  @AfterEach
  void close() throws InterruptedException {
    callers.shutdownNow();
    callers.awaitTermination(5, TimeUnit.SECONDS);
    reader.close();
  }

  /** Millis a stalled read took to fail with a timeout. */
  private long stalledRead(Duration idle, Duration deadline) {
    return stalledRead(reader, idle, deadline);
  }

  private long stalledRead(BodyReader reader, Duration idle, Duration deadline) {
    long start = System.nanoTime();

    Throwable e =
        catchThrowable(
            () ->
                reader.read(
                    new StallingStream(), -1, 1000, false, Deadline.after(clock, deadline), idle));

    assertThat(e).isInstanceOf(BodyReader.TimedOutException.class);
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void eachReadGuardedAfterTheWatchdogFellAsleepIsCut() throws InterruptedException {
    Random random = new Random(42);
    List<Long> late = new ArrayList<>();

    for (int i = 0; i < 30; i++) {
      Thread.sleep(random.nextInt(3));
      long took = stalledRead(Duration.ofMillis(20), Duration.ofSeconds(10));
      if (took > 20 + MARGIN_MILLIS) {
        late.add(took);
      }
    }

    assertThat(late).as("reads cut late, in ms (seed 42)").isEmpty();
  }

  @Test
  void eachReadGuardedWhileTheWatchdogEndsForLackOfWorkIsCut() throws InterruptedException {
    Random random = new Random(43);
    List<Long> late = new ArrayList<>();

    try (BodyReader shortLived = new BodyReader(clock, Duration.ofMillis(1))) {
      for (int i = 0; i < 30; i++) {
        Thread.sleep(random.nextInt(4));
        long took = stalledRead(shortLived, Duration.ofMillis(20), Duration.ofSeconds(10));
        if (took > 20 + MARGIN_MILLIS) {
          late.add(took);
        }
      }
    }

    assertThat(late).as("reads cut late, in ms (seed 43)").isEmpty();
  }

  @Test
  void manyConcurrentStalledReadsEndWithinTheirBounds() throws Exception {
    Random random = new Random(7);
    List<Future<Long>> idle = new ArrayList<>();
    List<Future<Long>> deadline = new ArrayList<>();

    for (int i = 0; i < 48; i++) {
      Duration d = Duration.ofMillis(50 + random.nextInt(100));
      if (i % 2 == 0) {
        idle.add(callers.submit(() -> stalledRead(d, Duration.ofSeconds(10)) - d.toMillis()));
      } else {
        deadline.add(callers.submit(() -> stalledRead(Duration.ofSeconds(10), d) - d.toMillis()));
      }
    }

    for (Future<Long> f : idle) {
      assertThat(f.get(5, TimeUnit.SECONDS)).isBetween(0L, MARGIN_MILLIS);
    }
    for (Future<Long> f : deadline) {
      assertThat(f.get(5, TimeUnit.SECONDS)).isBetween(-5L, MARGIN_MILLIS);
    }
  }
}
