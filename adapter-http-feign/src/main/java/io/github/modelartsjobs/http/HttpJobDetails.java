package io.github.modelartsjobs.http;

import feign.Client;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Response;
import feign.Retryer;
import io.github.modelartsjobs.codec.CodecLimits;
import io.github.modelartsjobs.codec.JobJsonCodec;
import io.github.modelartsjobs.codec.ServiceErrorBody;
import io.github.modelartsjobs.core.domain.JobVersionRef;
import io.github.modelartsjobs.core.domain.JobVersions;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.error.AuthenticationException;
import io.github.modelartsjobs.core.error.ErrorContext;
import io.github.modelartsjobs.core.error.InvalidResponseException;
import io.github.modelartsjobs.core.error.ModelArtsException;
import io.github.modelartsjobs.core.error.ServiceErrors;
import io.github.modelartsjobs.core.error.ServiceUnavailableException;
import io.github.modelartsjobs.core.port.AdapterSettings;
import io.github.modelartsjobs.core.port.InvalidSettingsException;
import io.github.modelartsjobs.core.port.JobDetailsPort;
import io.github.modelartsjobs.core.usecase.Sleeper;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.slf4j.LoggerFactory;

/**
 * The live ModelArts service as a {@link JobDetailsPort}: the version-details call and the
 * versions-list call (following its pages to the end) over HTTPS, decoded by the shared JSON codec.
 * Built in code with {@link #builder()}, or from plain settings with {@link
 * #fromSettings(AdapterSettings)} (the SPI name is {@code http}).
 *
 * <p><b>Authentication</b>: AK/SK signing ({@code SDK-HMAC-SHA256}), a fixed IAM token, or tokens
 * obtained from IAM for a user name and password (cached, renewed before they expire, and renewed
 * once more on a 401 that says the token is expired). Credentials come from the builder or the
 * settings, else from the environment ({@code HUAWEICLOUD_SDK_AK} and {@code HUAWEICLOUD_SDK_SK},
 * {@code MODELARTS_AUTH_TOKEN}, or {@code MODELARTS_IAM_USER}, {@code MODELARTS_IAM_PASSWORD} and
 * {@code MODELARTS_IAM_DOMAIN}). No key, token, password or signature ever appears in a log line,
 * an exception message or a {@code toString}, not even when the other side sends one back in an
 * error or a request id: it is masked as {@code ****} (see {@link Redactor}).
 *
 * <p><b>Transport</b>: HTTPS, with the JDK's certificate checks (there is no switch to turn them
 * off); plain http only to a loopback address or with {@code allow-insecure-http}. Redirects are
 * not followed. Proxies come from the Java properties or {@code HTTPS_PROXY} / {@code NO_PROXY}.
 * Response bodies are read up to {@code max-body-bytes}, and never past the call deadline, however
 * slowly they arrive.
 *
 * <p><b>Failures</b>: every one is a typed error of the core, never a Feign, Jackson, Resilience4j
 * or {@code java.net} exception. An HTTP error status and the service's {@code error_code} map
 * through {@link ServiceErrors#fromService} ({@code ModelArts.2775} with 400 is {@code
 * JobNotFoundException}, 401 {@code AuthenticationException}, 403 {@code
 * PermissionDeniedException}, 429 {@code ThrottledException}, 5xx {@code
 * ServiceUnavailableException}); an HTML or empty error body still gives the typed error for its
 * status, with a short excerpt as the message; {@code "is_success": false} in a 200 is the typed
 * error for its code; an unreadable or oversized body is {@code InvalidResponseException}; I/O
 * errors and timeouts become {@code ServiceUnavailableException} once the retries are spent. The
 * request id comes from {@code X-Request-Id}, else the error body's {@code request_id}.
 *
 * <p><b>Resilience</b>: one retry and one circuit breaker per port, the breaker inside the retry
 * (it sees attempts, not calls), both within the whole-call deadline {@code call-timeout}; see
 * {@link ResilientCalls} for what is retried and why in this order.
 *
 * <p><b>Logging</b> (SLF4J, logger {@code io.github.modelartsjobs.http.HttpJobDetails}): one DEBUG
 * line per call (method, path, outcome, attempts, milliseconds, request id), one WARN line per
 * retry and per breaker transition; never a header or a body.
 *
 * <p>Thread-safe: one port is meant to be shared by all threads; its connections are reused. {@link
 * #close()} refuses new calls and stops the port's threads once the calls in flight have ended.
 */
