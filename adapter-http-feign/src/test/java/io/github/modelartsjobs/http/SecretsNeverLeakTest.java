package io.github.modelartsjobs.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import io.github.modelartsjobs.core.domain.JobVersionRef;
import io.github.modelartsjobs.core.error.ModelArtsException;
import io.github.modelartsjobs.core.port.AdapterSettings;
import io.github.modelartsjobs.core.port.InvalidSettingsException;
import io.github.modelartsjobs.core.port.JobDetailsAdapters;
import io.github.modelartsjobs.core.port.JobDetailsPort;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Known credentials, faults and load, everything logged at the most verbose level, every error and
 * every {@code toString} kept: none of the credentials, and none of the signatures the stub
 * received, shows up anywhere.
 *
 * <p>What is searched: every logback event of every logger at TRACE (message, arguments, key
 * values, stack traces), every record of {@code java.util.logging} at ALL, everything printed to
 * standard out and error during the run, the message, {@code toString}, stack trace and context of
 * every error (causes and suppressed errors included), and the {@code toString} of the settings,
 * the port and the jobs read.
 */
class SecretsNeverLeakTest {

  private static final String AK = "AKTESTLEAK0000000001";

  // Values chosen to share no run of 12 characters with anything else a test logs (the project id
  // is 0123456789abcdef twice), so that a piece of one found in the output is a leak.
  private static final String SK = "SKtestLeakSecretValueQwErTyUiOpZxCvBnMkJh";

  private static final String TOKEN =
      "MIItokenLEAKvalueZyXwVuTsRqPoNmLkJiHgFeDcBaQwErTyUiOpAsDfGhJkLzXcVbNm";

  private static final String IAM_PASSWORD = "PwLeakSecret9876zyx";

  private static final String IAM_TOKEN =
      "MIIiamTOKENfromSTUBleakPlOkMiJnUhBgYvTfCrDxEsZwAqMnBvCxZlKjHgFdSaPo";

  /** The length of a piece of a credential that must not show either. */
  private static final int PIECE = 12;

  private static final Pattern SIGNATURE = Pattern.compile("Signature=([0-9a-fA-F]{16,})");

  private final StringBuilder captured = new StringBuilder();
  private final List<Throwable> errors = new ArrayList<>();
  private Capture capture;

  @BeforeEach
  void captureEverything() {
    capture = new Capture(captured);
  }

  @AfterEach
  void stopCapturing() {
    capture.close();
  }

  @Test
  void akSkCredentialsAndSignaturesNeverShowUnderFaultsAndLoad() throws Exception {
    try (FaultyStub stub = new FaultyStub(LoadWithFaultsTest.SEED)) {
      Map<String, String> settings = settings(stub);
      settings.put("access-key", AK);
      settings.put("secret-key", SK);

      exercise(stub, settings);

      Set<String> signatures = signatures(stub);
      assertThat(signatures).as("signatures the stub received").hasSizeGreaterThan(100);
      assertNothingLeaks(stub, Set.of(AK, SK), signatures);
    }
  }

  @Test
  void aFixedTokenNeverShowsUnderFaultsAndLoad() throws Exception {
    try (FaultyStub stub = new FaultyStub(LoadWithFaultsTest.SEED)) {
      Map<String, String> settings = settings(stub);
      settings.put("auth-token", TOKEN);

      exercise(stub, settings);

      assertThat(stub.credentialHeaders).as("tokens the stub received").contains(TOKEN);
      assertNothingLeaks(stub, Set.of(TOKEN), Set.of());
    }
  }

