package io.github.modelartsjobs.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, run as a real process, against a loopback stand-in for the service that checks
 * the AK/SK signature of every request.
 */
class HttpProcessIT {

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

  /** The process, pointed at the stand-in with AK/SK credentials, and quick retries. */
  private CliProcess cli() throws Exception {
    Path config = dir.resolve("fast-retries.properties");
    Files.writeString(
        config,
        "retry-max-attempts=2\nretry-initial-backoff=10ms\nretry-max-backoff=20ms\n"
            + "call-timeout=20s\n");
    return new CliProcess(dir)
        .env("MODELARTS_ADAPTER", "http")
        .env("MODELARTS_ENDPOINT", service.endpoint())
        .env("HUAWEICLOUD_SDK_PROJECT_ID", LoopbackService.PROJECT)
        .env("HUAWEICLOUD_SDK_AK", LoopbackService.AK)
        .env("HUAWEICLOUD_SDK_SK", LoopbackService.SK)
        .env("MODELARTS_CONFIG", config.toString());
  }

  private static String[] jobInfo(long versionId, String... more) {
    String[] base = {"job-info", "--job-id", "10", "--version-id", Long.toString(versionId)};
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void signedRequestShowsTheJob() throws Exception {
    service.signed(LoopbackService.versionPath(10, 10), 200, LoopbackService.bundled("10/10.json"));

    CliRun.Result result = cli().run(jobInfo(10));

    assertThat(result.err()).isEmpty();
    assertThat(result.code()).isZero();
    assertThat(result.out())
        .startsWith("Job          TestModelArtsJob (id 10)\n")
        .contains("JOBSTAT_COMPLETED (10), succeeded");
    assertThat(service.requests()).isEqualTo(1);
  }

  @Test
  void versionsOverHttpAsJson() throws Exception {
    service.signed(
        LoopbackService.versionsPath(10), 200, LoopbackService.bundled("10/versions.json"));

    CliRun.Result result = cli().run("versions", "--job-id", "10", "--output", "json");

    assertThat(result.code()).isZero();
    assertThat(JsonOutputTest.elementsOf(result.out())).hasSize(2);
  }

  @Test
  void tokenInsteadOfAkSk() throws Exception {
    service.withToken(
        LoopbackService.versionPath(10, 10), 200, LoopbackService.bundled("10/10.json"));

    CliRun.Result result =
        new CliProcess(dir)
            .env("MODELARTS_AUTH_TOKEN", LoopbackService.TOKEN)
            .run(
                "--adapter",
                "http",
                "--endpoint",
                service.endpoint(),
                "--project-id",
                LoopbackService.PROJECT,
                "job-info",
                "--job-id",
                "10",
                "--version-id",
                "10");

    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("TestModelArtsJob");
  }

  @Test
  void wrongSecretKeyExitsFourWithoutPrintingAnySecret() throws Exception {
    service.signed(LoopbackService.versionPath(10, 10), 200, LoopbackService.bundled("10/10.json"));

    CliRun.Result result =
        cli()
            .env("HUAWEICLOUD_SDK_SK", "SKwrongSecretValue0000000000000000000000")
            .run(jobInfo(10));

    assertThat(result.code()).isEqualTo(4);
    assertThat(result.err())
        .startsWith(
            "error: authentication failed for training job 10 version 10 (APIGW.0301, HTTP 401")
        .contains("check HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK")
        .hasLineCount(1)
        .doesNotContain("SKwrong");
  }

  @Test
  void forbiddenExitsFour() throws Exception {
    service.signed(
        LoopbackService.versionPath(10, 10),
        403,
        "{\"is_success\":false,\"error_code\":\"ModelArts.0108\","
            + "\"error_message\":\"not allowed\"}");

    CliRun.Result result = cli().run(jobInfo(10));

    assertThat(result.code()).isEqualTo(4);
    assertThat(result.err()).startsWith("error: permission denied for training job 10 version 10");
  }

  @Test
  void notFoundAsTheServiceSendsItExitsThree() throws Exception {
    service.signed(
        LoopbackService.versionPath(10, 99),
        400,
        "{\"is_success\":false,\"error_code\":\"ModelArts.2775\",\"error_message\":\"not found\"}");

    CliRun.Result result = cli().run(jobInfo(99));

    assertThat(result.code()).isEqualTo(3);
    assertThat(result.err())
        .startsWith("error: training job 10 version 99 not found (ModelArts.2775, HTTP 400")
        .endsWith("; check the ids with 'modelarts-jobs versions --job-id 10'\n");
  }

  @Test
  void unavailableAfterRetriesExitsFive() throws Exception {
    service.signed(LoopbackService.versionPath(10, 10), 503, "<html>busy</html>");

    CliRun.Result result = cli().run(jobInfo(10));

    assertThat(result.code()).isEqualTo(5);
    assertThat(result.err())
        .startsWith("error: service unavailable for training job 10 version 10")
        .hasLineCount(1);
    assertThat(service.requests()).isEqualTo(2);
  }

  @Test
  void bodyThatIsNotJsonExitsSix() throws Exception {
    service.signed(LoopbackService.versionPath(10, 10), 200, "<html>portal</html>");

    CliRun.Result result = cli().run(jobInfo(10));

    assertThat(result.code()).isEqualTo(6);
    assertThat(result.err())
        .startsWith("error: invalid response for training job 10 version 10")
        .endsWith(
            "; check that MODELARTS_ENDPOINT points at the ModelArts service;"
                + " --verbose shows more\n");
  }

  @Test
  void rejectedRequestExitsOne() throws Exception {
    service.signed(
        LoopbackService.versionPath(10, 10),
        400,
        "{\"is_success\":false,\"error_code\":\"ModelArts.0104\",\"error_message\":\"bad arg\"}");

    CliRun.Result result = cli().run(jobInfo(10));

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).startsWith("error: request rejected for training job 10 version 10");
  }

