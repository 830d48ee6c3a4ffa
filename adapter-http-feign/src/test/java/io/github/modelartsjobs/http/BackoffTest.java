package io.github.modelartsjobs.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private static Backoff backoff(double random) {
    return new Backoff(
        Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(60), () -> random);
  }

  @Test
  void theBaseWaitDoublesFromAttemptToAttemptUpToTheMaximum() {
    Backoff upperEnd = backoff(1.0);

    assertThat(upperEnd.before(2, null)).isEqualTo(Duration.ofMillis(500));
    assertThat(upperEnd.before(3, null)).isEqualTo(Duration.ofSeconds(1));
    assertThat(upperEnd.before(4, null)).isEqualTo(Duration.ofSeconds(2));
    assertThat(upperEnd.before(7, null)).isEqualTo(Duration.ofSeconds(10));
    assertThat(upperEnd.before(20, null)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void jitterKeepsTheWaitInTheUpperHalfOfTheBase() {
    assertThat(backoff(0.0).before(3, null)).isEqualTo(Duration.ofMillis(500));
    assertThat(backoff(0.5).before(3, null)).isEqualTo(Duration.ofMillis(750));
  }

  @RepeatedTest(20)
  void everyJitteredWaitLiesWithinItsBounds() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Backoff backoff =
        new Backoff(
            Duration.ofMillis(100),
            Duration.ofSeconds(3),
            Duration.ofSeconds(60),
            random::nextDouble);
    int attempt = 2 + random.nextInt(10);

    Duration wait = backoff.before(attempt, null);

    long base = Math.min(100L << (attempt - 2), 3000);
    assertThat(wait.toMillis()).as("seed %d, attempt %d", seed, attempt).isBetween(base / 2, base);
  }

  @Test
  void aLongerRetryAfterWinsOverTheBackoff() {
    assertThat(backoff(1.0).before(2, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void aShorterRetryAfterLeavesTheBackoff() {
    assertThat(backoff(1.0).before(4, Duration.ofMillis(100))).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void aRetryAfterIsHonouredOnlyUpToItsCap() {
    assertThat(backoff(1.0).before(2, Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(60));
  }
}
