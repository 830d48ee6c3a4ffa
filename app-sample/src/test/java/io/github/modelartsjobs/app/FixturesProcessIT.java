package io.github.modelartsjobs.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.modelartsjobs.codec.JobJsonCodec;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.error.ErrorContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as a real process, on the bundled samples and on fixture folders. */
class FixturesProcessIT {

  @TempDir Path dir;

  private CliProcess cli() {
    return new CliProcess(dir);
  }

  private static String bundled(String path) throws IOException {
    try (InputStream in = FixturesProcessIT.class.getResourceAsStream("/fixtures/" + path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A fixtures folder holding job 10 version 10 as documented, but with another status. */
  private Path fixturesWithStatus(int status) throws IOException {
    Path root = dir.resolve("fixtures-" + status);
    Files.createDirectories(root.resolve("10"));
    String body = bundled("10/10.json").replace("\"status\": 10,", "\"status\": " + status + ",");
    assertThat(body).contains("\"status\": " + status + ",");
    Files.writeString(root.resolve("10/10.json"), body);
    return root;
  }

  @Test
  void readmeCommandShowsTheDocumentedJob() throws Exception {
    CliRun.Result result = cli().run("job-info", "--job-id", "10", "--version-id", "10");

    assertThat(result.code()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out())
        .startsWith("Job          TestModelArtsJob (id 10)\n")
        .contains("Status       JOBSTAT_COMPLETED (10), succeeded\n")
        .contains("Engine       TensorFlow TF-1.4.0-python2.7 (type 1, id 1)\n")
        .contains("  Created   2018-04-20 02:06:30.635 UTC\n", "  Duration  8m 52.003s\n")
        .contains("  CPU      2 cores, 8 GB\n")
        .contains("  cpuUsage       ▁▅█▁▁▁▁")
        .doesNotContainIgnoringCase("null");
  }

  @Test
  void realAccountPayloadIsBundledToo() throws Exception {
    CliRun.Result result = cli().run("job-info", "--job-id", "9275", "--version-id", "10617");

    assertThat(result.code()).isZero();
    assertThat(result.out())
        .startsWith("Job          billing-retest-001 (id 9275)\n")
        .contains("INNER_TensorFlow", "(type 1000")
        .contains("Model metrics per class\n", "tulips")
        .contains("Undocumented fields (values in --output json)\n")
        .doesNotContainIgnoringCase("null");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void versionsListsTheBundledJobNewestFirst() throws Exception {
    CliRun.Result result = cli().run("versions", "--job-id", "10");

    assertThat(result.code()).isZero();
    assertThat(result.out().lines().toList())
        .first()
        .isEqualTo("Job 10 TestModelArtsJob: 2 versions");
    assertThat(result.out())
        .containsPattern(
            "(?m)^10 +jobVersion +JOBSTAT_COMPLETED +2018-04-20 02:06:30 UTC +8m 52.003s")
        .containsPattern("(?m)^5 +V0001 +JOBSTAT_FAILED ");
    assertThat(result.out().indexOf("\n10 ")).isLessThan(result.out().indexOf("\n5 "));
  }

  @Test
  void jsonOfJobInfoFedBackAsAFixtureGivesAnEqualJob() throws Exception {
    JobJsonCodec codec = JobJsonCodec.create();
    Path root = dir.resolve("round-trip");
    Files.createDirectories(root.resolve("9275"));

    CliRun.Result first =
        cli().run("job-info", "--job-id", "9275", "--version-id", "10617", "--output", "json");
    Files.writeString(root.resolve("9275/10617.json"), first.out());
    CliRun.Result second =
        cli()
            .run(
                "--output",
                "json",
                "--fixtures",
                root.toString(),
                "job-info",
                "--job-id",
                "9275",
                "--version-id",
                "10617");

    assertThat(first.code()).isZero();
    assertThat(second.code()).isZero();
    TrainingJob bundled =
        codec.readVersionDetails(
            bundled("9275/10617.json").getBytes(StandardCharsets.UTF_8), ErrorContext.EMPTY);
    TrainingJob fedBack =
        codec.readVersionDetails(second.out().getBytes(StandardCharsets.UTF_8), ErrorContext.EMPTY);
    assertThat(fedBack).isEqualTo(bundled);
    assertThat(second.out()).isEqualTo(first.out());
  }

  @Test
  void versionsAsJsonIsAnArrayOfVersionObjects() throws Exception {
    CliRun.Result result = cli().env("MODELARTS_OUTPUT", "json").run("versions", "--job-id", "10");

    assertThat(result.code()).isZero();
    assertThat(JsonOutputTest.elementsOf(result.out()))
        .hasSize(2)
        .allSatisfy(v -> assertThat(v).contains("\"job_id\":10"));
  }

  @Test
  void missingVersionExitsThreeWithOneLine() throws Exception {
    CliRun.Result result = cli().run("job-info", "--job-id", "10", "--version-id", "99");

    assertThat(result.code()).isEqualTo(3);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .startsWith("error: training job 10 version 99 not found")
        .endsWith(
            "; check the ids with 'modelarts-jobs versions --job-id 10' and the folder given"
                + " with --fixtures\n")
        .hasLineCount(1);
  }

  @Test
  void usageErrorsExitTwo() throws Exception {
    CliRun.Result badId = cli().run("job-info", "--job-id", "ten", "--version-id", "10");
    CliRun.Result noCommand = cli().run();

    assertThat(badId.code()).isEqualTo(2);
    assertThat(badId.err()).startsWith("error: ").hasLineCount(1);
    assertThat(noCommand.code()).isEqualTo(2);
  }

  @Test
  void bothAdaptersAreFoundThroughTheServicesOfTheJar() throws Exception {
    CliRun.Result result =
        cli().run("--adapter", "nope", "job-info", "--job-id", "10", "--version-id", "10");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("error: adapter must be one of [fixtures, http], but was \"nope\"");
  }

  @Test
  void brokenFixtureExitsSix() throws Exception {
    Path root = dir.resolve("broken");
    Files.createDirectories(root.resolve("10"));
    Files.writeString(root.resolve("10/10.json"), "{\"job_id\": 10, \"version_id\": ");

    CliRun.Result result =
        cli()
            .env("MODELARTS_FIXTURES", root.toString())
            .run("job-info", "--job-id", "10", "--version-id", "10");

    assertThat(result.code()).isEqualTo(6);
    assertThat(result.err())
        .startsWith("error: invalid response for training job 10 version 10")
        .endsWith(
            "; check the fixture file 10/10.json in the folder given with MODELARTS_FIXTURES\n")
        .hasLineCount(1);
  }

  @Test
  void waitOnACompletedVersionReturnsAtOnceWithExitZero() throws Exception {
    CliRun.Result result = cli().run("wait", "--job-id", "10", "--version-id", "10");

    assertThat(result.code()).isZero();
    assertThat(result.out().lines())
        .hasSize(2)
        .last()
        .asString()
        .startsWith("training job 10 version 10 succeeded: JOBSTAT_COMPLETED (10), succeeded");
    assertThat(result.out()).doesNotContain("\r");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void waitOnAFailedVersionExitsSeven() throws Exception {
    Path root = fixturesWithStatus(11);

    CliRun.Result result =
        cli().run("--fixtures", root.toString(), "wait", "--job-id", "10", "--version-id", "10");

    assertThat(result.code()).isEqualTo(7);
    assertThat(result.out())
        .contains("training job 10 version 10 failed: JOBSTAT_FAILED (11), failed");
  }

  @Test
  void waitOnARunningVersionTimesOutWithExitEight() throws Exception {
    Path root = fixturesWithStatus(8);
    Instant start = Instant.now();

    CliRun.Result result =
        cli()
            .run(
                "wait",
                "--job-id",
                "10",
                "--version-id",
                "10",
                "--fixtures",
                root.toString(),
                "--timeout",
                "1s",
                "--interval",
                "200ms");

    assertThat(result.code()).isEqualTo(8);
    assertThat(result.err())
        .isEqualTo(
            "error: training job 10 version 10 did not end within 1s; last status"
                + " JOBSTAT_RUNNING (8), active; try a longer --timeout\n");
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void helpAndVersionExitZero() throws Exception {
    CliRun.Result help = cli().run("--help");
    CliRun.Result version = cli().run("--version");

    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("Exit codes:", "MODELARTS_AUTH_TOKEN");
    assertThat(version.out()).startsWith("modelarts-jobs 0.");
  }
}
