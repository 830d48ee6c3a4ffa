package io.github.modelartsjobs.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.modelartsjobs.codec.JobJsonCodec;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.error.ErrorContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The commands in-process with the real adapters found through the SPI: the fixtures adapter on the
 * bundled samples and on folders, and the HTTP adapter against the loopback stand-in.
 */
class AdaptersInProcessTest {

  @TempDir Path dir;
  private LoopbackService service;

  @BeforeEach
  void start() {
    service = new LoopbackService();
  }

  @AfterEach
  void stop() {
    service.close();
  }

  private CliRun http() {
    return new CliRun()
        .env("MODELARTS_ENDPOINT", service.endpoint())
        .env("HUAWEICLOUD_SDK_PROJECT_ID", LoopbackService.PROJECT)
        .env("HUAWEICLOUD_SDK_AK", LoopbackService.AK)
        .env("HUAWEICLOUD_SDK_SK", LoopbackService.SK);
  }

  @Test
  void bundledSamplesAreTheDefault() {
    CliRun.Result result = new CliRun().run("job-info", "--job-id", "10", "--version-id", "10");

    assertThat(result.code()).isZero();
    assertThat(result.out()).startsWith("Job          TestModelArtsJob (id 10)\n");
  }

  @Test
  void jsonFedBackAsAFixtureGivesAnEqualJob() throws Exception {
    JobJsonCodec codec = JobJsonCodec.create();
    Files.createDirectories(dir.resolve("10"));
    CliRun cli = new CliRun();

    CliRun.Result first =
        cli.run("job-info", "--job-id", "10", "--version-id", "10", "--output", "json");
    Files.writeString(dir.resolve("10/10.json"), first.out());
    CliRun.Result second =
        cli.run(
            "job-info",
            "--job-id",
            "10",
            "--version-id",
            "10",
            "--output",
            "json",
            "--fixtures",
            dir.toString());

    TrainingJob bundled =
        codec.readVersionDetails(
            LoopbackService.bundled("10/10.json").getBytes(StandardCharsets.UTF_8),
            ErrorContext.EMPTY);
    TrainingJob fedBack =
        codec.readVersionDetails(second.out().getBytes(StandardCharsets.UTF_8), ErrorContext.EMPTY);
    assertThat(second.code()).isZero();
    assertThat(fedBack).isEqualTo(bundled);
  }

