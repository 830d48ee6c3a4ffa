package io.github.modelartsjobs.http;

import static io.github.modelartsjobs.http.HttpSettings.ACCESS_KEY;
import static io.github.modelartsjobs.http.HttpSettings.ALLOW_INSECURE_HTTP;
import static io.github.modelartsjobs.http.HttpSettings.AUTH_TOKEN;
import static io.github.modelartsjobs.http.HttpSettings.BREAKER_FAILURE_RATE;
import static io.github.modelartsjobs.http.HttpSettings.BREAKER_MINIMUM_CALLS;
import static io.github.modelartsjobs.http.HttpSettings.BREAKER_OPEN_DURATION;
import static io.github.modelartsjobs.http.HttpSettings.BREAKER_WINDOW;
import static io.github.modelartsjobs.http.HttpSettings.CALL_TIMEOUT;
import static io.github.modelartsjobs.http.HttpSettings.CONNECT_TIMEOUT;
import static io.github.modelartsjobs.http.HttpSettings.ENDPOINT;
import static io.github.modelartsjobs.http.HttpSettings.ENV_ACCESS_KEY;
import static io.github.modelartsjobs.http.HttpSettings.ENV_AUTH_TOKEN;
import static io.github.modelartsjobs.http.HttpSettings.ENV_IAM_DOMAIN;
import static io.github.modelartsjobs.http.HttpSettings.ENV_IAM_PASSWORD;
import static io.github.modelartsjobs.http.HttpSettings.ENV_IAM_USER;
import static io.github.modelartsjobs.http.HttpSettings.ENV_PROJECT_ID;
import static io.github.modelartsjobs.http.HttpSettings.ENV_SECRET_KEY;
import static io.github.modelartsjobs.http.HttpSettings.IAM_DOMAIN;
import static io.github.modelartsjobs.http.HttpSettings.IAM_ENDPOINT;
import static io.github.modelartsjobs.http.HttpSettings.IAM_PASSWORD;
import static io.github.modelartsjobs.http.HttpSettings.IAM_USER;
import static io.github.modelartsjobs.http.HttpSettings.MAX_ATTEMPTS_LIMIT;
import static io.github.modelartsjobs.http.HttpSettings.MAX_BODY_BYTES;
import static io.github.modelartsjobs.http.HttpSettings.MAX_BREAKER_CALLS;
import static io.github.modelartsjobs.http.HttpSettings.MAX_PAGE_SIZE;
import static io.github.modelartsjobs.http.HttpSettings.PAGE_SIZE;
import static io.github.modelartsjobs.http.HttpSettings.PROJECT_ID;
import static io.github.modelartsjobs.http.HttpSettings.READ_TIMEOUT;
import static io.github.modelartsjobs.http.HttpSettings.REGION;
import static io.github.modelartsjobs.http.HttpSettings.RETRY_AFTER_CAP;
import static io.github.modelartsjobs.http.HttpSettings.RETRY_INITIAL_BACKOFF;
import static io.github.modelartsjobs.http.HttpSettings.RETRY_MAX_ATTEMPTS;
import static io.github.modelartsjobs.http.HttpSettings.RETRY_MAX_BACKOFF;
import static io.github.modelartsjobs.http.HttpSettings.SECRET_KEY;

