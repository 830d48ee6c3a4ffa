package io.github.modelartsjobs.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalsTest {

  private static final long BASE_SEED = Long.getLong("decimals.seed", 77L);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "-0",
        "3.10",
        "5770405.50",
        "10487410.00",
        "0.005833",
        "1e5",
        "1E-5",
        "+2",
        ".5",
        "5.",
        "123456789012345",
        "1234567890123456789",
        "0.1234567890123456789",
        "9007199254740993",
        "1e22",
        "1e23",
        "4.9e-324",
        "1e-400",
        "1e400",
        "2.2250738585072012e-308",
        "00012.500",
        "Infinity",
        "-Infinity",
        "+Infinity",
        "NaN",
        "17976931348623157e292"
      })
  void readsTheSameDoubleAsParseDouble(String text) throws Exception {
    double parsed = Decimals.parse(text);

    assertThat(Double.doubleToLongBits(parsed))
        .as(text)
        .isEqualTo(Double.doubleToLongBits(Double.parseDouble(text)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " 1",
        "1 ",
        "-",
        "+",
        ".",
        "e5",
        "1e",
        "1e+",
        "1.2.3",
        "0x10",
        "1d",
        "1f",
        "nan",
        "inf",
        "Infinityx",
        "1_000",
        "--1",
        "١"
      })
  void refusesWhatIsNotANumber(String text) {
    assertThatThrownBy(() -> Decimals.parse(text)).isSameAs(Decimals.NOT_A_NUMBER);
  }

  @RepeatedTest(200)
  void randomDecimalsReadAsParseDoubleDoes(RepetitionInfo repetition) throws Exception {
    long seed = BASE_SEED + repetition.getCurrentRepetition();
    Random random = new Random(seed);
    for (int i = 0; i < 500; i++) {
      StringBuilder text = new StringBuilder();
      if (random.nextInt(4) == 0) {
        text.append('-');
      }
      int whole = random.nextInt(12);
      for (int d = 0; d < whole; d++) {
        text.append((char) ('0' + random.nextInt(10)));
      }
      if (whole == 0 || random.nextBoolean()) {
        text.append('.');
        int fraction = 1 + random.nextInt(14);
        for (int d = 0; d < fraction; d++) {
          text.append((char) ('0' + random.nextInt(10)));
        }
      }
      if (random.nextInt(4) == 0) {
        text.append('e').append(random.nextInt(60) - 30);
      }

      double parsed = Decimals.parse(text.toString());

      assertThat(Double.doubleToLongBits(parsed))
          .as("seed %d text %s", seed, text)
          .isEqualTo(Double.doubleToLongBits(Double.parseDouble(text.toString())));
    }
  }
}