  @Test
  void anIamPasswordAndTheTokenItBuysNeverShowUnderFaultsAndLoad() throws Exception {
    try (FaultyStub stub = new FaultyStub(LoadWithFaultsTest.SEED)) {
      stub.iamToken = IAM_TOKEN;
      Map<String, String> settings = settings(stub);
      settings.put("iam-endpoint", stub.endpoint());
      settings.put("iam-user", "leak-test-user");
      settings.put("iam-password", IAM_PASSWORD);
      settings.put("iam-domain", "leak-test-domain");
      settings.put("region", "cn-north-4");

      exercise(stub, settings);

      assertThat(stub.iamCalls.get()).as("token requests").isPositive();
      assertThat(stub.credentialHeaders).as("tokens the stub received").contains(IAM_TOKEN);
      assertNothingLeaks(stub, Set.of(IAM_PASSWORD, IAM_TOKEN), Set.of());
    }
  }

  @Test
  void errorMessagesThatEchoTheCredentialsAreRedacted() throws Exception {
    try (FaultyStub stub = new FaultyStub(LoadWithFaultsTest.SEED)) {
      Map<String, String> settings = settings(stub);
      settings.put("access-key", AK);
      settings.put("secret-key", SK);
      stub.echoInErrors = AK + " signed with " + SK + ", you sent " + AK;

      try (JobDetailsPort port = create(settings)) {
        for (int v = 1; v <= 14; v++) {
          try {
            port.versionDetails(new JobVersionRef(11, v));
          } catch (ModelArtsException e) {
            errors.add(e);
          }
        }
      }

      assertThat(errors).hasSize(14);
      assertThat(errors).anySatisfy(e -> assertThat(e.getMessage()).contains("****"));
      assertNothingLeaks(stub, Set.of(AK, SK), signatures(stub));
    }
  }

  @Test
  void credentialsEchoedWhereMessagesAreCutShowNoPieceOfThem() throws Exception {
    for (int pad : new int[] {130, 150, 170, 190, 280, 290}) {
      try (FaultyStub stub = new FaultyStub(LoadWithFaultsTest.SEED)) {
        Map<String, String> settings = settings(stub);
        settings.put("access-key", AK);
        settings.put("secret-key", SK);
        stub.echoInErrors = "x".repeat(pad) + " " + SK + " " + SK;

        try (JobDetailsPort port = create(settings)) {
          for (int v = 1; v <= 7; v++) {
            try {
              port.versionDetails(new JobVersionRef(11, v));
            } catch (ModelArtsException e) {
              errors.add(e);
            }
          }
        }
      }
    }

    assertThat(errors).hasSize(42);
    assertNothingLeaks(null, Set.of(SK), Set.of());
  }

  @Test
  void anIamThatEchoesThePasswordShowsNoPieceOfIt() throws Exception {
    for (int pad : new int[] {130, 150, 170, 280, 290}) {
      try (FaultyStub stub = new FaultyStub(LoadWithFaultsTest.SEED)) {
        stub.iamEcho = "x".repeat(pad) + " wrong password " + IAM_PASSWORD + " " + IAM_PASSWORD;
        Map<String, String> settings = settings(stub);
        settings.put("iam-endpoint", stub.endpoint());
        settings.put("iam-user", "leak-test-user");
        settings.put("iam-password", IAM_PASSWORD);
        settings.put("iam-domain", "leak-test-domain");

        try (JobDetailsPort port = create(settings)) {
          for (int v = 1; v <= 3; v++) {
            try {
              port.versionDetails(new JobVersionRef(11, v));
            } catch (ModelArtsException e) {
              errors.add(e);
            }
          }
        }
        assertThat(stub.iamCalls.get()).as("token requests").isPositive();
      }
    }

    assertThat(errors).hasSize(15);
    assertNothingLeaks(null, Set.of(IAM_PASSWORD), Set.of());
  }