public final class HttpJobDetails implements JobDetailsPort {

  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(HttpJobDetails.class);

  private static final Pattern TOKEN_WORDS = Pattern.compile("(?i).*(token|expire).*");

  private static final long MAX_PAGES_WITHOUT_COUNT = 10_000;

  private final HttpConfig config;

  private final Clock clock;

  private final ThreadPoolExecutor executor;

  /** The JDK client; null once released, so that nothing keeps it alive (see ReleasableClient). */
  private volatile HttpClient httpClient;

  private final ReleasableClient releasable;

  private final BodyReader bodyReader;

  private final Transport transport;

  private final Authenticator authenticator;

  private final ModelArtsApi api;

  private final ResilientCalls resilience;

  private final JobJsonCodec codec;

  private final Redactor redactor;

  private final AtomicBoolean closed = new AtomicBoolean();

  private final AtomicInteger inFlight = new AtomicInteger();

  private final AtomicBoolean released = new AtomicBoolean();

  private HttpJobDetails(Builder b, HttpConfig config) {
    this.config = config;
    this.clock = b.clock;
    this.redactor = new Redactor(this::secrets, config.signs());
    this.codec =
        JobJsonCodec.create(CodecLimits.defaults().withMaxBodyBytes(config.maxBodyBytes()));
    this.executor =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            BodyReader.daemon("modelarts-http-client-"));
    HttpClient.Builder http =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .proxy(
                b.proxySelector != null
                    ? b.proxySelector
                    : EnvironmentProxySelector.create(b.environment))
            .executor(executor)
            .version(
                config.endpoint().getScheme().equals("https")
                    ? HttpClient.Version.HTTP_2
                    : HttpClient.Version.HTTP_1_1);
    if (b.sslContext != null) {
      http.sslContext(b.sslContext);
    }
    this.httpClient = http.build();
    this.bodyReader = new BodyReader(clock);
    this.transport =
        new Transport(
            bodyReader,
            config.connectTimeout(),
            config.readTimeout(),
            config.maxBodyBytes(),
            clock);
    this.releasable = new ReleasableClient(new LazyDecodingClient(httpClient));
    Client jdkClient = releasable;
    this.authenticator = authenticator(config, jdkClient);
    this.api =
        feign()
            .client(new AuthenticatingClient(jdkClient, authenticator))
            .target(ModelArtsApi.class, config.endpoint().toString());
    Backoff backoff =
        new Backoff(
            config.retryInitialBackoff(),
            config.retryMaxBackoff(),
            config.retryAfterCap(),
            b.random);
    this.resilience = new ResilientCalls(config, backoff, b.sleeper, clock, redactor);
  }

  /** The secrets of the authenticator, once there is one. */
  private Collection<String> secrets() {
    Authenticator current = authenticator;
    return current == null ? List.of() : current.secrets();
  }

  private static Feign.Builder feign() {
    return Feign.builder().retryer(Retryer.NEVER_RETRY).logLevel(Logger.Level.NONE);
  }

  private Authenticator authenticator(HttpConfig config, Client jdkClient) {
    Credentials credentials = config.credentials();
    if (credentials instanceof Credentials.AccessKey key) {
      return new SigningAuthenticator(new AkSkSigner(key.accessKey(), key.secretKey()), clock);
    }
    if (credentials instanceof Credentials.Token token) {
      return new FixedTokenAuthenticator(token.token());
    }
    Credentials.IamPassword password = (Credentials.IamPassword) credentials;
    IamApi iam =
        feign()
            .client(new AuthenticatingClient(jdkClient, new NoAuthenticator()))
            .target(IamApi.class, config.iamEndpoint().toString());
    return new IamTokenAuthenticator(iam, password, config.projectId(), transport, clock, redactor);
  }

  /** Sends requests without authentication: the IAM call that obtains tokens. */
  private static final class NoAuthenticator implements Authenticator {
    @Override
    public Request apply(Request request) {
      return request;
    }

    @Override
    public String toString() {
      return "none";
    }
  }

  /** A builder with every setting at its default; credentials and project id must be given. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A port built from plain settings alone (the keys are listed on {@link Builder}), with the
   * process environment for fallbacks and proxies.
   *
   * @param settings the settings; keys this adapter does not know are ignored
   * @return the port, which the caller closes
   * @throws InvalidSettingsException naming the first missing or wrong setting
   */
  public static HttpJobDetails fromSettings(AdapterSettings settings) {
    return builder().settings(settings).build();
  }

  @Override
  public TrainingJob versionDetails(JobVersionRef ref) {
    return versionDetails(ref, config.callTimeout());
  }

  /**
   * {@inheritDoc}
   *
   * <p>The call, retries and waits included, ends at {@code budget} or {@code call-timeout},
   * whichever is shorter.
   */
  @Override
  public TrainingJob versionDetails(JobVersionRef ref, Duration budget) {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(budget, "budget");
    enter();
    try {
      return details(ref, budget);
    } finally {
      leave();
    }
  }

  private TrainingJob details(JobVersionRef ref, Duration budget) {
    Duration limit = budget.compareTo(config.callTimeout()) < 0 ? budget : config.callTimeout();
    Deadline deadline = Deadline.after(clock, limit);
    String project = config.projectId();
    CallTrace trace =
        new CallTrace(
            "GET",
            "/v1/" + project + "/training-jobs/" + ref.jobId() + "/versions/" + ref.versionId(),
            ErrorContext.forVersion(ref.jobId(), ref.versionId()));

    TrainingJob job =
        call(
            trace,
            deadline,
            options -> api.versionDetails(project, ref.jobId(), ref.versionId(), options),
            codec::readVersionDetails);

    if (!job.ref().equals(ref)) {
      throw new InvalidResponseException(
          "the answer is about job "
              + job.ref().jobId()
              + " version "
              + job.ref().versionId()
              + ", not the one asked for",
          trace.ids().withHttpStatus(trace.status()).withRequestId(trace.requestId()),
          null);
    }
    return job;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Pages of {@code page-size} versions are fetched from page 1 while the versions collected are
   * fewer than the {@code version_count} the service reports and the last page was full. A page
   * that brings no new version (a service that keeps sending the same page) ends the paging, as
   * does the bound of {@code version_count / page-size + 1} pages. All pages share one call
   * deadline.
   */
  @Override
  public JobVersions versions(long jobId) {
    JobVersionRef.requirePositive("jobId", jobId);
    enter();
    try {
      return allVersions(jobId);
    } finally {
      leave();
    }
  }

  private JobVersions allVersions(long jobId) {
    Deadline deadline = Deadline.after(clock, config.callTimeout());
    String project = config.projectId();
    int pageSize = config.pageSize();
    List<TrainingJob> collected = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    JobVersions first = null;
    long maxPages = MAX_PAGES_WITHOUT_COUNT;

    for (int page = 1; page <= maxPages; page++) {
      int pageNumber = page;
      CallTrace trace =
          new CallTrace(
              "GET",
              "/v1/"
                  + project
                  + "/training-jobs/"
                  + jobId
                  + "/versions?per_page="
                  + pageSize
                  + "&page="
                  + page,
              ErrorContext.forJob(jobId));
      JobVersions part =
          call(
              trace,
              deadline,
              options -> api.versions(project, jobId, pageSize, pageNumber, options),
              codec::readVersions);
      requireJob(jobId, part, trace);
      if (first == null) {
        first = part;
        if (part.versionCount().isPresent()) {
          maxPages = Math.max(1, part.versionCount().getAsLong() / pageSize + 1);
        }
      }
      int added = 0;
      for (TrainingJob version : part.versions()) {
        if (seen.add(version.ref().versionId())) {
          collected.add(version);
          added++;
        }
      }
      boolean lastPage = part.versions().size() < pageSize;
      boolean allCollected =
          first.versionCount().isPresent() && collected.size() >= first.versionCount().getAsLong();
      if (lastPage || allCollected) {
        break;
      }
      if (added == 0) {
        LOG.warn(
            "page {} of the versions of training job {} repeated versions already read; "
                + "paging stops with {} versions (request {})",
            page,
            jobId,
            collected.size(),
            trace.requestIdForLog());
        break;
      }
    }
    return new JobVersions(
        jobId,
        first.jobName(),
        first.jobDescription(),
        first.versionCount(),
        collected,
        first.undocumentedFields());
  }

  /** Fails when a page of versions is about another job than the one asked for. */
  private static void requireJob(long jobId, JobVersions page, CallTrace trace) {
    long other = page.jobId();
    for (TrainingJob version : page.versions()) {
      if (other == jobId) {
        other = version.ref().jobId();
      }
    }
    if (other != jobId) {
      throw new InvalidResponseException(
          "the answer is about job " + other + ", not the one asked for",
          trace.ids().withHttpStatus(trace.status()).withRequestId(trace.requestId()),
          null);
    }
  }

  private <T> T call(
      CallTrace trace,
      Deadline deadline,
      Function<Request.Options, Response> send,
      BiFunction<byte[], ErrorContext, T> decode) {
    String outcome = "failed";
    try {
      T result = resilience.execute(trace, deadline, () -> attempt(trace, deadline, send, decode));
      outcome = "HTTP " + trace.status();
      return result;
    } catch (ModelArtsException e) {
      outcome = e.getClass().getSimpleName() + describeStatus(trace);
      throw redactor.error(e);
    } catch (RuntimeException e) {
      if (!isLibraryType(e)) {
        throw e;
      }
      outcome = "unexpected " + e.getClass().getSimpleName();
      throw new ServiceUnavailableException(
          "the request failed unexpectedly (" + e.getClass().getSimpleName() + ")",
          trace.ids().withHttpStatus(trace.status()).withRequestId(trace.requestId()),
          null);
    } finally {
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "{} -> {} after {} {} in {} ms (request {})",
            trace.request(),
            outcome,
            trace.attempts(),
            trace.attempts() == 1 ? "attempt" : "attempts",
            deadline.elapsed().toMillis(),
            trace.requestIdForLog());
      }
    }
  }

  private static String describeStatus(CallTrace trace) {
    return trace.status() == null ? "" : " (HTTP " + trace.status() + ")";
  }

  private static boolean isLibraryType(RuntimeException e) {
    String name = e.getClass().getName();
    return name.startsWith("feign.")
        || name.startsWith("io.github.resilience4j.")
        || name.startsWith("com.fasterxml.")
        || name.startsWith("java.net.")
        || name.startsWith("java.io.");
  }

  private <T> T attempt(
      CallTrace trace,
      Deadline deadline,
      Function<Request.Options, Response> send,
      BiFunction<byte[], ErrorContext, T> decode) {
    authenticator.prepare(deadline, trace.ids());
    boolean renewed = false;
    while (true) {
      String tokenUsed = authenticator.currentToken();
      Response response = transport.send(send, deadline, trace.ids(), "the service");
      try (response) {
        int status = response.status();
        trace.answered(
            status, redactor.text(CallTrace.line(Transport.header(response, "X-Request-Id"))));
        ErrorContext answered = trace.ids().withHttpStatus(status).withRequestId(trace.requestId());
        boolean success = status >= 200 && status <= 299;
        byte[] body = transport.body(response, success, deadline, answered);
        if (success) {
          return decodeSuccess(body, answered, decode);
        }

        Duration retryAfter = transport.retryAfter(response);
        ModelArtsException error = errorFor(status, body, answered, retryAfter, trace);
        if (!renewed && isTokenRejection(error) && authenticator.invalidate(tokenUsed)) {
          renewed = true;
          LOG.info(
              "the token was rejected ({}); obtaining a new one and sending again (request {})",
              error.context().code().orElse("HTTP 401"),
              trace.requestIdForLog());
          authenticator.prepare(deadline, trace.ids());
          continue;
        }
        if (ServiceErrors.isTransientStatus(status)) {
          throw new AttemptFailure(error, retryAfter, failureReason(status, error));
        }
        throw error;
      }
    }
  }

  private static <T> T decodeSuccess(
      byte[] body, ErrorContext answered, BiFunction<byte[], ErrorContext, T> decode) {
    try {
      return decode.apply(body, answered);
    } catch (ModelArtsException e) {
      if (e.isTransient()) {
        String reason =
            "the service reported "
                + e.context().code().orElse("a transient error")
                + " in an HTTP "
                + answered.httpStatus()
                + " answer";
        throw new AttemptFailure(e, null, reason);
      }
      throw e;
    }
  }

  private ModelArtsException errorFor(
      int status, byte[] body, ErrorContext answered, Duration retryAfter, CallTrace trace) {
    ErrorContext context = answered;
    Optional<ServiceErrorBody> parsed = codec.readErrorBody(body);
    if (parsed.isPresent()
        && (parsed.get().errorCode() != null || parsed.get().errorMessage() != null)) {
      ServiceErrorBody error = parsed.get();
      context =
          context.withService(
              redactor.text(error.errorCode()), redactor.text(error.errorMessage()));
      String requestId = redactor.text(CallTrace.line(error.requestId()));
      if (context.requestId() == null && requestId != null) {
        context = context.withRequestId(requestId);
        trace.answered(status, requestId);
      }
    } else {
      context =
          context.withService(
              null, Transport.excerpt(redactor.text(new String(body, StandardCharsets.UTF_8))));
    }
    return ServiceErrors.fromService(context, retryAfter);
  }

  private static String failureReason(int status, ModelArtsException error) {
    String reason = "the service answered HTTP " + status;
    if (error.context().errorCode() != null) {
      return reason + " (" + error.context().errorCode() + ")";
    }
    if (error.context().serviceMessage() != null) {
      return reason + ": " + error.context().serviceMessage();
    }
    return reason;
  }

  private static boolean isTokenRejection(ModelArtsException error) {
    if (!(error instanceof AuthenticationException)) {
      return false;
    }
    String code = error.context().errorCode();
    if (code == null) {
      return true;
    }
    if (code.startsWith("ModelArts.02")) {
      return true;
    }
    if (code.toUpperCase(Locale.ROOT).startsWith("APIGW.")) {
      return code.equals("APIGW.0301") ? false : matchesTokenWords(error);
    }
    return matchesTokenWords(error);
  }

  private static boolean matchesTokenWords(ModelArtsException error) {
    String message = error.context().serviceMessage();
    return message != null && TOKEN_WORDS.matcher(message).matches();
  }

  /** Counts a call in; refuses it once the port is closed. */
  private void enter() {
    inFlight.incrementAndGet();
    if (closed.get()) {
      leave();
      throw new IllegalStateException("this port is closed");
    }
  }

  /** Counts a call out; the last call out of a closed port stops its threads. */
  private void leave() {
    if (inFlight.decrementAndGet() == 0 && closed.get()) {
      release();
    }
  }

  /**
   * Closes the port: calls made from now on fail with {@link IllegalStateException}. Calls in
   * flight run to their end as if the port were open (each within its call deadline), and the
   * threads of the port (its HTTP client's executor and its body watchdog) stop when the last of
   * them ends, or at once when there is none.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true) && inFlight.get() == 0) {
      release();
    }
  }

  private void release() {
    if (!released.compareAndSet(false, true)) {
      return;
    }
    bodyReader.close();
    executor.shutdownNow();
    HttpClient client = httpClient;
    httpClient = null;
    releasable.release();
    if (client instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.debug("closing the HTTP client failed ({})", e.getClass().getSimpleName());
      }
    }
  }

  /** The checked configuration, for tests. */
  HttpConfig config() {
    return config;
  }

  /** The circuit breaker's state, for tests. */
  String breakerState() {
    return resilience.breakerState();
  }

  /** The endpoint, project, authentication kind and breaker state; never a secret. */
  @Override
  public String toString() {
    return "HttpJobDetails{endpoint="
        + config.endpoint()
        + ", projectId="
        + config.projectId()
        + ", auth="
        + authenticator
        + ", breaker="
        + resilience.breakerState()
        + (closed.get() ? ", closed" : "")
        + "}";
  }

  /**
   * Builds an {@link HttpJobDetails}. Every setting has a default except the project id and the
   * credentials, which fall back to the environment. Each setter matches one settings key:
   *
   * <table>
   *   <caption>Settings</caption>
   *   <tr><th>key</th><th>default</th></tr>
   *   <tr><td>{@code endpoint}</td>
   *       <td>{@code https://modelarts.{region}.myhuaweicloud.com}</td></tr>
   *   <tr><td>{@code region}</td><td>none (needed when an endpoint is derived)</td></tr>
   *   <tr><td>{@code project-id}</td><td>{@code HUAWEICLOUD_SDK_PROJECT_ID}</td></tr>
   *   <tr><td>{@code access-key}, {@code secret-key}</td>
   *       <td>{@code HUAWEICLOUD_SDK_AK}, {@code HUAWEICLOUD_SDK_SK}</td></tr>
   *   <tr><td>{@code auth-token}</td><td>{@code MODELARTS_AUTH_TOKEN}</td></tr>
   *   <tr><td>{@code iam-user}, {@code iam-password}, {@code iam-domain}</td>
   *       <td>{@code MODELARTS_IAM_USER}, {@code MODELARTS_IAM_PASSWORD},
   *       {@code MODELARTS_IAM_DOMAIN}</td></tr>
   *   <tr><td>{@code iam-endpoint}</td><td>{@code https://iam.{region}.myhuaweicloud.com}</td></tr>
   *   <tr><td>{@code connect-timeout}</td><td>10s</td></tr>
   *   <tr><td>{@code read-timeout}</td><td>30s: the wait for the response head, and for each
   *       part of the body</td></tr>
   *   <tr><td>{@code call-timeout}</td><td>2m: the whole call, retries and waits included</td></tr>
   *   <tr><td>{@code retry-max-attempts}</td><td>3 (1 to 20), the first attempt included</td></tr>
   *   <tr><td>{@code retry-initial-backoff}</td><td>500ms</td></tr>
   *   <tr><td>{@code retry-max-backoff}</td><td>10s</td></tr>
   *   <tr><td>{@code retry-after-cap}</td>
   *       <td>60s: the longest {@code Retry-After} honoured</td></tr>
   *   <tr><td>{@code breaker-failure-rate}</td><td>50 (percent of recorded attempts)</td></tr>
   *   <tr><td>{@code breaker-minimum-calls}</td><td>20 (attempts before the rate counts)</td></tr>
   *   <tr><td>{@code breaker-window}</td>
   *       <td>50 (the last attempts the rate is taken over)</td></tr>
   *   <tr><td>{@code breaker-open-duration}</td><td>30s</td></tr>
   *   <tr><td>{@code max-body-bytes}</td><td>33554432 (32 MiB)</td></tr>
   *   <tr><td>{@code allow-insecure-http}</td>
   *       <td>false (http to loopback is always allowed)</td></tr>
   *   <tr><td>{@code page-size}</td><td>100 (1 to 1000), versions per page</td></tr>
   * </table>
   *
   * <p>Exactly one kind of credentials must be given; those given here or in settings win over the
   * environment. {@link #build()} checks everything and fails with an {@link
   * InvalidSettingsException} saying "x must be ..., but was y", naming the settings key. Not
   * thread-safe.
   */
  public static final class Builder {

    URI endpoint;
    String region;
    String projectId;
    String accessKey;
    String secretKey;
    String authToken;
    URI iamEndpoint;
    String iamUser;
    String iamPassword;
    String iamDomain;
    Duration connectTimeout;
    Duration readTimeout;
    Duration callTimeout;
    Integer retryMaxAttempts;
    Duration retryInitialBackoff;
    Duration retryMaxBackoff;
    Duration retryAfterCap;
    Double breakerFailureRate;
    Integer breakerMinimumCalls;
    Integer breakerWindow;
    Duration breakerOpenDuration;
    Integer maxBodyBytes;
    boolean allowInsecureHttp;
    Integer pageSize;
    Function<String, String> environment = System::getenv;
    Clock clock = Clock.systemUTC();
    Sleeper sleeper = Sleeper.system();
    DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    SSLContext sslContext;
    ProxySelector proxySelector;

    private Builder() {}

    /**
     * Applies every key of the settings that is present (see the table above).
     *
     * @param settings the settings
     * @return this builder
     * @throws InvalidSettingsException if a present value cannot be read
     */
    public Builder settings(AdapterSettings settings) {
      HttpSettings.apply(Objects.requireNonNull(settings, "settings"), this);
      return this;
    }

    /** The service's base URL, such as {@code https://modelarts.cn-north-4.myhuaweicloud.com}. */
    public Builder endpoint(URI endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    /** The region, such as {@code cn-north-4}; the default endpoints are derived from it. */
    public Builder region(String region) {
      this.region = blankToNull(region);
      return this;
    }

    /** The IAM project id (32 hex digits in every known example). */
    public Builder projectId(String projectId) {
      this.projectId = blankToNull(projectId);
      return this;
    }

    /** Signs requests with this access key (AK) and secret key (SK). */
    public Builder accessKey(String accessKey, String secretKey) {
      return accessKeyPart(accessKey, secretKey);
    }

    Builder accessKeyPart(String accessKey, String secretKey) {
      this.accessKey = blankToNull(accessKey);
      this.secretKey = blankToNull(secretKey);
      return this;
    }

    /** Sends this fixed IAM token; it cannot be renewed, so calls fail once it expires. */
    public Builder authToken(String token) {
      this.authToken = blankToNull(token);
      return this;
    }

    /** Obtains tokens from IAM for this user, password and domain (account) name. */
    public Builder iamPassword(String user, String password, String domain) {
      return iamPart(user, password, domain);
    }

    Builder iamPart(String user, String password, String domain) {
      this.iamUser = blankToNull(user);
      this.iamPassword = blankToNull(password);
      this.iamDomain = blankToNull(domain);
      return this;
    }

    /** IAM's base URL, such as {@code https://iam.cn-north-4.myhuaweicloud.com}. */
    public Builder iamEndpoint(URI iamEndpoint) {
      this.iamEndpoint = Objects.requireNonNull(iamEndpoint, "iamEndpoint");
      return this;
    }

    /** The longest wait for a connection; default 10s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** The longest wait for the response head, and for each part of a body; default 30s. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** The deadline of one port call, every attempt and wait included; default 2m. */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** The most attempts of one request, the first included (1 for no retry); default 3. */
    public Builder retryMaxAttempts(int attempts) {
      this.retryMaxAttempts = attempts;
      return this;
    }

    /** The backoff before the second attempt, before jitter; default 500ms. */
    public Builder retryInitialBackoff(Duration backoff) {
      this.retryInitialBackoff = Objects.requireNonNull(backoff, "backoff");
      return this;
    }

    /** The longest backoff, before jitter; default 10s. */
    public Builder retryMaxBackoff(Duration backoff) {
      this.retryMaxBackoff = Objects.requireNonNull(backoff, "backoff");
      return this;
    }

    /** The longest {@code Retry-After} honoured; default 60s. */
    public Builder retryAfterCap(Duration cap) {
      this.retryAfterCap = Objects.requireNonNull(cap, "cap");
      return this;
    }

    /** The percentage of failed attempts at which the breaker opens, 1 to 100; default 50. */
    public Builder breakerFailureRate(double percent) {
      this.breakerFailureRate = percent;
      return this;
    }

    /** The attempts recorded before the failure rate counts; default 20. */
    public Builder breakerMinimumCalls(int calls) {
      this.breakerMinimumCalls = calls;
      return this;
    }

    /** The number of last attempts the failure rate is computed over; default 50. */
    public Builder breakerWindow(int calls) {
      this.breakerWindow = calls;
      return this;
    }

    /** How long the breaker stays open before letting trial attempts through; default 30s. */
    public Builder breakerOpenDuration(Duration duration) {
      this.breakerOpenDuration = Objects.requireNonNull(duration, "duration");
      return this;
    }

    /** The largest response body read, in bytes; default 32 MiB. */
    public Builder maxBodyBytes(int bytes) {
      this.maxBodyBytes = bytes;
      return this;
    }

    /** Allows plain http to hosts other than loopback; default false. */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /** The versions per page of the versions list, 1 to 1000; default 100. */
    public Builder pageSize(int size) {
      this.pageSize = size;
      return this;
    }

    /**
     * Where environment variables are read (credentials, project id, {@code HTTPS_PROXY}, {@code
     * NO_PROXY}); default {@link System#getenv(String)}.
     */
    public Builder environment(Function<String, String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /** The clock of deadlines, token expiry, the breaker and {@code X-Sdk-Date}; default UTC. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How waits between attempts are taken; default {@link Sleeper#system()}. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** The TLS context, such as one trusting a private certificate authority; default JDK's. */
    public Builder sslContext(SSLContext sslContext) {
      this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
      return this;
    }

    /** The proxy selector, instead of the Java properties and {@code HTTPS_PROXY}. */
    public Builder proxySelector(ProxySelector proxySelector) {
      this.proxySelector = Objects.requireNonNull(proxySelector, "proxySelector");
      return this;
    }

    /** The source of jitter, uniform in {@code [0, 1)}; for tests. */
    Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Checks the settings and builds the port.
     *
     * @return the port, which the caller closes
     * @throws InvalidSettingsException naming the first missing or wrong setting
     */
    public HttpJobDetails build() {
      HttpConfig config = HttpConfig.resolve(this);
      return new HttpJobDetails(this, config);
    }

    private static String blankToNull(String value) {
      return value == null || value.isBlank() ? null : value.strip();
    }

    /** Shows nothing of what was set, so that no secret can leak through it. */
    @Override
    public String toString() {
      return "HttpJobDetails.Builder";
    }
  }
}