  @Test
  void waitWhileTheServiceIsDownAllAlongExitsFive() throws Exception {
    service.signed(LoopbackService.versionPath(10, 10), 503, "<html>busy</html>");

    CliRun.Result result =
        cli()
            .run(
                "wait",
                "--job-id",
                "10",
                "--version-id",
                "10",
                "--timeout",
                "1s",
                "--interval",
                "300ms");

    assertThat(result.code()).isEqualTo(5);
    assertThat(result.err().lines().toList())
        .last()
        .asString()
        .startsWith(
            "error: no poll read training job 10 version 10 within 1s; the last poll failed:"
                + " service unavailable for training job 10 version 10")
        .endsWith(
            "; check that the service is up and that MODELARTS_ENDPOINT is right;"
                + " --verbose shows each attempt");
    assertThat(result.err()).doesNotContain("next poll in 0s");
  }

  @Test
  void waitOverHttpEndsWithTheTerminalStatus() throws Exception {
    service.signed(LoopbackService.versionPath(10, 10), 200, LoopbackService.bundled("10/10.json"));

    CliRun.Result result = cli().run("wait", "--job-id", "10", "--version-id", "10");

    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("succeeded: JOBSTAT_COMPLETED (10), succeeded");
  }

  @Test
  void verboseShowsAdapterDebugLinesButNoSecret() throws Exception {
    service.signed(LoopbackService.versionPath(10, 10), 200, LoopbackService.bundled("10/10.json"));
    service.withToken(
        LoopbackService.versionPath(10, 10), 200, LoopbackService.bundled("10/10.json"));
    String wrongSk = "SKwrongSecretValue0000000000000000000000";

    CliRun.Result ok = cli().run(jobInfo(10, "--verbose"));
    CliRun.Result failed = cli().env("HUAWEICLOUD_SDK_SK", wrongSk).run(jobInfo(10, "--verbose"));
    CliRun.Result token =
        new CliProcess(dir)
            .env("MODELARTS_AUTH_TOKEN", LoopbackService.TOKEN)
            .env("HUAWEICLOUD_SDK_PROJECT_ID", LoopbackService.PROJECT)
            .run(jobInfo(10, "--verbose", "--adapter", "http", "--endpoint", service.endpoint()));

    assertThat(ok.code()).isZero();
    assertThat(ok.err()).contains("DEBUG");
    assertThat(failed.code()).isEqualTo(4);
    assertThat(failed.err()).contains("DEBUG", "\tat ");
    assertThat(token.code()).isZero();
    String signature =
        SdkSignature.parseAuthorization(
                service.server().getAllServeEvents().stream()
                    .map(e -> e.getRequest().getHeader("Authorization"))
                    .filter(a -> a != null && a.contains(LoopbackService.AK))
                    .findFirst()
                    .orElseThrow())
            .get("Signature");
    for (CliRun.Result result : new CliRun.Result[] {ok, failed, token}) {
      assertThat(result.out() + result.err())
          .doesNotContain(LoopbackService.SK)
          .doesNotContain(wrongSk)
          .doesNotContain(LoopbackService.TOKEN)
          .doesNotContain(signature);
    }
  }

  @Test
  void quietByDefault() throws Exception {
    service.signed(LoopbackService.versionPath(10, 10), 200, LoopbackService.bundled("10/10.json"));

    CliRun.Result result = cli().run(jobInfo(10));

    assertThat(result.err()).isEmpty();
  }
}
