package io.github.modelartsjobs.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.modelartsjobs.core.domain.JobStatus;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.error.AuthenticationException;
import io.github.modelartsjobs.core.error.ErrorContext;
import io.github.modelartsjobs.core.error.InvalidResponseException;
import io.github.modelartsjobs.core.error.JobNotFoundException;
import io.github.modelartsjobs.core.error.PermissionDeniedException;
import io.github.modelartsjobs.core.error.RequestRejectedException;
import io.github.modelartsjobs.core.error.ServiceUnavailableException;
import io.github.modelartsjobs.core.error.ThrottledException;
import io.github.modelartsjobs.core.port.InvalidSettingsException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The commands and their exit codes, run in-process against an in-memory port. */
class CommandsTest {

  private static final ErrorContext V10_99 =
      new ErrorContext(10L, 99L, 400, "ModelArts.2775", null, "5f3c");

  @Test
  void jobInfoPrintsTheVersionAsATableOnStdout() {
    InMemoryPort port = new InMemoryPort().answer(10, 10, SampleJobs.documented());
    CliRun cli = new CliRun(port);

    CliRun.Result result = cli.run("job-info", "--job-id", "10", "--version-id", "10");

    assertThat(result.code()).isZero();
    assertThat(result.out())
        .startsWith("Job          TestModelArtsJob (id 10)\n")
        .isEqualTo(JobTable.render(SampleJobs.documented()));
    assertThat(result.err()).isEmpty();
    assertThat(port.closed()).isTrue();
  }

  @Test
  void versionsPrintsTheListNewestFirst() {
    TrainingJob newest = SampleJobs.withStatus(10, 10, JobStatus.COMPLETED);
    TrainingJob older = SampleJobs.withStatus(10, 5, JobStatus.FAILED);
    InMemoryPort port = new InMemoryPort().versionsOf(10, "TestModelArtsJob", newest, older);

    CliRun.Result result = new CliRun(port).run("versions", "--job-id", "10");

    assertThat(result.code()).isZero();
    assertThat(result.out().lines())
        .containsExactly(
            "Job 10 TestModelArtsJob: 2 versions",
            "",
            "VERSION  NAME  STATUS             CREATED  DURATION  ENGINE",
            "10       -     JOBSTAT_COMPLETED  -        -         -",
            "5        -     JOBSTAT_FAILED     -        -         -");
    assertThat(port.closed()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "--adapter http --endpoint http://127.0.0.1:9 job-info --job-id 10 --version-id 10",
        "job-info --job-id 10 --version-id 10 --adapter http --endpoint http://127.0.0.1:9",
        "job-info --adapter http --job-id 10 --endpoint=http://127.0.0.1:9 --version-id 10"
      })
  void globalOptionsMayStandBeforeOrAfterTheCommand(String line) {
    CliRun cli = new CliRun(new InMemoryPort().answer(10, 10, SampleJobs.documented()));

    CliRun.Result result = cli.run(line.split(" "));

    assertThat(result.code()).isZero();
    assertThat(cli.lastAdapter).isEqualTo("http");
    assertThat(cli.lastSettings.get("endpoint")).contains("http://127.0.0.1:9");
  }

  @Test
  void withNothingSetTheFixturesAdapterReadsTheBundledSamples() {
    CliRun cli = new CliRun(new InMemoryPort().answer(10, 10, SampleJobs.documented()));

    cli.run("job-info", "--job-id", "10", "--version-id", "10");

    assertThat(cli.lastAdapter).isEqualTo("fixtures");
    assertThat(cli.lastSettings.asMap())
        .containsEntry("adapter", "fixtures")
        .containsEntry("fixtures.root", "classpath:fixtures");
  }

  @Test
  void fixturesFlagAndVariableSetTheRoot() {
    CliRun cli = new CliRun(new InMemoryPort().answer(10, 10, SampleJobs.documented()));
    cli.env("MODELARTS_FIXTURES", "/from/env");

    cli.run("job-info", "--job-id", "10", "--version-id", "10");
    String fromEnv = cli.lastSettings.get("fixtures.root").orElseThrow();
    cli.run("--fixtures", "/from/flag", "job-info", "--job-id", "10", "--version-id", "10");
    String fromFlag = cli.lastSettings.get("fixtures.root").orElseThrow();

    assertThat(fromEnv).isEqualTo("/from/env");
    assertThat(fromFlag).isEqualTo("/from/flag");
  }

