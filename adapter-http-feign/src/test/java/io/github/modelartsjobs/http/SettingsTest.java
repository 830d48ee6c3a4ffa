package io.github.modelartsjobs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.modelartsjobs.core.port.AdapterSettings;
import io.github.modelartsjobs.core.port.InvalidSettingsException;
import io.github.modelartsjobs.core.port.JobDetailsAdapters;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Building ports from settings and from code: defaults, fallbacks and the checks. No request. */
class SettingsTest {

  private static final Function<String, String> NO_ENV = name -> null;

  private static Map<String, String> minimal() {
    Map<String, String> settings = new HashMap<>();
    settings.put("endpoint", "http://127.0.0.1:9");
    settings.put("project-id", FakeModelArts.PROJECT);
    settings.put("access-key", "AK-VALUE");
    settings.put("secret-key", "SK-VALUE");
    return settings;
  }

  private static HttpConfig config(Map<String, String> settings, Function<String, String> env) {
    try (HttpJobDetails port =
        HttpJobDetails.builder().environment(env).settings(AdapterSettings.of(settings)).build()) {
      return port.config();
    }
  }

  @Test
  void unsetKeysTakeTheirDefaults() {
    HttpConfig config = config(minimal(), NO_ENV);

    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.callTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.retryMaxAttempts()).isEqualTo(3);
    assertThat(config.retryInitialBackoff()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.retryMaxBackoff()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.retryAfterCap()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.breakerFailureRate()).isEqualTo(50);
    assertThat(config.breakerMinimumCalls()).isEqualTo(20);
    assertThat(config.breakerWindow()).isEqualTo(50);
    assertThat(config.breakerOpenDuration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.maxBodyBytes()).isEqualTo(33554432);
    assertThat(config.allowInsecureHttp()).isFalse();
    assertThat(config.pageSize()).isEqualTo(100);
  }

  @Test
  void everyKeyIsRead() {
    Map<String, String> settings = minimal();
    settings.putAll(
        Map.ofEntries(
            Map.entry("region", "cn-north-4"),
            Map.entry("connect-timeout", "3s"),
            Map.entry("read-timeout", "4s"),
            Map.entry("call-timeout", "5m"),
            Map.entry("retry-max-attempts", "5"),
            Map.entry("retry-initial-backoff", "200ms"),
            Map.entry("retry-max-backoff", "2s"),
            Map.entry("retry-after-cap", "PT30S"),
            Map.entry("breaker-failure-rate", "75.5"),
            Map.entry("breaker-minimum-calls", "7"),
            Map.entry("breaker-window", "9"),
            Map.entry("breaker-open-duration", "1m"),
            Map.entry("max-body-bytes", "1024"),
            Map.entry("allow-insecure-http", "true"),
            Map.entry("page-size", "1000")));

    HttpConfig config = config(settings, NO_ENV);

    assertThat(config.region()).isEqualTo("cn-north-4");
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(4));
    assertThat(config.callTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.retryMaxAttempts()).isEqualTo(5);
    assertThat(config.retryInitialBackoff()).isEqualTo(Duration.ofMillis(200));
    assertThat(config.retryMaxBackoff()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.retryAfterCap()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.breakerFailureRate()).isEqualTo(75.5);
    assertThat(config.breakerMinimumCalls()).isEqualTo(7);
    assertThat(config.breakerWindow()).isEqualTo(9);
    assertThat(config.breakerOpenDuration()).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.maxBodyBytes()).isEqualTo(1024);
    assertThat(config.allowInsecureHttp()).isTrue();
    assertThat(config.pageSize()).isEqualTo(1000);
  }

  @Test
  void theEndpointsAreDerivedFromTheRegionWhenNotGiven() {
    Map<String, String> settings = minimal();
    settings.remove("endpoint");
    settings.remove("access-key");
    settings.remove("secret-key");
    settings.put("region", "cn-north-4");
    settings.put("iam-user", "alice");
    settings.put("iam-password", "pw");
    settings.put("iam-domain", "acme");

    HttpConfig config = config(settings, NO_ENV);

    assertThat(config.endpoint())
        .isEqualTo(URI.create("https://modelarts.cn-north-4.myhuaweicloud.com"));
    assertThat(config.iamEndpoint())
        .isEqualTo(URI.create("https://iam.cn-north-4.myhuaweicloud.com"));
  }

  @Test
  void aTrailingSlashOfTheEndpointIsDropped() {
    Map<String, String> settings = minimal();
    settings.put("endpoint", "https://modelarts.example.com/base/");

    assertThat(config(settings, NO_ENV).endpoint())
        .isEqualTo(URI.create("https://modelarts.example.com/base"));
  }

  @Test
  void credentialsAndProjectComeFromTheEnvironmentWhenNotSet() {
    Map<String, String> settings = minimal();
    settings.remove("access-key");
    settings.remove("secret-key");
    settings.remove("project-id");
    Map<String, String> env =
        Map.of(
            "HUAWEICLOUD_SDK_AK", "ENV-AK",
            "HUAWEICLOUD_SDK_SK", "ENV-SK",
            "HUAWEICLOUD_SDK_PROJECT_ID", "envproject");

    HttpConfig config = config(settings, env::get);

    assertThat(config.credentials()).isEqualTo(new Credentials.AccessKey("ENV-AK", "ENV-SK"));
    assertThat(config.projectId()).isEqualTo("envproject");
  }

  @Test
  void aTokenFromTheEnvironmentIsUsed() {
    Map<String, String> settings = minimal();
    settings.remove("access-key");
    settings.remove("secret-key");

    HttpConfig config = config(settings, Map.of("MODELARTS_AUTH_TOKEN", "env-token")::get);

    assertThat(config.credentials()).isEqualTo(new Credentials.Token("env-token"));
  }

  @Test
  void credentialsInTheSettingsWinOverTheEnvironment() {
    Map<String, String> settings = minimal();
    settings.remove("access-key");
    settings.remove("secret-key");
    settings.put("auth-token", "settings-token");
    Map<String, String> env =
        Map.of("HUAWEICLOUD_SDK_AK", "ENV-AK", "HUAWEICLOUD_SDK_SK", "ENV-SK");

    assertThat(config(settings, env::get).credentials())
        .isEqualTo(new Credentials.Token("settings-token"));
  }

  @Test
  void twoKindsOfCredentialsAreRejected() {
    Map<String, String> settings = minimal();
    settings.put("auth-token", "also-a-token");

    assertThatThrownBy(() -> config(settings, NO_ENV))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "credentials must be of one kind only, but were access-key/secret-key and auth-token");
  }

  @Test
  void anAccessKeyWithoutItsSecretKeyIsRejected() {
    Map<String, String> settings = minimal();
    settings.remove("secret-key");

    assertThatThrownBy(() -> config(settings, NO_ENV))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage("secret-key must be set when access-key is, but was absent");
  }

  @Test
  void anIamUserWithoutADomainIsRejected() {
    Map<String, String> settings = minimal();
    settings.remove("access-key");
    settings.remove("secret-key");
    settings.put("iam-user", "alice");
    settings.put("iam-password", "pw");

    assertThatThrownBy(() -> config(settings, NO_ENV))
        .hasMessage("iam-domain must be set when iam-user is, but was absent");
  }

  @Test
  void missingCredentialsNameEveryWayToGiveThem() {
    Map<String, String> settings = minimal();
    settings.remove("access-key");
    settings.remove("secret-key");

    assertThatThrownBy(() -> config(settings, NO_ENV))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageStartingWith("credentials must be set: access-key and secret-key, auth-token,")
        .hasMessageContaining("HUAWEICLOUD_SDK_AK")
        .hasMessageContaining("MODELARTS_AUTH_TOKEN")
        .hasMessageEndingWith("but none was");
  }

  @Test
  void aMissingProjectIdIsRejected() {
    Map<String, String> settings = minimal();
    settings.remove("project-id");

    assertThatThrownBy(() -> config(settings, NO_ENV))
        .hasMessage(
            "project-id must be set (or the environment variable HUAWEICLOUD_SDK_PROJECT_ID),"
                + " but was absent");
  }

  @Test
  void neitherEndpointNorRegionIsRejected() {
    Map<String, String> settings = minimal();
    settings.remove("endpoint");

    assertThatThrownBy(() -> config(settings, NO_ENV))
        .hasMessage(
            "endpoint must be set, or region (such as cn-north-4) from which it is derived, but"
                + " neither was");
  }

  @Test
  void plainHttpToAnotherHostIsRejected() {
    Map<String, String> settings = minimal();
    settings.put("endpoint", "http://modelarts.example.com");

    assertThatThrownBy(() -> config(settings, NO_ENV))
        .hasMessage(
            "endpoint must use https (plain http only to a loopback address, or with"
                + " allow-insecure-http=true), but was http://modelarts.example.com");
  }

  @Test
  void plainHttpToAnotherHostIsAllowedWhenAskedFor() {
    Map<String, String> settings = minimal();
    settings.put("endpoint", "http://modelarts.example.com");
    settings.put("allow-insecure-http", "true");

    assertThat(config(settings, NO_ENV).endpoint())
        .isEqualTo(URI.create("http://modelarts.example.com"));
  }

  @ParameterizedTest
  @CsvSource({
    "http://127.0.0.1:8080,true",
    "http://127.10.0.3,true",
    "http://localhost:1,true",
    "http://[::1]:8080,true",
    "http://10.0.0.1,false",
    "http://127.example.com,false",
    "http://localhost.example.com,false"
  })
  void plainHttpIsAllowedOnlyToLoopbackAddresses(String endpoint, boolean allowed) {
    Map<String, String> settings = minimal();
    settings.put("endpoint", endpoint);

    if (allowed) {
      assertThat(config(settings, NO_ENV).endpoint().getScheme()).isEqualTo("http");
    } else {
      assertThatThrownBy(() -> config(settings, NO_ENV))
          .isInstanceOf(InvalidSettingsException.class);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "read-timeout|0s|read-timeout must be a positive duration of at most 1d, but was 0s",
        "connect-timeout|ten|connect-timeout must be a duration such as 10s, 5m or PT10S, but was"
            + " \"ten\"",
        "call-timeout|2d|call-timeout must be a positive duration of at most 1d, but was 48h",
        "retry-max-attempts|0|retry-max-attempts must be a whole number from 1 to 20, but was"
            + " \"0\"",
        "page-size|1001|page-size must be a whole number from 1 to 1000, but was \"1001\"",
        "breaker-failure-rate|0|breaker-failure-rate must be a number from 1.0 to 100.0, but was"
            + " \"0\"",
        "breaker-minimum-calls|60|breaker-minimum-calls must be a whole number from 1 to 50, but"
            + " was 60",
        "retry-max-backoff|100ms|retry-max-backoff must be at least retry-initial-backoff (500ms),"
            + " but was 100ms",
        "allow-insecure-http|maybe|allow-insecure-http must be true or false, but was \"maybe\"",
        "region|CN North|region must be a region name such as cn-north-4, but was \"CN North\"",
        "project-id|a/b|project-id must be 1 to 64 letters, digits, '-' or '_' (usually 32 hex"
            + " digits), but was \"a/b\"",
        "endpoint|modelarts.example.com|endpoint must be an absolute URL such as"
            + " https://host.example.com, but was \"modelarts.example.com\"",
        "endpoint|ftp://modelarts.example.com|endpoint must use https, but was"
            + " ftp://modelarts.example.com"
      })
  void anInvalidSettingFailsAtBuildTimeNamingKeyAndValue(String key, String value, String message) {
    Map<String, String> settings = minimal();
    settings.put(key, value);

    assertThatThrownBy(() -> config(settings, NO_ENV))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(message);
  }

  @Test
  void anInvalidSecretIsNeverShown() {
    Map<String, String> settings = minimal();
    settings.remove("access-key");

    assertThatThrownBy(() -> config(settings, NO_ENV))
        .hasMessage("access-key must be set when secret-key is, but was absent")
        .hasMessageNotContaining("SK-VALUE");
  }

  @Test
  void theBuilderChecksLikeTheSettings() {
    HttpJobDetails.Builder builder =
        HttpJobDetails.builder()
            .environment(NO_ENV)
            .endpoint(URI.create("https://modelarts.example.com"))
            .projectId(FakeModelArts.PROJECT)
            .authToken("t")
            .retryMaxAttempts(21);

    assertThatThrownBy(builder::build)
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage("retry-max-attempts must be a whole number from 1 to 20, but was 21");
  }

  @Test
  void theAdapterIsFoundByTheNameHttp() {
    Map<String, String> settings = minimal();
    settings.put("adapter", "http");

    try (var port = JobDetailsAdapters.create(AdapterSettings.of(settings))) {

      assertThat(port).isInstanceOf(HttpJobDetails.class);
    }
    assertThat(JobDetailsAdapters.available())
        .anySatisfy(p -> assertThat(p.name()).isEqualTo("http"));
  }
}
