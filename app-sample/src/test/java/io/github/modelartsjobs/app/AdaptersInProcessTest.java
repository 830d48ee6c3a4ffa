package io.github.modelartsjobs.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.modelartsjobs.codec.JobJsonCodec;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.error.ErrorContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
