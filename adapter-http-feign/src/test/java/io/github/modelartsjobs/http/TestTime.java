package io.github.modelartsjobs.http;

import io.github.modelartsjobs.core.usecase.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test time: a clock that runs with real time plus a virtual offset, and a sleeper that adds to the
 * offset instead of sleeping. Backoff waits and breaker durations pass at once; real I/O time still
 * counts towards deadlines.
 */
final class TestTime extends Clock implements Sleeper {

  static final Instant START = Instant.parse("2019-11-15T03:36:55Z");

  private final long startNanos = System.nanoTime();

  private final AtomicLong offsetNanos = new AtomicLong();

  private final List<Duration> sleeps = new ArrayList<>();

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("test time is UTC");
  }

  @Override
  public Instant instant() {
    return START.plusNanos(System.nanoTime() - startNanos + offsetNanos.get());
  }

  @Override
  public void sleep(Duration duration) {
    synchronized (sleeps) {
      sleeps.add(duration);
    }
    advance(duration);
  }

  /** Moves the clock forward without sleeping. */
  void advance(Duration duration) {
    offsetNanos.addAndGet(duration.toNanos());
  }

  /** The waits asked for, in order. */
  List<Duration> sleeps() {
    synchronized (sleeps) {
      return List.copyOf(sleeps);
    }
  }
}
