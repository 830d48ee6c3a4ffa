package io.github.modelartsjobs.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WaitOptionsTest {

  @Test
  void defaultsWaitADayStartingAtFiveSecondsGrowingToAMinute() {
    WaitOptions options = WaitOptions.defaults();

    assertThat(options.timeout()).isEqualTo(Duration.ofDays(1));
    assertThat(options.initialInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(options.maxInterval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(options.multiplier()).isEqualTo(1.5);
  }

  @Test
  void timeoutMustBeMoreThanZero() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> WaitOptions.defaults().withTimeout(Duration.ZERO))
        .withMessage("timeout must be more than zero, but was PT0S");
  }

  @Test
  void initialIntervalMustBeMoreThanZero() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> WaitOptions.defaults().withInitialInterval(Duration.ofSeconds(-1)))
        .withMessage("initialInterval must be more than zero, but was PT-1S");
  }

  @Test
  void maxIntervalMustBeAtLeastTheInitialInterval() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> WaitOptions.defaults().withMaxInterval(Duration.ofSeconds(1)))
        .withMessage("maxInterval must be at least initialInterval (PT5S), but was PT1S");
  }

  @Test
  void multiplierMustBeAtLeastOneAndFinite() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> WaitOptions.defaults().withMultiplier(0.5))
        .withMessage("multiplier must be at least 1, but was 0.5");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> WaitOptions.defaults().withMultiplier(Double.NaN))
        .withMessage("multiplier must be at least 1, but was NaN");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> WaitOptions.defaults().withMultiplier(Double.POSITIVE_INFINITY))
        .withMessage("multiplier must be at least 1, but was Infinity");
  }

  @Test
  void longerInitialIntervalRaisesTheLongestInterval() {
    WaitOptions options = WaitOptions.defaults().withInitialInterval(Duration.ofMinutes(2));

    assertThat(options.maxInterval()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void eachWitherChangesOnlyItsOption() {
    PollRateLimiter limiter = () -> {};

    WaitOptions options =
        WaitOptions.defaults()
            .withTimeout(Duration.ofHours(1))
            .withMultiplier(2)
            .withRateLimiter(limiter);

    assertThat(options)
        .isEqualTo(
            new WaitOptions(
                Duration.ofHours(1), Duration.ofSeconds(5), Duration.ofSeconds(60), 2, limiter));
  }
}