  @Test
  void errorMessagesThatEchoTheTokenAreRedacted() throws Exception {
    try (FaultyStub stub = new FaultyStub(LoadWithFaultsTest.SEED)) {
      Map<String, String> settings = settings(stub);
      settings.put("auth-token", TOKEN);
      stub.echoInErrors = "token " + TOKEN + " rejected";

      try (JobDetailsPort port = create(settings)) {
        for (int v = 1; v <= 14; v++) {
          try {
            port.versionDetails(new JobVersionRef(11, v));
          } catch (ModelArtsException e) {
            errors.add(e);
          }
        }
      }

      assertThat(errors).hasSize(14);
      assertThat(errors).anySatisfy(e -> assertThat(e.getMessage()).contains("****"));
      assertNothingLeaks(stub, Set.of(TOKEN), Set.of());
    }
  }

  @Test
  void settingsWithBadValuesNeverShowTheSecretsInTheirErrors() {
    List<Map<String, String>> bad = new ArrayList<>();
    for (String key : List.of("secret-key", "auth-token", "iam-password", "access-key")) {
      Map<String, String> settings = new HashMap<>();
      settings.put("endpoint", "http://127.0.0.1:1");
      settings.put("project-id", FaultyStub.PROJECT);
      settings.put(key, SK + "\n\t" + TOKEN);
      settings.put("read-timeout", "soon");
      bad.add(settings);
    }

    for (Map<String, String> settings : bad) {
      try (JobDetailsPort port = create(settings)) {
        captured.append(port).append('\n');
      } catch (InvalidSettingsException | ModelArtsException e) {
        errors.add(e);
      }
      captured.append(AdapterSettings.of(settings)).append('\n');
    }

    assertThat(errors).as("settings rejected").isNotEmpty();
    assertNothingLeaks(null, Set.of(SK, TOKEN), Set.of());
  }

  @Test
  void buildersAndThePortsTheyBuildNeverShowTheirCredentials() {
    try (FaultyStub stub = new FaultyStub(1)) {
      URI endpoint = URI.create(stub.endpoint());
      List<HttpJobDetails.Builder> builders =
          List.of(
              HttpJobDetails.builder().endpoint(endpoint).projectId(FaultyStub.PROJECT),
              HttpJobDetails.builder().endpoint(endpoint).projectId(FaultyStub.PROJECT),
              HttpJobDetails.builder().endpoint(endpoint).projectId(FaultyStub.PROJECT));
      builders.get(0).accessKey(AK, SK);
      builders.get(1).authToken(TOKEN);
      builders.get(2).iamPassword("leak-test-user", IAM_PASSWORD, "d").iamEndpoint(endpoint);

      for (HttpJobDetails.Builder builder : builders) {
        captured.append(builder).append('\n');
        try (HttpJobDetails port = builder.build()) {
          captured.append(port).append('\n').append(port.config()).append('\n');
        }
      }
      try {
        HttpJobDetails.builder().endpoint(endpoint).accessKey(AK, SK).build().close();
      } catch (RuntimeException e) {
        errors.add(e);
      }

      assertThat(captured.toString()).contains("HttpJobDetails");
      assertNothingLeaks(null, Set.of(AK, SK, TOKEN, IAM_PASSWORD), Set.of());
    }
  }

  @Test
  void credentialsWrittenIntoAnEndpointNeverShow() {
    List<String> endpoints =
        List.of(
            "http://" + AK + ":" + SK + "@127.0.0.1:1",
            "http://" + AK + ":" + SK + "@bad_host:8080",
            "ftp://" + AK + ":" + SK + "@127.0.0.1/x",
            "https://" + AK + ":" + SK + "@modelarts.example.com/x?token=" + TOKEN,
            "//" + AK + ":" + SK + "@127.0.0.1:1");

    for (String endpoint : endpoints) {
      for (String key : List.of("endpoint", "iam-endpoint")) {
        Map<String, String> settings = new HashMap<>();
        settings.put("endpoint", "http://127.0.0.1:1");
        settings.put("project-id", FaultyStub.PROJECT);
        settings.put("iam-user", "u");
        settings.put("iam-password", "p");
        settings.put("iam-domain", "d");
        settings.put(key, endpoint);
        captured.append(AdapterSettings.of(settings)).append('\n');
        try (JobDetailsPort port = create(settings)) {
          captured.append(port).append('\n');
        } catch (InvalidSettingsException | ModelArtsException e) {
          errors.add(e);
        }
      }
    }

    assertThat(errors).as("endpoints rejected").hasSizeGreaterThanOrEqualTo(8);
    assertNothingLeaks(null, Set.of(SK, TOKEN), Set.of());
  }

