package io.github.modelartsjobs.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.modelartsjobs.core.domain.JobStatus;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.error.ErrorContext;
import io.github.modelartsjobs.core.error.ServiceUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code wait} on a fake clock: polls, progress lines, outcomes and their exit codes. */
class WaitCommandTest {

  private static TrainingJob at(JobStatus status) {
    return SampleJobs.withStatus(10, 10, status);
  }

  private static final String[] WAIT = {"wait", "--job-id", "10", "--version-id", "10"};

  private static String[] waitWith(String... more) {
    String[] all = java.util.Arrays.copyOf(WAIT, WAIT.length + more.length);
    System.arraycopy(more, 0, all, WAIT.length, more.length);
    return all;
  }

  @Test
  void inAPipeEachStatusChangeIsOneLineAndSuccessExitsZero() {
    InMemoryPort port =
        new InMemoryPort()
            .answer(
                10,
                10,
                at(JobStatus.WAITING),
                at(JobStatus.RUNNING),
                at(JobStatus.RUNNING),
                at(JobStatus.COMPLETED));
    CliRun cli = new CliRun(port);

    CliRun.Result result = cli.run(waitWith("--interval", "10s"));

    assertThat(result.code()).isZero();
    assertThat(result.out().lines())
        .containsExactly(
            "2024-05-01 10:00:00 UTC  JOBSTAT_WAITING (7), active  (after 0s)",
            "2024-05-01 10:00:10 UTC  JOBSTAT_RUNNING (8), active  (after 10s)",
            "2024-05-01 10:00:47 UTC  JOBSTAT_COMPLETED (10), succeeded  (after 47s)",
            "training job 10 version 10 succeeded: JOBSTAT_COMPLETED (10), succeeded"
                + " (waited 47s)");
    assertThat(result.err()).isEmpty();
    assertThat(port.reads()).isEqualTo(4);
  }

  @Test
  void intervalSetsTheFirstPauseAndLaterOnesGrow() {
    InMemoryPort port =
        new InMemoryPort()
            .answer(10, 10, at(JobStatus.RUNNING), at(JobStatus.RUNNING), at(JobStatus.COMPLETED));
    CliRun cli = new CliRun(port);

    cli.run(waitWith("--interval", "90s"));

    assertThat(cli.time.sleeps()).containsExactly(Duration.ofSeconds(90), Duration.ofSeconds(90));
  }

  @Test
  void withoutIntervalTheFirstPauseIsFiveSeconds() {
    InMemoryPort port =
        new InMemoryPort().answer(10, 10, at(JobStatus.RUNNING), at(JobStatus.COMPLETED));
    CliRun cli = new CliRun(port);

    cli.run(WAIT);

    assertThat(cli.time.sleeps()).containsExactly(Duration.ofSeconds(5));
  }

  @ParameterizedTest(name = "{0} exits 7")
  @CsvSource({
    "11, 'training job 10 version 10 failed: JOBSTAT_FAILED (11), failed (waited 5s)'",
    "12, 'training job 10 version 10 was canceled: JOBSTAT_KILLED (12), canceled (waited 5s)'",
    "3, 'training job 10 version 10 failed: JOBSTAT_IMAGE_FAILED (3), failed (waited 5s)'"
  })
  void failedOrCanceledExitsSeven(int code, String lastLine) {
    InMemoryPort port =
        new InMemoryPort().answer(10, 10, at(JobStatus.RUNNING), at(JobStatus.of(code)));

    CliRun.Result result = new CliRun(port).run(WAIT);

    assertThat(result.code()).isEqualTo(7);
    assertThat(result.out().lines()).last().isEqualTo(lastLine);
    assertThat(result.err()).isEmpty();
  }