  @Test
  void helpListsCommandsOptionsVariablesAndEveryExitCode() {
    CliRun.Result result = new CliRun().run("--help");

    assertThat(result.code()).isZero();
    assertThat(result.out())
        .contains("job-info", "versions", "wait")
        .contains("--adapter=NAME", "--fixtures=DIR", "--endpoint=URL", "--region=REGION")
        .contains("--project-id=ID", "--output=FORMAT", "--config=FILE", "--verbose")
        .contains("MODELARTS_ADAPTER", "MODELARTS_FIXTURES", "MODELARTS_ENDPOINT")
        .contains("MODELARTS_REGION", "HUAWEICLOUD_SDK_PROJECT_ID", "MODELARTS_AUTH_TOKEN")
        .contains("HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK")
        .contains("Exit codes:")
        .containsPattern("(?m)^\\s+0\\s+success$")
        .containsPattern("(?m)^\\s+8\\s+wait: the version was read, but the timeout passed");
    for (int code = 0; code <= 8; code++) {
      assertThat(result.out()).containsPattern("(?m)^\\s+" + code + "\\s+\\S");
    }
    assertThat(result.err()).isEmpty();
  }

  @Test
  void helpListsEveryKindOfCredentialsWithItsVariablesAndConfigKeys() {
    CliRun.Result result = new CliRun().run("--help");

    assertThat(result.out())
        .contains("HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK", "access-key and secret-key")
        .contains("MODELARTS_AUTH_TOKEN, or config key auth-token")
        .contains("MODELARTS_IAM_USER, MODELARTS_IAM_PASSWORD and", "MODELARTS_IAM_DOMAIN")
        .contains("config keys iam-user,", "iam-password and iam-domain", "iam-endpoint");
  }

  @Test
  void helpSaysPlainHttpIsAllowedToLoopbackOrWithAllowInsecureHttp() {
    CliRun.Result result = new CliRun().run("--help");

    assertThat(result.out())
        .contains("Plain http endpoints are allowed to loopback hosts")
        .contains("elsewhere only with allow-insecure-http=true in the config file")
        .contains("or with allow-insecure-http=true in")
        .doesNotContain("plain http is allowed only to a loopback host");
  }

