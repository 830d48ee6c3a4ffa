package io.github.modelartsjobs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.modelartsjobs.core.port.AdapterSettings;
import io.github.modelartsjobs.core.port.InvalidSettingsException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Settings chosen to break the port: regions and endpoints that could send requests (and
 * credentials) to an unexpected host, credentials that cannot be sent, numbers and durations out of
 * range or out of {@code long}. Each must fail when the port is built, with "x must be ..., but was
 * y" naming the key, and never show a secret.
 */
class HostileSettingsTest {

  private static final Function<String, String> NO_ENV = name -> null;

  private static final String SECRET_MARK = "SECRET";

  private static Map<String, String> minimal() {
    Map<String, String> settings = new HashMap<>();
    settings.put("endpoint", "https://modelarts.example.com");
    settings.put("project-id", FakeModelArts.PROJECT);
    settings.put("auth-token", "a-token-value");
    return settings;
  }

  private static HttpConfig config(Map<String, String> settings, Function<String, String> env) {
    try (HttpJobDetails port =
        HttpJobDetails.builder().settings(AdapterSettings.of(settings)).environment(env).build()) {
      return port.config();
    }
  }

  private static HttpConfig build(UnaryOperator<HttpJobDetails.Builder> change) {
    HttpJobDetails.Builder builder =
        HttpJobDetails.builder()
            .environment(NO_ENV)
            .endpoint(URI.create("https://modelarts.example.com"))
            .projectId(FakeModelArts.PROJECT)
            .authToken("a-token-value");
    try (HttpJobDetails port = change.apply(builder).build()) {
      return port.config();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cn-north-4/../x",
        "evil.com#",
        "cn-north-4.evil.com",
        "cn-north-4@evil.com",
        "cn-north-4:443",
        "cn-north-4?x=",
        "cn-north-4\\",
        "CN-NORTH-4",
        "cn-n\u00f6rth-4",
        "cn-north-4\n.evil.com",
        "-cn-north-4",
        "cn-north-4-",
        "cn--north-4",
        "cn north 4",
        "cn-north-4%2f..",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      })
  void aRegionThatCouldChangeTheHostIsRefused(String region) {
    Map<String, String> settings = minimal();
    settings.remove("endpoint");
    settings.put("region", region);

    Throwable e = catchThrowable(() -> config(settings, NO_ENV));

    assertThat(e)
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "region must be a region name such as cn-north-4, but was \"" + region.strip() + "\"");
  }

  @Test
  void aRegionGivesExactlyTheHostsOfThatRegion() {
    Map<String, String> settings = minimal();
    settings.remove("endpoint");
    settings.remove("auth-token");
    settings.put("region", "  ap-southeast-1 ");
    settings.put("iam-user", "alice");
    settings.put("iam-password", "pw");
    settings.put("iam-domain", "acme");

    HttpConfig config = config(settings, NO_ENV);

    assertThat(config.endpoint())
        .isEqualTo(URI.create("https://modelarts.ap-southeast-1.myhuaweicloud.com"));
    assertThat(config.iamEndpoint())
        .isEqualTo(URI.create("https://iam.ap-southeast-1.myhuaweicloud.com"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://evil.example.com",
        "HTTP://EVIL.EXAMPLE.COM",
        "http://127.0.0.1.evil.example.com",
        "http://localhost.evil.example.com",
        "http://0.0.0.0:8080",
        "http://[::2]:8080",
        "http://127.0.0.1@evil.example.com",
        "https://127.0.0.1:8080@evil.example.com",
        "https://evil.example.com:99999",
        "https://evil.example.com:0",
        "ftp://evil.example.com",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "https://evil.example.com?x=1",
        "https://evil.example.com#fragment",
        "//evil.example.com/v1",
        "https://user:SECRET-IN-URL@evil.example.com",
        "https://user:SECRET-IN-URL@bad_host.example.com",
        "https://user:SECRET-IN-URL@[bad",
        "https://user:SECRET-IN-URL@evil.example.com:99999"
      })
  void anEndpointThatIsNotSafeIsRefusedWithoutShowingUserInfo(String endpoint) {
    Map<String, String> settings = minimal();
    settings.put("endpoint", endpoint);

    Throwable e = catchThrowable(() -> config(settings, NO_ENV));

    assertThat(e)
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageStartingWith("endpoint must ")
        .hasMessageContaining(", but was ")
        .hasMessageNotContaining(SECRET_MARK);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://iam.evil.example.com",
        "https://iam.example.com:70000",
        "https://user:SECRET-IN-URL@bad_host.example.com",
        "https://iam.example.com/#x"
      })
  void anIamEndpointThatIsNotSafeIsRefusedLikewise(String iamEndpoint) {
    Map<String, String> settings = minimal();
    settings.remove("auth-token");
    settings.put("iam-user", "alice");
    settings.put("iam-password", "pw-" + SECRET_MARK);
    settings.put("iam-domain", "acme");
    settings.put("iam-endpoint", iamEndpoint);

    Throwable e = catchThrowable(() -> config(settings, NO_ENV));

    assertThat(e)
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageStartingWith("iam-endpoint must ")
        .hasMessageNotContaining(SECRET_MARK);
  }

  @Test
  void aPortOutOfRangeIsRefusedNamingIt() {
    Map<String, String> settings = minimal();
    settings.put("endpoint", "http://127.0.0.1:65536");

    assertThatThrownBy(() -> config(settings, NO_ENV))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage("endpoint must have a port from 1 to 65535, but was 65536");
  }

  static Stream<Arguments> unsendableCredentials() {
    return Stream.of(
        Arguments.of("auth-token", "line\nbreak-" + SECRET_MARK, "auth-token"),
        Arguments.of("auth-token", "nul\u0000char-" + SECRET_MARK, "auth-token"),
        Arguments.of("auth-token", "two words-" + SECRET_MARK, "auth-token"),
        Arguments.of("auth-token", "t\u00f6k-" + SECRET_MARK, "auth-token"),
        Arguments.of("auth-token", "t\u20ack-" + SECRET_MARK, "auth-token"),
        Arguments.of("access-key", "AK\r\nX-Injected: 1-" + SECRET_MARK, "access-key"),
        Arguments.of("access-key", "AK WITH SPACE-" + SECRET_MARK, "access-key"),
        Arguments.of("MODELARTS_AUTH_TOKEN", "env\ntoken-" + SECRET_MARK, "MODELARTS_AUTH_TOKEN"),
        Arguments.of("HUAWEICLOUD_SDK_AK", "env ak-" + SECRET_MARK, "HUAWEICLOUD_SDK_AK"));
  }

  /**
   * A line break or NUL in a token or access key used to pass the build and make every call fail
   * with the JDK's IllegalArgumentException, whose message quoted the header: token, or access key
   * and signature.
   */
  @ParameterizedTest
  @MethodSource("unsendableCredentials")
  void aCredentialThatCannotBeSentInAHeaderIsRefusedWithoutShowingIt(
      String key, String value, String named) {
    Map<String, String> settings = minimal();
    settings.remove("auth-token");
    Map<String, String> env = new HashMap<>();
    boolean fromEnv = key.startsWith("MODELARTS_") || key.startsWith("HUAWEICLOUD_");
    (fromEnv ? env : settings).put(key, value);
    if (key.equals("access-key")) {
      settings.put("secret-key", "an-sk-" + SECRET_MARK);
    }
    if (key.equals("HUAWEICLOUD_SDK_AK")) {
      env.put("HUAWEICLOUD_SDK_SK", "an-sk-" + SECRET_MARK);
    }

    Throwable e = catchThrowable(() -> config(settings, env::get));

    assertThat(e)
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            named
                + " must be printable ASCII without spaces, but was a value with other characters"
                + " (not shown)");
  }

  @Test
  void aSecretKeyMayHoldAnyCharacterSinceItIsNeverSent() {
    Map<String, String> settings = minimal();
    settings.remove("auth-token");
    settings.put("access-key", "AKVALUE0000000000001");
    settings.put("secret-key", "any thing\tgoes \u00e9\u20ac");

    HttpConfig config = config(settings, NO_ENV);

    assertThat(config.signs()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "retry-max-attempts|-1|retry-max-attempts must be a whole number from 1 to 20, but was"
            + " \"-1\"",
        "retry-max-attempts|21|retry-max-attempts must be a whole number from 1 to 20, but was"
            + " \"21\"",
        "retry-max-attempts|3.0|retry-max-attempts must be a whole number from 1 to 20, but was"
            + " \"3.0\"",
        "breaker-failure-rate|NaN|breaker-failure-rate must be a number from 1.0 to 100.0, but was"
            + " \"NaN\"",
        "breaker-failure-rate|Infinity|breaker-failure-rate must be a number from 1.0 to 100.0,"
            + " but was \"Infinity\"",
        "breaker-failure-rate|100.5|breaker-failure-rate must be a number from 1.0 to 100.0, but"
            + " was \"100.5\"",
        "breaker-window|0|breaker-window must be a whole number from 1 to 100000, but was \"0\"",
        "breaker-minimum-calls|0|breaker-minimum-calls must be a whole number from 1 to 100000,"
            + " but was \"0\"",
        "breaker-open-duration|0s|breaker-open-duration must be a positive duration of at most"
            + " 1d, but was 0s",
        "max-body-bytes|0|max-body-bytes must be a whole number from 1 to 2147483647, but was"
            + " \"0\"",
        "max-body-bytes|2147483648|max-body-bytes must be a whole number from 1 to 2147483647, but"
            + " was \"2147483648\"",
        "page-size|0|page-size must be a whole number from 1 to 1000, but was \"0\"",
        "call-timeout|PT-1S|call-timeout must be a duration such as 10s, 5m or PT10S, but was"
            + " \"PT-1S\"",
        "call-timeout|-1s|call-timeout must be a duration such as 10s, 5m or PT10S, but was"
            + " \"-1s\"",
        "call-timeout|999999999999d|call-timeout must be a positive duration of at most 1d, but"
            + " was 23999999999976h",
        "read-timeout|PT0S|read-timeout must be a positive duration of at most 1d, but was 0s",
        "connect-timeout|25h|connect-timeout must be a positive duration of at most 1d, but was"
            + " 25h",
        "retry-after-cap|2d|retry-after-cap must be a duration from 0s to 1d, but was 48h",
        "retry-initial-backoff|0ms|retry-initial-backoff must be a positive duration of at most"
            + " 1d, but was 0s",
        "retry-max-backoff|P9999999D|retry-max-backoff must be a positive duration of at most 1d,"
            + " but was 239999976h"
      })
  void aValueOutOfRangeFailsAtBuildTimeNamingKeyAndValue(String key, String value, String message) {
    Map<String, String> settings = minimal();
    settings.put(key, value);

    assertThatThrownBy(() -> config(settings, NO_ENV))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> builderValues() {
    return Stream.of(
        Arguments.of(
            (UnaryOperator<HttpJobDetails.Builder>)
                b -> b.callTimeout(Duration.ofSeconds(Long.MAX_VALUE)),
            "call-timeout must be a positive duration of at most 1d, but was"
                + " 9223372036854775807s"),
        Arguments.of(
            (UnaryOperator<HttpJobDetails.Builder>) b -> b.connectTimeout(Duration.ofNanos(-1)),
            "connect-timeout must be a positive duration of at most 1d, but was -1ns"),
        Arguments.of(
            (UnaryOperator<HttpJobDetails.Builder>)
                b -> b.readTimeout(Duration.ofSeconds(Long.MIN_VALUE)),
            "read-timeout must be a positive duration of at most 1d, but was"
                + " PT-2562047788015215H-30M-8S"),
        Arguments.of(
            (UnaryOperator<HttpJobDetails.Builder>) b -> b.retryAfterCap(Duration.ofNanos(-500)),
            "retry-after-cap must be a duration from 0s to 1d, but was -500ns"),
        Arguments.of(
            (UnaryOperator<HttpJobDetails.Builder>) b -> b.breakerFailureRate(Double.NaN),
            "breaker-failure-rate must be a percentage from 1 to 100, but was NaN"),
        Arguments.of(
            (UnaryOperator<HttpJobDetails.Builder>) b -> b.maxBodyBytes(-1),
            "max-body-bytes must be a whole number from 1 to 2147483647, but was -1"),
        Arguments.of(
            (UnaryOperator<HttpJobDetails.Builder>) b -> b.pageSize(Integer.MIN_VALUE),
            "page-size must be a whole number from 1 to 1000, but was -2147483648"),
        Arguments.of(
            (UnaryOperator<HttpJobDetails.Builder>) b -> b.projectId("../../v2/other"),
            "project-id must be 1 to 64 letters, digits, '-' or '_' (usually 32 hex digits), but"
                + " was \"../../v2/other\""));
  }

  /**
   * A duration too long for milliseconds used to make the message itself fail, with an
   * ArithmeticException instead of the settings error; a negative nanosecond read "-0us".
   */
  @ParameterizedTest
  @MethodSource("builderValues")
  void aBuilderValueOutOfRangeFailsAtBuildTimeNamingKeyAndValue(
      UnaryOperator<HttpJobDetails.Builder> change, String message) {

    Throwable e = catchThrowable(() -> build(change));

    assertThat(e).isInstanceOf(InvalidSettingsException.class).hasMessage(message);
  }
}