import io.github.modelartsjobs.core.port.InvalidSettingsException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The checked, complete configuration of one HTTP port: every default applied, every environment
 * fallback read, every value within its bounds. Built only by {@link #resolve}, which fails with an
 * {@link InvalidSettingsException} saying "x must be ..., but was y" (never showing a secret).
 *
 * @param endpoint the service's base URL, without a trailing slash
 * @param region the region, or null when the endpoint was given and the region was not
 * @param projectId the IAM project id
 * @param credentials how requests are authenticated
 * @param iamEndpoint the IAM base URL, or null unless the credentials are an IAM password
 * @param connectTimeout the longest wait for a connection
 * @param readTimeout the longest wait for the response head, and for each part of the body
 * @param callTimeout the deadline of one port call, retries and backoff included
 * @param retryMaxAttempts the most attempts of one request, the first included
 * @param retryInitialBackoff the backoff before the second attempt, before jitter
 * @param retryMaxBackoff the longest backoff, before jitter
 * @param retryAfterCap the longest {@code Retry-After} wait honoured
 * @param breakerFailureRate the failure rate in percent at which the breaker opens
 * @param breakerMinimumCalls the attempts recorded before the rate counts
 * @param breakerWindow the attempts the rate is computed over
 * @param breakerOpenDuration how long the breaker stays open before a trial
 * @param maxBodyBytes the largest response body read, in bytes
 * @param allowInsecureHttp whether plain http is allowed to hosts other than loopback
 * @param pageSize the {@code per_page} of the versions list
 */
record HttpConfig(
    URI endpoint,
    String region,
    String projectId,
    Credentials credentials,
    URI iamEndpoint,
    Duration connectTimeout,
    Duration readTimeout,
    Duration callTimeout,
    int retryMaxAttempts,
    Duration retryInitialBackoff,
    Duration retryMaxBackoff,
    Duration retryAfterCap,
    double breakerFailureRate,
    int breakerMinimumCalls,
    int breakerWindow,
    Duration breakerOpenDuration,
    int maxBodyBytes,
    boolean allowInsecureHttp,
    int pageSize) {

  static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
  static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(2);
  static final int DEFAULT_RETRY_MAX_ATTEMPTS = 3;
  static final Duration DEFAULT_RETRY_INITIAL_BACKOFF = Duration.ofMillis(500);
  static final Duration DEFAULT_RETRY_MAX_BACKOFF = Duration.ofSeconds(10);
  static final Duration DEFAULT_RETRY_AFTER_CAP = Duration.ofSeconds(60);
  static final double DEFAULT_BREAKER_FAILURE_RATE = 50;
  static final int DEFAULT_BREAKER_MINIMUM_CALLS = 20;
  static final int DEFAULT_BREAKER_WINDOW = 50;
  static final Duration DEFAULT_BREAKER_OPEN_DURATION = Duration.ofSeconds(30);
  static final int DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;
  static final int DEFAULT_PAGE_SIZE = 100;

  static final Duration LONGEST_TIMEOUT = Duration.ofDays(1);

  private static final Pattern REGION_PATTERN = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private static final Pattern PROJECT_ID_PATTERN = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private static final Pattern USER_INFO = Pattern.compile("^([^/?#]*//)[^/?#]*@");

  private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  /**
   * Checks the builder's values, applies defaults and reads the environment fallbacks.
   *
   * @param b the builder
   * @return the configuration
   * @throws InvalidSettingsException naming the first wrong or missing value
   */
  static HttpConfig resolve(HttpJobDetails.Builder b) {
    Function<String, String> env = b.environment;
    String region = b.region == null ? null : checkRegion(b.region);

    URI endpoint =
        checkEndpoint(
            ENDPOINT,
            b.endpoint != null ? b.endpoint : derived(ENDPOINT, "modelarts", region),
            b.allowInsecureHttp);
    String projectId = checkProjectId(b.projectId, env);
    Credentials credentials = credentials(b, env);
    URI iamEndpoint = null;
    if (credentials instanceof Credentials.IamPassword) {
      iamEndpoint =
          checkEndpoint(
              IAM_ENDPOINT,
              b.iamEndpoint != null ? b.iamEndpoint : derived(IAM_ENDPOINT, "iam", region),
              b.allowInsecureHttp);
    }

    Duration retryInitial =
        positive(RETRY_INITIAL_BACKOFF, b.retryInitialBackoff, DEFAULT_RETRY_INITIAL_BACKOFF);
    Duration retryMax = positive(RETRY_MAX_BACKOFF, b.retryMaxBackoff, DEFAULT_RETRY_MAX_BACKOFF);
    if (retryMax.compareTo(retryInitial) < 0) {
      throw new InvalidSettingsException(
          RETRY_MAX_BACKOFF
              + " must be at least "
              + RETRY_INITIAL_BACKOFF
              + " ("
              + Durations.human(retryInitial)
              + "), but was "
              + Durations.human(retryMax));
    }
    int window = orDefault(b.breakerWindow, DEFAULT_BREAKER_WINDOW);
    int minimumCalls =
        orDefault(b.breakerMinimumCalls, Math.min(DEFAULT_BREAKER_MINIMUM_CALLS, window));
    checkRange(BREAKER_WINDOW, window, 1, MAX_BREAKER_CALLS);
    checkRange(BREAKER_MINIMUM_CALLS, minimumCalls, 1, window);
    double failureRate =
        b.breakerFailureRate == null ? DEFAULT_BREAKER_FAILURE_RATE : b.breakerFailureRate;
    if (!(failureRate >= 1 && failureRate <= 100)) {
      throw new InvalidSettingsException(
          BREAKER_FAILURE_RATE + " must be a percentage from 1 to 100, but was " + failureRate);
    }

    return new HttpConfig(
        endpoint,
        region,
        projectId,
        credentials,
        iamEndpoint,
        positive(CONNECT_TIMEOUT, b.connectTimeout, DEFAULT_CONNECT_TIMEOUT),
        positive(READ_TIMEOUT, b.readTimeout, DEFAULT_READ_TIMEOUT),
        positive(CALL_TIMEOUT, b.callTimeout, DEFAULT_CALL_TIMEOUT),
        checkRange(
            RETRY_MAX_ATTEMPTS,
            orDefault(b.retryMaxAttempts, DEFAULT_RETRY_MAX_ATTEMPTS),
            1,
            MAX_ATTEMPTS_LIMIT),
        retryInitial,
        retryMax,
        notNegative(RETRY_AFTER_CAP, b.retryAfterCap, DEFAULT_RETRY_AFTER_CAP),
        failureRate,
        minimumCalls,
        window,
        positive(BREAKER_OPEN_DURATION, b.breakerOpenDuration, DEFAULT_BREAKER_OPEN_DURATION),
        checkRange(
            MAX_BODY_BYTES,
            orDefault(b.maxBodyBytes, DEFAULT_MAX_BODY_BYTES),
            1,
            Integer.MAX_VALUE),
        b.allowInsecureHttp,
        checkRange(PAGE_SIZE, orDefault(b.pageSize, DEFAULT_PAGE_SIZE), 1, MAX_PAGE_SIZE));
  }

  /** Whether the credentials are an AK/SK pair, which signs each request. */
  boolean signs() {
    return credentials instanceof Credentials.AccessKey;
  }

  private static String checkRegion(String region) {
    String r = region.strip();
    if (r.length() > 64 || !REGION_PATTERN.matcher(r).matches()) {
      throw new InvalidSettingsException(
          REGION + " must be a region name such as cn-north-4, but was \"" + region + "\"");
    }
    return r;
  }

  private static URI derived(String key, String service, String region) {
    if (region == null) {
      throw new InvalidSettingsException(
          key
              + " must be set, or "
              + REGION
              + " (such as cn-north-4) from which it is derived, but neither was");
    }
    return URI.create("https://" + service + "." + region + ".myhuaweicloud.com");
  }

  static URI checkEndpoint(String key, URI uri, boolean allowInsecureHttp) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.getHost() == null || uri.isOpaque()) {
      throw new InvalidSettingsException(
          key
              + " must be an absolute URL such as https://host.example.com, but was "
              + withoutUserInfo(uri.toString()));
    }
    if (uri.getPort() == 0 || uri.getPort() > 65535) {
      throw new InvalidSettingsException(
          key + " must have a port from 1 to 65535, but was " + uri.getPort());
    }
    if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new InvalidSettingsException(
          key + " must have no user info, query or fragment, but was " + safe(uri));
    }
    if (scheme.equals("http")) {
      if (!allowInsecureHttp && !isLoopback(uri.getHost())) {
        throw new InvalidSettingsException(
            key
                + " must use https (plain http only to a loopback address, or with "
                + ALLOW_INSECURE_HTTP
                + "=true), but was "
                + uri);
      }
    } else if (!scheme.equals("https")) {
      throw new InvalidSettingsException(key + " must use https, but was " + uri);
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return URI.create(scheme + "://" + uri.getRawAuthority() + path);
  }

  /**
   * A URL as text with its user info, which may hold a password, replaced by {@code ****}; for
   * messages about URLs that could not be read.
   */
  static String withoutUserInfo(String url) {
    return USER_INFO.matcher(url).replaceFirst("$1****@");
  }

  private static String safe(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  /**
   * Whether a host names the loopback interface: {@code localhost}, or an IP literal in {@code
   * 127.0.0.0/8} or {@code ::1}. Names other than {@code localhost} are not resolved.
   */
  static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    boolean literal = IPV4_LITERAL.matcher(host).matches() || host.startsWith("[");
    if (!literal) {
      return false;
    }
    try {
      String address = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException | StringIndexOutOfBoundsException e) {
      return false;
    }
  }

  private static String checkProjectId(String given, Function<String, String> env) {
    String projectId =
        given != null
            ? given
            : HttpSettings.env(env, ENV_PROJECT_ID)
                .orElseThrow(
                    () ->
                        new InvalidSettingsException(
                            PROJECT_ID
                                + " must be set (or the environment variable "
                                + ENV_PROJECT_ID
                                + "), but was absent"));
    if (!PROJECT_ID_PATTERN.matcher(projectId).matches()) {
      throw new InvalidSettingsException(
          PROJECT_ID
              + " must be 1 to 64 letters, digits, '-' or '_' (usually 32 hex digits), but was \""
              + projectId
              + "\"");
    }
    return projectId;
  }

  private static Credentials credentials(HttpJobDetails.Builder b, Function<String, String> env) {
    CredentialValues given =
        new CredentialValues(
            b.accessKey,
            b.secretKey,
            b.authToken,
            b.iamUser,
            b.iamPassword,
            b.iamDomain,
            new String[] {ACCESS_KEY, SECRET_KEY, AUTH_TOKEN, IAM_USER, IAM_PASSWORD, IAM_DOMAIN});
    if (given.modes().size() > 0) {
      return given.credentials();
    }
    CredentialValues fromEnv =
        new CredentialValues(
            HttpSettings.env(env, ENV_ACCESS_KEY).orElse(null),
            HttpSettings.env(env, ENV_SECRET_KEY).orElse(null),
            HttpSettings.env(env, ENV_AUTH_TOKEN).orElse(null),
            HttpSettings.env(env, ENV_IAM_USER).orElse(null),
            HttpSettings.env(env, ENV_IAM_PASSWORD).orElse(null),
            HttpSettings.env(env, ENV_IAM_DOMAIN).orElse(null),
            new String[] {
              ENV_ACCESS_KEY,
              ENV_SECRET_KEY,
              ENV_AUTH_TOKEN,
              ENV_IAM_USER,
              ENV_IAM_PASSWORD,
              ENV_IAM_DOMAIN
            });
    if (fromEnv.modes().size() > 0) {
      return fromEnv.credentials();
    }
    throw new InvalidSettingsException(
        "credentials must be set: "
            + ACCESS_KEY
            + " and "
            + SECRET_KEY
            + ", "
            + AUTH_TOKEN
            + ", or "
            + IAM_USER
            + ", "
            + IAM_PASSWORD
            + " and "
            + IAM_DOMAIN
            + " (or the environment variables "
            + ENV_ACCESS_KEY
            + " and "
            + ENV_SECRET_KEY
            + ", "
            + ENV_AUTH_TOKEN
            + ", or "
            + ENV_IAM_USER
            + ", "
            + ENV_IAM_PASSWORD
            + " and "
            + ENV_IAM_DOMAIN
            + "), but none was");
  }

  /** The credential values of one source (the builder, or the environment) and their names. */
  private record CredentialValues(
      String accessKey,
      String secretKey,
      String token,
      String user,
      String password,
      String domain,
      String[] names) {

    List<String> modes() {
      List<String> modes = new ArrayList<>();
      if (accessKey != null || secretKey != null) {
        modes.add(names[0] + "/" + names[1]);
      }
      if (token != null) {
        modes.add(names[2]);
      }
      if (user != null || password != null || domain != null) {
        modes.add(names[3] + "/" + names[4] + "/" + names[5]);
      }
      return modes;
    }

    Credentials credentials() {
      List<String> modes = modes();
      if (modes.size() > 1) {
        throw new InvalidSettingsException(
            "credentials must be of one kind only, but were " + String.join(" and ", modes));
      }
      if (accessKey != null || secretKey != null) {
        requireAlongside(accessKey, names[0], names[1]);
        requireAlongside(secretKey, names[1], names[0]);
        requireSendable(accessKey, names[0]);
        return new Credentials.AccessKey(accessKey, secretKey);
      }
      if (token != null) {
        requireSendable(token, names[2]);
        return new Credentials.Token(token);
      }
      String present = user != null ? names[3] : password != null ? names[4] : names[5];
      requireAlongside(user, names[3], present);
      requireAlongside(password, names[4], present);
      requireAlongside(domain, names[5], present);
      return new Credentials.IamPassword(user, password, domain);
    }

    /**
     * Checks a value that is sent in a header as it is (the token, and the access key inside {@code
     * Authorization}): a control character or a line break would make the JDK refuse the request at
     * every call, with the value in its message, and a space would break the header.
     */
    private static void requireSendable(String value, String name) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c < 0x21 || c > 0x7e) {
          throw new InvalidSettingsException(
              name
                  + " must be printable ASCII without spaces, but was a value with other"
                  + " characters (not shown)");
        }
      }
    }

    private static void requireAlongside(String value, String name, String other) {
      if (value == null) {
        throw new InvalidSettingsException(
            name + " must be set when " + other + " is, but was absent");
      }
    }
  }

  private static int orDefault(Integer value, int fallback) {
    return value == null ? fallback : value;
  }

  private static int checkRange(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw new InvalidSettingsException(
          key + " must be a whole number from " + min + " to " + max + ", but was " + value);
    }
    return value;
  }

  private static Duration positive(String key, Duration value, Duration fallback) {
    Duration d = value == null ? fallback : value;
    if (d.isNegative() || d.isZero() || d.compareTo(LONGEST_TIMEOUT) > 0) {
      throw new InvalidSettingsException(
          key + " must be a positive duration of at most 1d, but was " + Durations.human(d));
    }
    return d;
  }

  private static Duration notNegative(String key, Duration value, Duration fallback) {
    Duration d = value == null ? fallback : value;
    if (d.isNegative() || d.compareTo(LONGEST_TIMEOUT) > 0) {
      throw new InvalidSettingsException(
          key + " must be a duration from 0s to 1d, but was " + Durations.human(d));
    }
    return d;
  }
}
