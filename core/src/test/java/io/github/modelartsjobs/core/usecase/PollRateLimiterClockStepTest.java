package io.github.modelartsjobs.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rate limit on a wall clock that is set back or forward (a time server's correction, a changed
 * system time), as happens to services that run for months: a step back must not stall the waits
 * for as long as the step, and a step forward must not let a burst through.
 */
class PollRateLimiterClockStepTest {

  private final SettableClock clock = new SettableClock(Instant.parse("2024-01-01T12:00:00Z"));
  private final List<Duration> waits = new ArrayList<>();
  private final PollRateLimiter limiter = PollRateLimiter.perSecond(10, clock, waits::add);

  @Test
  void clockSetBackAnHourDoesNotMakeTheNextPollWaitAnHour() throws InterruptedException {
    limiter.acquire();
    limiter.acquire();

    clock.set(clock.instant().minus(Duration.ofHours(1)));
    limiter.acquire();

    assertThat(waits).hasSize(3);
    assertThat(waits.get(2)).isLessThanOrEqualTo(Duration.ofMillis(200));
  }

  @Test
  void clockSetBackKeepsThePollsInLineOneSpacingApart() throws InterruptedException {
    limiter.acquire();
    limiter.acquire();
    limiter.acquire();

    clock.set(clock.instant().minus(Duration.ofMinutes(10)));
    limiter.acquire();
    limiter.acquire();

    assertThat(waits)
        .containsExactly(millis(0), millis(100), millis(200), millis(300), millis(400));
  }

  @Test
  void clockSetForwardLetsNoBurstThrough() throws InterruptedException {
    limiter.acquire();
    limiter.acquire();

    clock.set(clock.instant().plus(Duration.ofHours(1)));
    limiter.acquire();
    limiter.acquire();
    limiter.acquire();

    assertThat(waits.subList(2, 5)).containsExactly(millis(0), millis(100), millis(200));
  }

  private static Duration millis(long ms) {
    return Duration.ofMillis(ms);
  }

  /** A clock that tests set anywhere, backwards too. */
  private static final class SettableClock extends Clock {
    private volatile Instant now;

    SettableClock(Instant start) {
      this.now = start;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