  // ---------------------------------------------------------------------------------------------

  private Map<String, String> settings(FaultyStub stub) {
    Map<String, String> settings = new HashMap<>();
    settings.put("endpoint", stub.endpoint());
    settings.put("project-id", FaultyStub.PROJECT);
    settings.put("connect-timeout", "2s");
    settings.put("read-timeout", "3s");
    settings.put("call-timeout", "20s");
    settings.put("retry-max-attempts", "3");
    settings.put("retry-initial-backoff", "1ms");
    settings.put("retry-max-backoff", "10ms");
    settings.put("breaker-open-duration", "200ms");
    return settings;
  }

  private static JobDetailsPort create(Map<String, String> settings) {
    return JobDetailsAdapters.create("http", AdapterSettings.of(settings));
  }

  /** A load run with faults, a run with every attempt failing, and the versions list. */
  private void exercise(FaultyStub stub, Map<String, String> settings) throws Exception {
    captured.append(AdapterSettings.of(settings)).append('\n');
    try (JobDetailsPort port = create(settings)) {
      captured.append(port).append('\n');
      stub.faults(0.05, 0.05, 0.01);
      LoadRun run = new LoadRun(400, 8, 12, 1).run(port);
      errors.addAll(run.typedErrors);
      errors.addAll(run.untyped);

      stub.faults(1.0, 0, 0);
      LoadRun failing = new LoadRun(60, 4, 12, 10_001).run(port);
      errors.addAll(failing.typedErrors);
      errors.addAll(failing.untyped);

      stub.faults(0, 0, 0);
      LoadWithFaultsTest.pause(java.time.Duration.ofMillis(300));
      try {
        captured.append(port.versions(12)).append('\n');
        captured.append(port.versionDetails(new JobVersionRef(12, 99_999))).append('\n');
      } catch (RuntimeException e) {
        errors.add(e);
      }
      assertThat(run.rightJob.get()).as("calls that got their job").isPositive();
      assertThat(failing.errors()).as("calls that failed").isEqualTo(60);
    }
  }