  @Test
  void helpNamesTheWordsTheVerboseVariableAccepts() {
    CliRun.Result result = new CliRun().run("--help");

    assertThat(Formats.oneLine(result.out()))
        .contains("MODELARTS_VERBOSE: true/false, yes/no, 1/0 or on/off)");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"--help job-info", "help job-info", "job-info --help", "job-info -h"})
  void eachWayOfAskingShowsTheHelpOfTheCommand(String line) {
    CliRun.Result result = new CliRun().run(line.split(" "));

    assertThat(result.code()).isZero();
    assertThat(result.out())
        .startsWith("Usage: modelarts-jobs job-info ")
        .contains("--job-id=N", "--version-id=N");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void helpTellsHowToGetTheHelpOfACommand() {
    CliRun.Result result = new CliRun().run("--help");

    assertThat(result.out())
        .contains("modelarts-jobs COMMAND --help, or", "modelarts-jobs help COMMAND");
  }

  @Test
  void waitHelpListsTheWaitCodesAndJobInfoHelpDoesNot() {
    CliRun cli = new CliRun();

    CliRun.Result waitHelp = cli.run("wait", "--help");
    CliRun.Result infoHelp = cli.run("job-info", "--help");

    assertThat(waitHelp.out()).contains("--timeout=DURATION", "--interval=DURATION");
    assertThat(waitHelp.out()).containsPattern("(?m)^\\s+7\\s+wait: the version ended failed");
    assertThat(infoHelp.out()).containsPattern("(?m)^\\s+3\\s+job or version not found");
    assertThat(infoHelp.out()).doesNotContainPattern("(?m)^\\s+7\\s");
    assertThat(infoHelp.out()).contains("--output=FORMAT");
  }

  @Test
  void versionFlagPrintsTheVersion() {
    CliRun.Result result = new CliRun().run("--version");

    assertThat(result.code()).isZero();
    assertThat(result.out()).startsWith("modelarts-jobs ");
  }

  @Test
  void noCommandIsAUsageError() {
    CliRun.Result result = new CliRun().run();

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: a command is required: job-info, versions or wait;"
                + " see 'modelarts-jobs --help'\n");
  }

  @Test
  void missingRequiredOptionIsAUsageErrorNamingIt() {
    CliRun.Result result = new CliRun().run("job-info", "--job-id", "10");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .contains("--version-id")
        .endsWith("; see 'modelarts-jobs job-info --help'\n");
    assertThat(result.out()).isEmpty();
  }

  @ParameterizedTest(name = "--job-id {0}")
  @ValueSource(strings = {"0", "-3", "ten"})
  void idsMustBeWholeNumbersFromOne(String id) {
    CliRun.Result result = new CliRun().run("versions", "--job-id", id);

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .contains("--job-id", "must be a whole number of at least 1, but was '" + id + "'");
  }

  @Test
  void unknownCommandIsAUsageError() {
    CliRun.Result result = new CliRun().run("delete", "--job-id", "10");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: unknown command 'delete'; the commands are job-info, versions, wait;"
                + " see 'modelarts-jobs --help'\n");
  }

  @Test
  void helpOfAnUnknownCommandIsAUsageErrorOnOneLine() {
    CliRun.Result result = new CliRun().run("help", "delete");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "error: unknown command 'delete'; the commands are job-info, versions, wait;"
                + " see 'modelarts-jobs --help'\n");
  }

  @Test
  void helpOfAWordThatCouldBeASecretDoesNotRepeatIt() {
    CliRun.Result result = new CliRun().run("--adapter", "fixtures", "help", "AKS3CR3T0VALUE0123");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).doesNotContain("S3CR3T").hasLineCount(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "'job-inf --job-id 10 --version-id 10', job-inf, job-info",
    "jobinfo, jobinfo, job-info",
    "'--adapter http job-inf', job-inf, job-info",
    "'version --job-id 10', version, versions",
    "'wiat --job-id 10 --version-id 10', wiat, wait",
    "info, info, job-info"
  })
  void mistypedCommandIsNamedWithTheCommandItIsClosestTo(String line, String word, String meant) {
    CliRun.Result result = new CliRun().run(line.split(" "));

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: unknown command '"
                + word
                + "'; the commands are job-info, versions, wait (did you mean "
                + meant
                + "?)\n");
  }

  @Test
  void unknownFirstWordThatCouldBeASecretIsNotRepeated() {
    CliRun.Result result = new CliRun().run("AKS3CR3T0VALUE0123", "--job-id", "10");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("error: unknown command (the word is not repeated")
        .contains("the commands are job-info, versions, wait")
        .doesNotContain("S3CR3T")
        .hasLineCount(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "--secret-key s3cr3t-value",
        "--secret-key=s3cr3t-value",
        "--auth-token s3cr3t-value",
        "--access-key=s3cr3t-value",
        "--sk s3cr3t-value",
        "--iam-password s3cr3t-value",
        "--iam-user=s3cr3t-value"
      })
  void credentialsAreNeverTakenAsFlagsNorEchoed(String flag) {
    String[] args = ("job-info --job-id 10 --version-id 10 " + flag).split(" ");

    CliRun.Result result = new CliRun().run(args);

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("error: unknown option(s) " + flag.split("[ =]")[0])
        .contains("credentials are read only from the environment")
        .contains("HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, MODELARTS_AUTH_TOKEN, or")
        .contains("MODELARTS_IAM_USER, MODELARTS_IAM_PASSWORD and MODELARTS_IAM_DOMAIN")
        .doesNotContain("s3cr3t");
  }

  @Test
  void outputMustBeTableOrJsonNamingWhereTheValueCameFrom() {
    CliRun cli = new CliRun(new InMemoryPort().answer(10, 10, SampleJobs.documented()));
    cli.env("MODELARTS_OUTPUT", "xml");

    CliRun.Result result = cli.run("job-info", "--job-id", "10", "--version-id", "10");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: output must be table or json, but was \"xml\" (from MODELARTS_OUTPUT);"
                + " see 'modelarts-jobs --help'\n");
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(
            new JobNotFoundException(V10_99, null),
            3,
            "error: training job 10 version 99 not found (ModelArts.2775, HTTP 400, request 5f3c);"
                + " check the ids with 'modelarts-jobs versions --job-id 10'"),
        Arguments.of(
            new AuthenticationException(
                V10_99.withHttpStatus(401).withService("APIGW.0301", "signature mismatch"), null),
            4,
            "error: authentication failed for training job 10 version 99 (APIGW.0301, HTTP 401,"
                + " request 5f3c): signature mismatch; check the credentials (HUAWEICLOUD_SDK_AK"
                + " and HUAWEICLOUD_SDK_SK, MODELARTS_AUTH_TOKEN, or MODELARTS_IAM_USER,"
                + " MODELARTS_IAM_PASSWORD and MODELARTS_IAM_DOMAIN)"),
        Arguments.of(
            new PermissionDeniedException(
                V10_99.withHttpStatus(403).withService("ModelArts.0108", null), null),
            4,
            "error: permission denied for training job 10 version 99 (ModelArts.0108, HTTP 403,"
                + " request 5f3c); check --project-id and that these credentials may read"
                + " training jobs in it"),
        Arguments.of(
            new ServiceUnavailableException(
                "3 attempts failed", V10_99.withHttpStatus(503).withService(null, null), null),
            5,
            "error: service unavailable for training job 10 version 99 (HTTP 503, request 5f3c):"
                + " 3 attempts failed; try again later, or check --endpoint and the network;"
                + " --verbose shows each attempt"),
        Arguments.of(
            new ThrottledException(
                V10_99.withHttpStatus(429).withService("ModelArts.2799", null),
                Duration.ofSeconds(5),
                null),
            5,
            "error: too many requests for training job 10 version 99 (ModelArts.2799, HTTP 429,"
                + " request 5f3c); retry after 5s; wait a little and try again"),
        Arguments.of(
            new InvalidResponseException(
                "not JSON at line 1", V10_99.withHttpStatus(200).withService(null, null), null),
            6,
            "error: invalid response for training job 10 version 99 (HTTP 200, request 5f3c):"
                + " not JSON at line 1; check that --endpoint points at the ModelArts service;"
                + " --verbose shows more"),
        Arguments.of(
            new RequestRejectedException(V10_99.withService("ModelArts.0104", "bad id"), null),
            1,
            "error: request rejected for training job 10 version 99 (ModelArts.0104, HTTP 400,"
                + " request 5f3c): bad id; check the ids, --project-id and --region"),
        Arguments.of(
            new InvalidSettingsException("project-id must be set to the IAM project id"),
            2,
            "error: project-id must be set to the IAM project id; see 'modelarts-jobs --help'"),
        Arguments.of(
            new IllegalStateException("boom"),
            1,
            "error: unexpected IllegalStateException: boom;"
                + " run again with --verbose for the stack trace"));
  }

  @ParameterizedTest(name = "{0} exits {1}")
  @MethodSource("failures")
  void eachFailureHasItsExitCodeAndOneLineSayingWhatToTry(
      RuntimeException failure, int code, String line) {
    InMemoryPort port = new InMemoryPort().answer(10, 99, failure);

    CliRun.Result result =
        new CliRun(port)
            .run("--adapter", "http", "job-info", "--job-id", "10", "--version-id", "99");

    assertThat(result.code()).isEqualTo(code);
    assertThat(result.err()).isEqualTo(line + "\n");
    assertThat(result.out()).isEmpty();
    assertThat(port.closed()).isTrue();
  }

  static Stream<Arguments> credentialKinds() {
    return Stream.of(
        Arguments.of(
            java.util.Map.of("HUAWEICLOUD_SDK_AK", "ak", "HUAWEICLOUD_SDK_SK", "sk"),
            "check HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK and that this machine's clock is"
                + " right"),
        Arguments.of(
            java.util.Map.of("MODELARTS_AUTH_TOKEN", "t"),
            "check MODELARTS_AUTH_TOKEN; tokens expire after 24 hours"),
        Arguments.of(
            java.util.Map.of(
                "MODELARTS_IAM_USER",
                "u",
                "MODELARTS_IAM_PASSWORD",
                "p",
                "MODELARTS_IAM_DOMAIN",
                "d"),
            "check MODELARTS_IAM_USER, MODELARTS_IAM_PASSWORD and MODELARTS_IAM_DOMAIN"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("credentialKinds")
  void authenticationFailureHintNamesTheCredentialsInUse(
      java.util.Map<String, String> env, String hint) {
    AuthenticationException refused =
        new AuthenticationException(
            V10_99.withHttpStatus(401).withService("APIGW.0301", null), null);
    CliRun cli = new CliRun(new InMemoryPort().answer(10, 99, refused));
    env.forEach(cli::env);

    CliRun.Result result =
        cli.run("--adapter", "http", "job-info", "--job-id", "10", "--version-id", "99");

    assertThat(result.code()).isEqualTo(4);
    assertThat(result.err()).endsWith("; " + hint + "\n").hasLineCount(1);
  }

  @Test
  void errorsOfTheFixturesAdapterPointAtTheFixtureFileNotAtTheService() {
    RequestRejectedException rejected =
        new RequestRejectedException(
            new ErrorContext(10L, 99L, null, "ModelArts.0104", "bad id", null), null);
    InMemoryPort port = new InMemoryPort().answer(10, 99, rejected);

    CliRun.Result result =
        new CliRun(port)
            .env("MODELARTS_FIXTURES", "/srv/fixtures")
            .run("job-info", "--job-id", "10", "--version-id", "99");

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "error: request rejected for training job 10 version 99 (ModelArts.0104): bad id;"
                + " the answer comes from the fixture file 10/99.json in the folder given with"
                + " MODELARTS_FIXTURES: check that file\n");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "--endpoint, 'check --endpoint and the network'",
    "MODELARTS_ENDPOINT, 'check MODELARTS_ENDPOINT and the network'",
    "MODELARTS_REGION, 'check the endpoint built from MODELARTS_REGION and the network'"
  })
  void unavailableServiceHintNamesWhereTheEndpointCameFrom(String source, String hint) {
    ServiceUnavailableException unavailable =
        new ServiceUnavailableException("3 attempts failed", V10_99.withHttpStatus(503), null);
    CliRun cli = new CliRun(new InMemoryPort().answer(10, 99, unavailable));
    String[] args = {"--adapter", "http", "job-info", "--job-id", "10", "--version-id", "99"};
    if (source.startsWith("--")) {
      args = append(append(args, source), "http://127.0.0.1:9");
    } else {
      cli.env(source, source.endsWith("REGION") ? "cn-north-4" : "http://127.0.0.1:9");
    }

    CliRun.Result result = cli.run(args);

    assertThat(result.code()).isEqualTo(5);
    assertThat(result.err()).contains("; try again later, or " + hint + ";");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "MODELARTS_ADAPTER, bogus, 'error: adapter must be one of [fixtures, http], but was \"bogus\"'",
    "MODELARTS_VERBOSE, maybe, 'error: verbose must be true/false, yes/no, 1/0 or on/off, but was"
        + " \"maybe\"'",
    "MODELARTS_ENDPOINT, http://stand-in.invalid, 'error: endpoint must use https'"
  })
  void badValueFromTheEnvironmentIsNamedWithItsVariable(
      String variable, String value, String start) {
    CliRun cli =
        new CliRun()
            .env(variable, value)
            .env("MODELARTS_AUTH_TOKEN", "t")
            .env("HUAWEICLOUD_SDK_PROJECT_ID", "0123456789abcdef0123456789abcdef");
    String[] args = {"job-info", "--job-id", "10", "--version-id", "10"};
    if (variable.equals("MODELARTS_ENDPOINT")) {
      args = append(args, "--adapter=http");
    }

    CliRun.Result result = cli.run(args);

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .startsWith(start)
        .contains(" (from " + variable + "); see 'modelarts-jobs --help'")
        .hasLineCount(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"yes", "1", "on", "TRUE"})
  void verboseVariableAcceptsEachWordTheHelpNames(String word) {
    InMemoryPort port = new InMemoryPort().answer(10, 99, new IllegalStateException("boom"));

    CliRun.Result result =
        new CliRun(port)
            .env("MODELARTS_VERBOSE", word)
            .run("job-info", "--job-id", "10", "--version-id", "99");

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).contains("\tat ");
  }

  @Test
  void notFoundOnTheFixturesAdapterPointsAtTheFixturesFolder() {
    InMemoryPort port = new InMemoryPort();

    CliRun.Result result = new CliRun(port).run("versions", "--job-id", "77");

    assertThat(result.code()).isEqualTo(3);
    assertThat(result.err())
        .isEqualTo(
            "error: training job 77 not found; check the job id and the folder given with"
                + " --fixtures\n");
  }

  @Test
  void stackTraceOnlyWithVerbose() {
    InMemoryPort port = new InMemoryPort().answer(10, 99, new IllegalStateException("boom"));
    String[] args = {"job-info", "--job-id", "10", "--version-id", "99"};

    CliRun.Result quiet = new CliRun(port).run(args);
    CliRun.Result verboseFlag = new CliRun(port).run(append(args, "--verbose"));
    CliRun.Result verboseEnv = new CliRun(port).env("MODELARTS_VERBOSE", "true").run(args);

    assertThat(quiet.err()).hasLineCount(1).doesNotContain("\tat ");
    assertThat(verboseFlag.err())
        .startsWith("error: unexpected IllegalStateException: boom;")
        .contains("java.lang.IllegalStateException: boom", "\tat ");
    assertThat(verboseEnv.err()).contains("\tat ");
  }

  @Test
  void verboseFlagIsHonouredForAConfigFileThatCannotBeRead() {
    CliRun.Result result =
        new CliRun()
            .run("--verbose", "--config", "/no/such/file.properties", "versions", "--job-id", "1");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .startsWith(
            "error: cannot read config file /no/such/file.properties: it does not exist;"
                + " check the path given by --config\n")
        .contains("NoSuchFileException");
  }

  private static String[] append(String[] args, String arg) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = arg;
    return all;
  }
}