  @Test
  void timeoutExitsEightWithTheLastStatus() {
    InMemoryPort port = new InMemoryPort().answer(10, 10, at(JobStatus.RUNNING));
    CliRun cli = new CliRun(port);

    CliRun.Result result = cli.run(waitWith("--timeout", "1m", "--interval", "10s"));

    assertThat(result.code()).isEqualTo(8);
    assertThat(result.err())
        .isEqualTo(
            "error: training job 10 version 10 did not end within 1m; last status"
                + " JOBSTAT_RUNNING (8), active; try a longer --timeout\n");
    assertThat(cli.time.sleeps().stream().reduce(Duration.ZERO, Duration::plus))
        .isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void defaultTimeoutAllowsADay() {
    InMemoryPort port = new InMemoryPort().answer(10, 10, at(JobStatus.RUNNING));
    CliRun cli = new CliRun(port);

    CliRun.Result result = cli.run(WAIT);

    assertThat(result.code()).isEqualTo(8);
    assertThat(result.err()).contains("did not end within 1d;");
    assertThat(cli.time.sleeps().stream().reduce(Duration.ZERO, Duration::plus))
        .isEqualTo(Duration.ofDays(1));
  }

  @Test
  void isoDurationsAreAccepted() {
    InMemoryPort port = new InMemoryPort().answer(10, 10, at(JobStatus.RUNNING));
    CliRun cli = new CliRun(port);

    CliRun.Result result = cli.run(waitWith("--timeout", "PT1M30S", "--interval", "PT30S"));

    assertThat(result.code()).isEqualTo(8);
    assertThat(result.err()).contains("did not end within 1m 30s;");
    assertThat(cli.time.sleeps().get(0)).isEqualTo(Duration.ofSeconds(30));
  }

  @ParameterizedTest(name = "--timeout {0}")
  @CsvSource({
    "10x, must be a duration such as 90s, 15m, 6h or PT1M30S, but was '10x'",
    "0s, must be more than zero, but was '0s'",
    "-5s, must be a duration such as 90s, 15m, 6h or PT1M30S, but was '-5s'"
  })
  void badDurationsAreUsageErrors(String value, String message) {
    CliRun.Result result = new CliRun(new InMemoryPort()).run(waitWith("--timeout", value));

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("--timeout", message).hasLineCount(1);
  }

  @Test
  void onATerminalOneLiveLineShowsStatusElapsedAndTimeSinceTheLastChange() {
    InMemoryPort port =
        new InMemoryPort()
            .answer(10, 10, at(JobStatus.WAITING), at(JobStatus.RUNNING), at(JobStatus.COMPLETED));
    CliRun cli = new CliRun(port).interactive(true);

    CliRun.Result result = cli.run(waitWith("--interval", "3s"));

    assertThat(result.code()).isZero();
    String[] lines = result.out().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0])
        .startsWith("\rJOBSTAT_WAITING (7), active  elapsed 0s  unchanged for 0s")
        .contains("\rJOBSTAT_WAITING (7), active  elapsed 2s  unchanged for 2s")
        .contains("\rJOBSTAT_RUNNING (8), active  elapsed 3s  unchanged for 0s")
        .contains("\rJOBSTAT_RUNNING (8), active  elapsed 5s  unchanged for 2s")
        .endsWith("\rJOBSTAT_COMPLETED (10), succeeded  elapsed 7s  unchanged for 0s");
    assertThat(lines[1])
        .isEqualTo(
            "training job 10 version 10 succeeded: JOBSTAT_COMPLETED (10), succeeded"
                + " (waited 7s)");
    assertThat(cli.time.sleeps()).allMatch(d -> d.compareTo(Duration.ofSeconds(1)) <= 0);
  }

  @Test
  void liveLineOverwritesLeftoversOfALongerLine() {
    InMemoryPort port =
        new InMemoryPort()
            .answer(
                10, 10, at(JobStatus.IMAGE_CREATING), at(JobStatus.INIT), at(JobStatus.COMPLETED));

    CliRun.Result result = new CliRun(port).interactive(true).run(waitWith("--interval", "1s"));

    java.util.List<String> frames = java.util.List.of(result.out().split("\n")[0].split("\r"));
    int firstInit = 0;
    while (!frames.get(firstInit).startsWith("JOBSTAT_INIT")) {
      firstInit++;
    }
    String longer = frames.get(firstInit - 1);
    String shorter = frames.get(firstInit);
    assertThat(longer).startsWith("JOBSTAT_IMAGE_CREATING");
    assertThat(shorter).startsWith("JOBSTAT_INIT").hasSameSizeAs(longer).endsWith(" ");
  }

  @Test
  void transientFailuresWarnOnStderrAndTheWaitGoesOn() {
    ServiceUnavailableException unavailable =
        new ServiceUnavailableException(
            "3 attempts failed", ErrorContext.forVersion(10, 10).withHttpStatus(503), null);
    InMemoryPort port = new InMemoryPort().answer(10, 10, unavailable, at(JobStatus.COMPLETED));

    CliRun.Result result = new CliRun(port).run(WAIT);

    assertThat(result.code()).isZero();
    assertThat(result.err())
        .isEqualTo(
            "warning: service unavailable for training job 10 version 10 (HTTP 503):"
                + " 3 attempts failed; next poll in 5s\n");
  }

  @Test
  void onATerminalATransientFailureShowsInTheLiveLine() {
    ServiceUnavailableException unavailable =
        new ServiceUnavailableException(
            "3 attempts failed", ErrorContext.forVersion(10, 10).withHttpStatus(503), null);
    InMemoryPort port = new InMemoryPort().answer(10, 10, unavailable, at(JobStatus.COMPLETED));

    CliRun.Result result = new CliRun(port).interactive(true).run(WAIT);

    assertThat(result.out())
        .startsWith(
            "\rwaiting for the first answer  elapsed 0s  (last poll failed, next poll in 5s)");
    assertThat(result.err()).isEmpty();
  }

  private static ServiceUnavailableException unavailable() {
    return new ServiceUnavailableException(
        "3 attempts failed", ErrorContext.forVersion(10, 10).withHttpStatus(503), null);
  }

  @Test
  void timeoutWithEveryPollFailingExitsFiveNamingTheLastErrorAndTheEndpoint() {
    InMemoryPort port = new InMemoryPort().answer(10, 10, unavailable());
    CliRun cli = new CliRun(port).env("MODELARTS_ENDPOINT", "http://127.0.0.1:9");

    CliRun.Result result =
        cli.run(waitWith("--adapter", "http", "--timeout", "1m", "--interval", "10s"));

    assertThat(result.code()).isEqualTo(5);
    assertThat(result.err().lines())
        .last()
        .isEqualTo(
            "error: no poll read training job 10 version 10 within 1m; the last poll failed:"
                + " service unavailable for training job 10 version 10 (HTTP 503): 3 attempts"
                + " failed; check that the service is up and that MODELARTS_ENDPOINT is right;"
                + " --verbose shows each attempt");
    assertThat(result.err().lines().filter(l -> l.startsWith("warning: "))).isNotEmpty();
  }

  @Test
  void timeoutWithEveryPollFailingOnFixturesPointsAtTheFixtureFile() {
    InMemoryPort port = new InMemoryPort().answer(10, 10, unavailable());

    CliRun.Result result = new CliRun(port).run(waitWith("--timeout", "1m"));

    assertThat(result.code()).isEqualTo(5);
    assertThat(result.err().lines())
        .last()
        .asString()
        .endsWith("; check the fixture file 10/10.json in the folder given with --fixtures")
        .doesNotContain("--endpoint");
  }

  @Test
  void timeoutAfterAPollReadTheVersionStillExitsEight() {
    InMemoryPort port = new InMemoryPort().answer(10, 10, at(JobStatus.RUNNING), unavailable());

    CliRun.Result result =
        new CliRun(port).run(waitWith("--adapter", "http", "--timeout", "1m", "--interval", "10s"));

    assertThat(result.code()).isEqualTo(8);
    assertThat(result.err().lines())
        .last()
        .isEqualTo(
            "error: training job 10 version 10 did not end within 1m; last status"
                + " JOBSTAT_RUNNING (8), active; last poll failed: service unavailable for"
                + " training job 10 version 10 (HTTP 503): 3 attempts failed; try a longer"
                + " --timeout");
  }

  @Test
  void aPauseUnderASecondBeforeTheTimeoutIsShownToTheMillisecondNotAsZero() {
    InMemoryPort port = new InMemoryPort().answer(10, 10, unavailable());

    CliRun.Result result =
        new CliRun(port)
            .run(waitWith("--adapter", "http", "--timeout", "5500ms", "--interval", "5s"));

    assertThat(result.err().lines().filter(l -> l.startsWith("warning: ")))
        .extracting(l -> l.substring(l.lastIndexOf("; ") + 2))
        .containsExactly("next poll in 5s", "next poll in 0.5s");
    assertThat(result.err()).doesNotContain("next poll in 0s");
  }

  @Test
  void onATerminalTheLiveLineDropsTheNextPollWhenTheWaitEnds() {
    InMemoryPort port = new InMemoryPort().answer(10, 10, unavailable());

    CliRun.Result result =
        new CliRun(port)
            .interactive(true)
            .run(waitWith("--adapter", "http", "--timeout", "10s", "--interval", "5s"));

    String[] frames = result.out().split("\n")[0].split("\r");
    assertThat(frames[frames.length - 1].stripTrailing())
        .isEqualTo("waiting for the first answer  elapsed 10s  (last poll failed)");
    assertThat(result.code()).isEqualTo(5);
  }

  @Test
  void waitHelpSaysWhenTheExitCodeIsFiveAndWhenEight() {
    CliRun.Result result = new CliRun().run("wait", "--help");

    assertThat(result.out())
        .containsPattern("(?m)^\\s+5\\s+service unavailable")
        .contains("(wait: also when no poll could read the version before the timeout)")
        .containsPattern(
            "(?m)^\\s+8\\s+wait: the version was read, but the timeout passed before it ended");
  }

  @Test
  void aVersionThatDoesNotExistEndsTheWaitWithExitThree() {
    CliRun.Result result = new CliRun(new InMemoryPort()).run(WAIT);

    assertThat(result.code()).isEqualTo(3);
    assertThat(result.err())
        .startsWith("error: training job 10 version 10 not found;")
        .hasLineCount(1);
  }
}
