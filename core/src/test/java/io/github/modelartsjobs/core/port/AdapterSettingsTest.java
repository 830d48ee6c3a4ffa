package io.github.modelartsjobs.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AdapterSettingsTest {

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource({
    "500ms, PT0.5S",
    "90s, PT1M30S",
    "15m, PT15M",
    "6h, PT6H",
    "2d, PT48H",
    "0s, PT0S",
    "PT1M30S, PT1M30S",
    "pt10s, PT10S",
    "P1D, PT24H",
    "' 10S ', PT10S",
    "'10 s', PT10S",
    "999999999999ms, PT277777H46M39.999S",
  })
  void durationIsReadInShortOrIsoForm(String text, String expected) {
    Duration duration = AdapterSettings.parseDuration(text);

    assertThat(duration).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "ten", "10", "1.5s", "10 sec", "s", "10y", "PT", "1000000000000s"})
  void textThatIsNoDurationIsRejectedNamingIt(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> AdapterSettings.parseDuration(text))
        .withMessage(
            "a duration must read like 500ms, 90s, 15m, 6h, 2d or PT1M30S, but was \""
                + text
                + "\"");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"PT-1S", "-PT1M", "P-1D"})
  void negativeDurationIsRejected(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> AdapterSettings.parseDuration(text))
        .withMessage("a duration must not be negative, but was " + text);
  }

  @Test
  void durationSettingNamesTheKeyAndTheValue() {
    AdapterSettings settings = AdapterSettings.of(Map.of("read-timeout", "ten"));

    assertThatThrownBy(() -> settings.duration("read-timeout"))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage("read-timeout must be a duration such as 10s, 5m or PT10S, but was \"ten\"");
  }

  @Test
  void negativeDurationSettingIsRejected() {
    AdapterSettings settings = AdapterSettings.of(Map.of("call-timeout", "PT-5S"));

    assertThatThrownBy(() -> settings.duration("call-timeout"))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageStartingWith("call-timeout must be a duration")
        .hasMessageEndingWith("but was \"PT-5S\"");
  }

  @Test
  void absentOrBlankDurationIsEmpty() {
    AdapterSettings settings = AdapterSettings.of(Map.of("read-timeout", "  "));

    assertThat(settings.duration("read-timeout")).isEmpty();
    assertThat(settings.duration("connect-timeout")).isEmpty();
    assertThat(AdapterSettings.of(Map.of("read-timeout", "90s")).duration("read-timeout"))
        .contains(Duration.ofSeconds(90));
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource({"1, 1", "10, 10", "' 7 ', 7", "+3, 3"})
  void integerWithinBoundsIsRead(String text, int expected) {
    AdapterSettings settings = AdapterSettings.of(Map.of("retry-max-attempts", text));

    assertThat(settings.integer("retry-max-attempts", 1, 10)).hasValue(expected);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"0", "11", "-1", "three", "2.5", "99999999999"})
  void integerOutsideBoundsOrNotWholeIsRejectedNamingTheBounds(String text) {
    AdapterSettings settings = AdapterSettings.of(Map.of("retry-max-attempts", text));

    assertThatThrownBy(() -> settings.integer("retry-max-attempts", 1, 10))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "retry-max-attempts must be a whole number from 1 to 10, but was \"" + text + "\"");
  }

  @Test
  void absentIntegerIsEmpty() {
    assertThat(AdapterSettings.empty().integer("page-size", 1, 1000)).isEmpty();
  }

  @Test
  void decimalWithinBoundsIsReadAndOtherwiseRejected() {
    AdapterSettings settings =
        AdapterSettings.of(Map.of("breaker-failure-rate", "50.5", "other", "NaN"));

    assertThat(settings.decimal("breaker-failure-rate", 1, 100)).contains(50.5);
    assertThatThrownBy(() -> settings.decimal("breaker-failure-rate", 1, 50))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage("breaker-failure-rate must be a number from 1.0 to 50.0, but was \"50.5\"");
    assertThatThrownBy(() -> settings.decimal("other", 0, 1))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage("other must be a number from 0.0 to 1.0, but was \"NaN\"");
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource({
    "true, true",
    "TRUE, true",
    "yes, true",
    "1, true",
    "on, true",
    "false, false",
    "No, false",
    "0, false",
    "off, false",
  })
  void flagIsReadFromItsWords(String text, boolean expected) {
    AdapterSettings settings = AdapterSettings.of(Map.of("allow-insecure-http", text));

    assertThat(settings.flag("allow-insecure-http")).contains(expected);
  }

  @Test
  void flagOfAnyOtherWordIsRejected() {
    AdapterSettings settings = AdapterSettings.of(Map.of("allow-insecure-http", "maybe"));

    assertThatThrownBy(() -> settings.flag("allow-insecure-http"))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage("allow-insecure-http must be true or false, but was \"maybe\"");
  }

  @Test
  void valuesAreStrippedAndBlankOrNullCountsAsAbsent() {
    Map<String, String> values = new HashMap<>();
    values.put("region", "  cn-north-4 ");
    values.put("endpoint", "   ");
    values.put("project-id", null);

    AdapterSettings settings = AdapterSettings.of(values);

    assertThat(settings.get("region")).contains("cn-north-4");
    assertThat(settings.get("endpoint")).isEmpty();
    assertThat(settings.get("project-id")).isEmpty();
    assertThat(settings.asMap()).containsOnlyKeys("endpoint", "region");
  }

  @Test
  void settingsAreACopySortedByKey() {
    Map<String, String> values = new HashMap<>(Map.of("b", "2", "a", "1"));

    AdapterSettings settings = AdapterSettings.of(values);
    values.put("c", "3");

    assertThat(settings.asMap().keySet()).containsExactly("a", "b");
    assertThatThrownBy(() -> settings.asMap().put("d", "4"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void requiredValueThatIsMissingNamesTheKeyAndWhatItMustBe() {
    AdapterSettings settings = AdapterSettings.of(Map.of("project-id", " "));

    assertThatThrownBy(() -> settings.require("project-id", "the IAM project id"))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage("project-id must be set to the IAM project id");
    assertThat(AdapterSettings.of(Map.of("project-id", "p1")).require("project-id", "x"))
        .isEqualTo("p1");
  }

  @ParameterizedTest(name = "{0} secret: {1}")
  @CsvSource({
    "secret-key, true",
    "access-key, true",
    "auth-token, true",
    "iam-password, true",
    "sk, true",
    "ak, true",
    "SK, true",
    "my.sk, true",
    "credentials, true",
    "endpoint, false",
    "region, false",
    "project-id, false",
    "iam-user, false",
    "iam-domain, false",
    "read-timeout, false",
    "task, false",
    "fixtures.root, false",
  })
  void keysThatNameSecretsAreRecognised(String key, boolean secret) {
    assertThat(AdapterSettings.isSecretKey(key)).isEqualTo(secret);
  }

  @Test
  void toStringMasksSecretValues() {
    AdapterSettings settings =
        AdapterSettings.of(
            Map.of(
                "access-key", "AKVALUE123",
                "secret-key", "SKVALUE456",
                "auth-token", "TOKEN789",
                "iam-password", "PW000",
                "region", "cn-north-4"));

    String text = settings.toString();

    assertThat(text)
        .isEqualTo(
            "AdapterSettings{access-key=****, auth-token=****, iam-password=****,"
                + " region=cn-north-4, secret-key=****}");
    assertThat(text).doesNotContain("AKVALUE123", "SKVALUE456", "TOKEN789", "PW000");
  }

  @Test
  void errorMessagesHideSecretValues() {
    AdapterSettings settings =
        AdapterSettings.of(
            Map.of("secret-key", "SKVALUE456", "token-ttl", "TOKEN789", "key-flag", "PW000"));

    Throwable integer = catchSettings(() -> settings.integer("secret-key", 1, 2));
    Throwable duration = catchSettings(() -> settings.duration("token-ttl"));
    Throwable flag = catchSettings(() -> settings.flag("key-flag"));

    assertThat(integer)
        .hasMessage("secret-key must be a whole number from 1 to 2, but was (hidden)");
    assertThat(duration)
        .hasMessage("token-ttl must be a duration such as 10s, 5m or PT10S, but was (hidden)");
    assertThat(flag).hasMessage("key-flag must be true or false, but was (hidden)");
    for (Throwable error : new Throwable[] {integer, duration, flag}) {
      for (Throwable t = error; t != null; t = t.getCause()) {
        assertThat(String.valueOf(t.getMessage()))
            .doesNotContain("SKVALUE456", "TOKEN789", "PW000");
      }
    }
  }

  private static Throwable catchSettings(Runnable read) {
    try {
      read.run();
    } catch (InvalidSettingsException e) {
      return e;
    }
    throw new AssertionError("expected an InvalidSettingsException");
  }
}