  @Test
  void fixturesFolderThatDoesNotExistIsAUsageError() {
    CliRun.Result result =
        new CliRun()
            .run("--fixtures", dir.resolve("none").toString(), "versions", "--job-id", "10");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).startsWith("error: fixtures.root must be").hasLineCount(1);
  }

  @ParameterizedTest(name = "from {0}")
  @CsvSource({"--fixtures", "MODELARTS_FIXTURES", "fixtures.root"})
  void fixturesFolderThatDoesNotExistIsNamedWithWhereItWasGiven(String source) throws Exception {
    String missing = dir.resolve("none").toString();
    Path config = dir.resolve("modelarts.properties");
    Files.writeString(config, "fixtures.root=" + missing + "\n");
    CliRun cli = new CliRun();
    String[] args = {"versions", "--job-id", "10"};
    String expected = source;
    switch (source) {
      case "--fixtures" ->
          args = new String[] {"--fixtures", missing, "versions", "--job-id", "10"};
      case "MODELARTS_FIXTURES" -> cli.env(source, missing);
      default -> {
        cli.env("MODELARTS_CONFIG", config.toString());
        expected = "fixtures.root in config file " + config;
      }
    }

    CliRun.Result result = cli.run(args);

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: fixtures.root must be a folder of fixtures, but was "
                + missing
                + " (from "
                + expected
                + "); see 'modelarts-jobs --help'\n");
  }

  @Test
  void fixtureHoldingARejectionPointsAtTheFileNotAtProjectOrRegion() throws Exception {
    Files.createDirectories(dir.resolve("10"));
    Files.writeString(
        dir.resolve("10/10.json"),
        "{\"is_success\":false,\"error_code\":\"ModelArts.0104\",\"error_msg\":\"bad\"}");

    CliRun.Result result =
        new CliRun()
            .run("--fixtures", dir.toString(), "job-info", "--job-id", "10", "--version-id", "10");

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err())
        .startsWith("error: request rejected for training job 10 version 10 (ModelArts.0104)")
        .endsWith(
            "; the answer comes from the fixture file 10/10.json in the folder given with"
                + " --fixtures: check that file\n")
        .doesNotContain("--project-id", "--region");
  }

  @Test
  void iamUserWithAWrongPasswordIsToldToCheckTheIamSettings() throws Exception {
    service
        .server()
        .stubFor(
            post(urlPathEqualTo("/v3/auth/tokens"))
                .atPriority(1)
                .willReturn(
                    aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"error\":{\"code\":\"1101\",\"message\":\"The username or"
                                + " password is wrong.\",\"title\":\"Unauthorized\"}}")));
    Path config = dir.resolve("iam.properties");
    Files.writeString(config, "iam-endpoint=" + service.endpoint() + "\n");

    CliRun.Result result =
        new CliRun()
            .env("MODELARTS_ENDPOINT", service.endpoint())
            .env("HUAWEICLOUD_SDK_PROJECT_ID", LoopbackService.PROJECT)
            .env("MODELARTS_IAM_USER", "robot")
            .env("MODELARTS_IAM_PASSWORD", "wrong-Passw0rd")
            .env("MODELARTS_IAM_DOMAIN", "acme")
            .env("MODELARTS_CONFIG", config.toString())
            .run("--adapter", "http", "job-info", "--job-id", "10", "--version-id", "10");

    assertThat(result.code()).isEqualTo(4);
    assertThat(result.err())
        .startsWith("error: authentication failed")
        .endsWith(
            "; check MODELARTS_IAM_USER, MODELARTS_IAM_PASSWORD and MODELARTS_IAM_DOMAIN, and"
                + " iam-endpoint in config file "
                + config
                + "\n")
        .doesNotContain("HUAWEICLOUD_SDK_AK", "MODELARTS_AUTH_TOKEN", "wrong-Passw0rd")
        .hasLineCount(1);
  }

  @ParameterizedTest(name = "job {0}")
  @ValueSource(longs = {10, 9275})
  void everyVersionListedForABundledJobCanBeShown(long jobId) {
    CliRun cli = new CliRun();

    CliRun.Result listed = cli.run("versions", "--job-id", Long.toString(jobId));

    assertThat(listed.code()).isZero();
    Matcher row = Pattern.compile("(?m)^(\\d+) +(\\S+) +(JOBSTAT_\\w+) ").matcher(listed.out());
    int rows = 0;
    while (row.find()) {
      rows++;
      CliRun.Result shown =
          cli.run("job-info", "--job-id", Long.toString(jobId), "--version-id", row.group(1));
      assertThat(shown.code()).as("job-info of version %s", row.group(1)).isZero();
      assertThat(shown.out())
          .containsPattern("(?m)^Version +" + row.group(2) + " \\(id " + row.group(1) + "[,)]")
          .containsPattern("(?m)^Status +" + row.group(3) + " ");
    }
    assertThat(rows).isPositive();
  }

  @Test
  void httpWithSignedRequestsThroughFlags() throws Exception {
    service.signed(LoopbackService.versionPath(10, 10), 200, LoopbackService.bundled("10/10.json"));

    CliRun.Result result =
        new CliRun()
            .env("HUAWEICLOUD_SDK_AK", LoopbackService.AK)
            .env("HUAWEICLOUD_SDK_SK", LoopbackService.SK)
            .run(
                "--adapter",
                "http",
                "--endpoint",
                service.endpoint(),
                "--region",
                "cn-north-4",
                "--project-id",
                LoopbackService.PROJECT,
                "job-info",
                "--job-id",
                "10",
                "--version-id",
                "10");

    assertThat(result.err()).isEmpty();
    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("JOBSTAT_COMPLETED (10), succeeded");
  }

  @Test
  void httpWithoutCredentialsIsAUsageError() {
    CliRun.Result result =
        new CliRun()
            .env("MODELARTS_ENDPOINT", service.endpoint())
            .env("HUAWEICLOUD_SDK_PROJECT_ID", LoopbackService.PROJECT)
            .run("--adapter", "http", "job-info", "--job-id", "10", "--version-id", "10");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).startsWith("error: ").hasLineCount(1);
    assertThat(service.requests()).isZero();
  }

  @ParameterizedTest(name = "HTTP {0} {1} exits {2}")
  @CsvSource({
    "401, APIGW.0301, 4",
    "403, ModelArts.0108, 4",
    "400, ModelArts.2775, 3",
    "400, ModelArts.0104, 1",
    "200, ModelArts.0105, 1"
  })
  void serviceErrorsOverHttpHaveTheirExitCodes(int status, String code, int exit) {
    service.signed(
        LoopbackService.versionPath(10, 10),
        status,
        "{\"is_success\":false,\"error_code\":\"" + code + "\",\"error_message\":\"x\"}");

    CliRun.Result result =
        http().run("--adapter", "http", "job-info", "--job-id", "10", "--version-id", "10");

    assertThat(result.code()).isEqualTo(exit);
    assertThat(result.err()).contains(code).hasLineCount(1);
  }

  @Test
  void waitFollowsAStatusThatChangesOnTheService() throws Exception {
    String completed = LoopbackService.bundled("10/10.json");
    String running = completed.replace("\"status\": 10,", "\"status\": 8,");
    String path = LoopbackService.versionPath(10, 10);
    service
        .server()
        .stubFor(
            service
                .signedGet(path)
                .inScenario("run")
                .whenScenarioStateIs(STARTED)
                .willSetStateTo("running")
                .willReturn(aResponse().withStatus(200).withBody(running)));
    service
        .server()
        .stubFor(
            service
                .signedGet(path)
                .inScenario("run")
                .whenScenarioStateIs("running")
                .willSetStateTo("done")
                .willReturn(aResponse().withStatus(200).withBody(running)));
    service
        .server()
        .stubFor(
            service
                .signedGet(path)
                .inScenario("run")
                .whenScenarioStateIs("done")
                .willReturn(aResponse().withStatus(200).withBody(completed)));
    CliRun cli = http();

    CliRun.Result result =
        cli.run("--adapter", "http", "wait", "--job-id", "10", "--version-id", "10");

    assertThat(result.code()).isZero();
    assertThat(result.out().lines())
        .containsExactly(
            "2024-05-01 10:00:00 UTC  JOBSTAT_RUNNING (8), active  (after 0s)",
            "2024-05-01 10:00:12 UTC  JOBSTAT_COMPLETED (10), succeeded  (after 12s)",
            "training job 10 version 10 succeeded: JOBSTAT_COMPLETED (10), succeeded"
                + " (waited 12s)");
    assertThat(service.requests()).isEqualTo(3);
  }

  @Test
  void waitForAVersionThatStaysRunningTimesOut() throws Exception {
    String running =
        LoopbackService.bundled("10/10.json").replace("\"status\": 10,", "\"status\": 8,");
    service.signed(LoopbackService.versionPath(10, 10), 200, running);

    CliRun.Result result =
        http()
            .run(
                "--adapter",
                "http",
                "wait",
                "--job-id",
                "10",
                "--version-id",
                "10",
                "--timeout",
                "6h",
                "--interval",
                "15m");

    assertThat(result.code()).isEqualTo(8);
    assertThat(result.err()).startsWith("error: training job 10 version 10 did not end within 6h;");
  }
}