  private static Set<String> signatures(FaultyStub stub) {
    Set<String> out = new TreeSet<>();
    for (String header : stub.credentialHeaders) {
      Matcher m = SIGNATURE.matcher(header);
      while (m.find()) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  private void assertNothingLeaks(FaultyStub stub, Set<String> secrets, Set<String> signatures) {
    capture.close();
    StringBuilder all = new StringBuilder(captured);
    for (Throwable error : errors) {
      render(error, all);
    }
    String text = all.toString();

    assertThat(text).as("what was captured").isNotBlank();
    assertThat(errors).as("errors to search").isNotEmpty();
    for (String secret : secrets) {
      assertThat(text).as("captured text must not hold a credential").doesNotContain(secret);
      if (!secret.equals(AK)) {
        assertThat(piecesOf(secret).stream().filter(text::contains).toList())
            .as("pieces of a credential (a message cut in the middle of one) in the captured text")
            .isEmpty();
      }
    }
    List<String> leaked = signatures.stream().filter(text::contains).toList();
    assertThat(leaked).as("signatures found in the captured text").isEmpty();
    if (stub != null) {
      assertThat(stub.credentialHeaders).as("credentials were sent").isNotEmpty();
    }
  }

  /** Every run of {@value #PIECE} characters of a secret. */
  private static List<String> piecesOf(String secret) {
    List<String> pieces = new ArrayList<>();
    for (int i = 0; i + PIECE <= secret.length(); i++) {
      pieces.add(secret.substring(i, i + PIECE));
    }
    return pieces;
  }

  private static void render(Throwable error, StringBuilder out) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    out.append(trace).append('\n');
    Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    renderChain(error, out, seen);
  }

  private static void renderChain(Throwable error, StringBuilder out, Set<Throwable> seen) {
    if (error == null || !seen.add(error)) {
      return;
    }
    out.append(error).append('\n').append(error.getMessage()).append('\n');
    out.append(error.getLocalizedMessage()).append('\n');
    if (error instanceof ModelArtsException m) {
      out.append(m.context()).append('\n');
      out.append(m.context().details()).append('\n');
    }
    renderChain(error.getCause(), out, seen);
    for (Throwable suppressed : error.getSuppressed()) {
      renderChain(suppressed, out, seen);
    }
  }

  /**
   * Whether a logger belongs to the stub server, which plays the service and is no part of ours.
   */
  private static boolean isTheStubs(String logger) {
    return logger.startsWith("wiremock.")
        || logger.startsWith("com.github.tomakehurst.")
        || logger.startsWith("org.eclipse.jetty.");
  }

  /** Everything logged or printed while it is open, except what the stub server logs. */
  private static final class Capture implements AutoCloseable {
    private final StringBuilder into;
    private final Logger root;
    private final Level rootLevel;
    private final AppenderBase<ILoggingEvent> appender;
    private final java.util.logging.Logger julRoot;
    private final java.util.logging.Level julLevel;
    private final Handler julHandler;
    private final PrintStream out;
    private final PrintStream err;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private boolean closed;

    Capture(StringBuilder into) {
      this.into = into;
      LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
      root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
      rootLevel = root.getLevel();
      for (Logger logger : context.getLoggerList()) {
        logger.setLevel(logger == root ? Level.TRACE : null);
      }
      appender =
          new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
              if (isTheStubs(event.getLoggerName())) {
                return;
              }
              StringBuilder line = new StringBuilder();
              line.append(event.getLevel()).append(' ').append(event.getLoggerName()).append(' ');
              line.append(event.getFormattedMessage()).append(' ').append(event.getMessage());
              if (event.getArgumentArray() != null) {
                for (Object argument : event.getArgumentArray()) {
                  line.append(' ').append(argument);
                }
              }
              if (event.getKeyValuePairs() != null) {
                line.append(' ').append(event.getKeyValuePairs());
              }
              line.append(' ').append(event.getMDCPropertyMap());
              IThrowableProxy thrown = event.getThrowableProxy();
              if (thrown != null) {
                line.append('\n').append(ThrowableProxyUtil.asString(thrown));
              }
              synchronized (into) {
                into.append(line).append('\n');
              }
            }
          };
      appender.setContext(context);
      appender.start();
      root.addAppender(appender);

      julRoot = java.util.logging.Logger.getLogger("");
      julLevel = julRoot.getLevel();
      julRoot.setLevel(java.util.logging.Level.ALL);
      SimpleFormatter formatter = new SimpleFormatter();
      julHandler =
          new Handler() {
            @Override
            public void publish(LogRecord record) {
              String line = formatter.format(record);
              synchronized (into) {
                into.append(line);
              }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
          };
      julHandler.setLevel(java.util.logging.Level.ALL);
      julRoot.addHandler(julHandler);

      out = System.out;
      err = System.err;
      PrintStream tee = new PrintStream(printed, true, StandardCharsets.UTF_8);
      System.setOut(tee);
      System.setErr(tee);
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      System.setOut(out);
      System.setErr(err);
      root.detachAppender(appender);
      appender.stop();
      root.setLevel(rootLevel);
      julRoot.removeHandler(julHandler);
      julRoot.setLevel(julLevel);
      synchronized (into) {
        into.append(printed.toString(StandardCharsets.UTF_8));
      }
    }
  }
}
