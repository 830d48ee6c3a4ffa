package io.github.modelartsjobs.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.modelartsjobs.core.domain.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatsTest {

  @ParameterizedTest(name = "{0} ms reads {1}")
  @CsvSource({
    "532003, 8m 52.003s",
    "0, 0s",
    "500, 0.5s",
    "355000, 5m 55s",
    "3605000, 1h 0m 5s",
    "3600000, 1h",
    "90061010, 1d 1h 1m 1.01s",
    "-1500, -1.5s"
  })
  void durationsReadInHumanUnitsWithMilliseconds(long millis, String expected) {
    String text = Formats.duration(Duration.ofMillis(millis));

    assertThat(text).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} ms reads {1} to the second")
  @CsvSource({"532003, 8m 52s", "999, 0s", "86400000, 1d"})
  void liveDurationsDropTheMilliseconds(long millis, String expected) {
    String text = Formats.durationSeconds(Duration.ofMillis(millis));

    assertThat(text).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} reads {1}")
  @CsvSource({
    "1524189990635, 2018-04-20 02:06:30.635 UTC",
    "1563172362000, 2019-07-15 06:32:42 UTC",
    "1563172362100, 2019-07-15 06:32:42.100 UTC"
  })
  void instantsReadInUtcWithMillisecondsOnlyWhenThereAreAny(long epochMillis, String expected) {
    String text = Formats.instant(Instant.ofEpochMilli(epochMillis));

    assertThat(text).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} reads {1}")
  @CsvSource({
    "8.0, 8",
    "64, 64",
    "0.000178, 0.000178",
    "0.01, 0.01",
    "-2.5, -2.5",
    "1e20, 100000000000000000000"
  })
  void numbersDropTrailingZerosAndAvoidExponentsForSmallValues(double value, String expected) {
    String text = Formats.number(value);

    assertThat(text).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} summarises as {1}")
  @CsvSource({
    "1.2657142857, 1.27",
    "0, 0",
    "5.76, 5.76",
    "91811.07, 91.8k",
    "5770405.5, 5.77M",
    "10487410, 10.5M",
    "0.001783, 0.00178",
    "9436.48, 9.44k",
    "999.994, 999.99",
    "999999, 1M"
  })
  void summariesRoundToTwoDecimalsOrThreeSignificantDigits(double value, String expected) {
    String text = Formats.brief(value);

    assertThat(text).isEqualTo(expected);
  }

  @ParameterizedTest(name = "status {0} reads {1}")
  @CsvSource({
    "10, 'JOBSTAT_COMPLETED (10), succeeded'",
    "8, 'JOBSTAT_RUNNING (8), active'",
    "12, 'JOBSTAT_KILLED (12), canceled'",
    "42, 'unknown status (42), unknown'"
  })
  void statusesShowCodeAndClass(int code, String expected) {
    String text = Formats.status(JobStatus.of(code));

    assertThat(text).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"'a\nb' | a b", "'  x\t\r\ny  ' | x y"})
  void oneLineFoldsLineBreaksAndTabs(String text, String expected) {
    String line = Formats.oneLine(text);

    assertThat(line).isEqualTo(expected);
  }

  @Test
  void oneLineFoldsWhatTheRegexOfWhiteSpaceAndControlCharactersMatches() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    char[] alphabet = {
      'a', 'Z', ' ', '\t', '\n', '\r', '\u000b', '\f', '\u0000', '\u001f', '\u007f', '\u0080',
      '\u00a0', '\u2003', '\u3000', '\u00e9', '-'
    };

    for (int i = 0; i < 2000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(12);
      for (int c = 0; c < length; c++) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String expected = text.toString().replaceAll("[\\s\\p{Cntrl}]+", " ").strip();

      String line = Formats.oneLine(text.toString());

      assertThat(line)
          .as("seed %d, text %s", seed, text.codePoints().boxed().toList())
          .isEqualTo(expected);
    }
  }
}
