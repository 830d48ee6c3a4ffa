package io.github.modelartsjobs.http;

import io.github.modelartsjobs.core.port.AdapterSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The settings keys and environment variables of the HTTP adapter, and the reading of plain
 * settings into a {@link HttpJobDetails.Builder}. Values that are absent leave the builder's
 * default; values that are present but wrong fail at once with "x must be ..., but was y".
 */
final class HttpSettings {

  static final String ENDPOINT = "endpoint";
  static final String REGION = "region";
  static final String PROJECT_ID = "project-id";
  static final String ACCESS_KEY = "access-key";
  static final String SECRET_KEY = "secret-key";
  static final String AUTH_TOKEN = "auth-token";
  static final String IAM_ENDPOINT = "iam-endpoint";
  static final String IAM_USER = "iam-user";
  static final String IAM_PASSWORD = "iam-password";
  static final String IAM_DOMAIN = "iam-domain";
  static final String CONNECT_TIMEOUT = "connect-timeout";
  static final String READ_TIMEOUT = "read-timeout";
  static final String CALL_TIMEOUT = "call-timeout";
  static final String RETRY_MAX_ATTEMPTS = "retry-max-attempts";
  static final String RETRY_INITIAL_BACKOFF = "retry-initial-backoff";
  static final String RETRY_MAX_BACKOFF = "retry-max-backoff";
  static final String RETRY_AFTER_CAP = "retry-after-cap";
  static final String BREAKER_FAILURE_RATE = "breaker-failure-rate";
  static final String BREAKER_MINIMUM_CALLS = "breaker-minimum-calls";
  static final String BREAKER_WINDOW = "breaker-window";
  static final String BREAKER_OPEN_DURATION = "breaker-open-duration";
  static final String MAX_BODY_BYTES = "max-body-bytes";
  static final String ALLOW_INSECURE_HTTP = "allow-insecure-http";
  static final String PAGE_SIZE = "page-size";

  static final String ENV_ACCESS_KEY = "HUAWEICLOUD_SDK_AK";
  static final String ENV_SECRET_KEY = "HUAWEICLOUD_SDK_SK";
  static final String ENV_PROJECT_ID = "HUAWEICLOUD_SDK_PROJECT_ID";
  static final String ENV_AUTH_TOKEN = "MODELARTS_AUTH_TOKEN";
  static final String ENV_IAM_USER = "MODELARTS_IAM_USER";
  static final String ENV_IAM_PASSWORD = "MODELARTS_IAM_PASSWORD";
  static final String ENV_IAM_DOMAIN = "MODELARTS_IAM_DOMAIN";
  static final String ENV_HTTPS_PROXY = "HTTPS_PROXY";
  static final String ENV_NO_PROXY = "NO_PROXY";

  static final int MAX_ATTEMPTS_LIMIT = 20;
  static final int MAX_PAGE_SIZE = 1000;
  static final int MAX_BREAKER_CALLS = 100_000;

  private HttpSettings() {}

  /**
   * Copies every setting present into the builder.
   *
   * @param settings the plain settings
   * @param b the builder to fill
   * @throws io.github.modelartsjobs.core.port.InvalidSettingsException if a value cannot be read
   */
  static void apply(AdapterSettings settings, HttpJobDetails.Builder b) {
    settings.get(ENDPOINT).ifPresent(v -> b.endpoint(uri(ENDPOINT, v)));
    settings.get(REGION).ifPresent(b::region);
    settings.get(PROJECT_ID).ifPresent(b::projectId);
    b.accessKeyPart(settings.get(ACCESS_KEY).orElse(null), settings.get(SECRET_KEY).orElse(null));
    settings.get(AUTH_TOKEN).ifPresent(b::authToken);
    settings.get(IAM_ENDPOINT).ifPresent(v -> b.iamEndpoint(uri(IAM_ENDPOINT, v)));
    b.iamPart(
        settings.get(IAM_USER).orElse(null),
        settings.get(IAM_PASSWORD).orElse(null),
        settings.get(IAM_DOMAIN).orElse(null));
    settings.duration(CONNECT_TIMEOUT).ifPresent(b::connectTimeout);
    settings.duration(READ_TIMEOUT).ifPresent(b::readTimeout);
    settings.duration(CALL_TIMEOUT).ifPresent(b::callTimeout);
    settings.integer(RETRY_MAX_ATTEMPTS, 1, MAX_ATTEMPTS_LIMIT).ifPresent(b::retryMaxAttempts);
    settings.duration(RETRY_INITIAL_BACKOFF).ifPresent(b::retryInitialBackoff);
    settings.duration(RETRY_MAX_BACKOFF).ifPresent(b::retryMaxBackoff);
    settings.duration(RETRY_AFTER_CAP).ifPresent(b::retryAfterCap);
    settings.decimal(BREAKER_FAILURE_RATE, 1, 100).ifPresent(b::breakerFailureRate);
    settings.integer(BREAKER_MINIMUM_CALLS, 1, MAX_BREAKER_CALLS).ifPresent(b::breakerMinimumCalls);
    settings.integer(BREAKER_WINDOW, 1, MAX_BREAKER_CALLS).ifPresent(b::breakerWindow);
    settings.duration(BREAKER_OPEN_DURATION).ifPresent(b::breakerOpenDuration);
    settings.integer(MAX_BODY_BYTES, 1, Integer.MAX_VALUE).ifPresent(b::maxBodyBytes);
    settings.flag(ALLOW_INSECURE_HTTP).ifPresent(b::allowInsecureHttp);
    settings.integer(PAGE_SIZE, 1, MAX_PAGE_SIZE).ifPresent(b::pageSize);
  }

  static URI uri(String key, String value) {
    try {
      URI uri = new URI(value.strip());
      if (!uri.isAbsolute() || uri.getHost() == null) {
        throw new URISyntaxException(value, "not an absolute URL with a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      // No cause: its message quotes the value, credentials written into it included.
      throw new io.github.modelartsjobs.core.port.InvalidSettingsException(
          key
              + " must be an absolute URL such as https://host.example.com, but was \""
              + HttpConfig.withoutUserInfo(value)
              + "\"");
    }
  }

  /** A value of the environment, or empty when unset or blank. */
  static Optional<String> env(
      java.util.function.Function<String, String> environment, String name) {
    String value = environment.apply(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }
}
