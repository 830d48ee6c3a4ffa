package io.github.modelartsjobs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class SparklineTest {

  @Test
  void risingSeriesUsesEveryBarFromLowestToHighest() {
    double[] values = {0, 1, 2, 3, 4, 5, 6, 7};

    String line = Sparkline.of(values, 32);

    assertThat(line).isEqualTo("▁▂▃▄▅▆▇█");
  }

  @Test
  void scaleRunsFromTheLeastToTheGreatestPoint() {
    double[] values = {100, 150, 200};

    String line = Sparkline.of(values, 32);

    assertThat(line).isEqualTo("▁▅█");
  }

  @Test
  void flatSeriesIsALowLine() {
    double[] values = {3, 3, 3};

    String line = Sparkline.of(values, 32);

    assertThat(line).isEqualTo("▁▁▁");
  }

  @Test
  void pointsThatAreNotNumbersAreGaps() {
    double[] values = {0, Double.NaN, 1};

    String line = Sparkline.of(values, 32);

    assertThat(line).isEqualTo("▁ █");
  }

  @Test
  void longSeriesIsAveragedDownToTheWidth() {
    double[] values = {0, 0, 1, 1, 2, 2, 3, 3};

    String line = Sparkline.of(values, 4);

    assertThat(line).isEqualTo("▁▃▆█");
  }

  @RepeatedTest(20)
  void neverWiderThanAskedAndOnlyBarsOrGaps() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    double[] values = new double[random.nextInt(500)];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextInt(10) == 0 ? Double.NaN : random.nextGaussian() * 1e6;
    }
    int width = 1 + random.nextInt(60);

    String line = Sparkline.of(values, width);

    assertThat(line.length()).as("seed %d", seed).isEqualTo(Math.min(values.length, width));
    assertThat(line).as("seed %d", seed).matches("[ ▁▂▃▄▅▆▇█]*");
  }

  @Test
  void widthMustBePositive() {
    assertThatThrownBy(() -> Sparkline.of(new double[] {1}, 0))
        .hasMessage("maxWidth must be at least 1, but was 0");
  }
}
