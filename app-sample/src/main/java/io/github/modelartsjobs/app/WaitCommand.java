package io.github.modelartsjobs.app;

import io.github.modelartsjobs.core.domain.JobVersionRef;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.error.ErrorContext;
import io.github.modelartsjobs.core.error.ModelArtsException;
import io.github.modelartsjobs.core.port.JobDetailsPort;
import io.github.modelartsjobs.core.usecase.JobWaiter;
import io.github.modelartsjobs.core.usecase.WaitOptions;
import io.github.modelartsjobs.core.usecase.WaitResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code wait}: polls one version until its status is terminal, with the core {@link JobWaiter}
 * (intervals growing from {@code --interval} by 1.5 times up to a minute, throttled and unavailable
 * answers riding through). Exits 0 when the version succeeded, 7 when it failed or was canceled, 8
 * when the timeout passed first, and 5 when it passed without any poll having read the version (the
 * service was unreachable or unavailable all along).
 *
 * <p>With {@code --output table} the progress and the outcome go to stdout; with {@code json} they
 * go to stderr, and stdout receives the version as last read, as one JSON object.
 */
@Command(
    name = "wait",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Polls a training job version until it succeeds, fails or is canceled.",
      "On a terminal one live line shows the status, the time elapsed and the time since the"
          + " status last changed; in a pipe one line per status change.",
      "DURATION reads like 90s, 15m, 6h, 2d or PT1H30M."
    })
final class WaitCommand implements Callable<Integer> {

  private final RootCommand root;

  @Mixin VersionOptions version;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = Durations.class,
      description = "how long to wait in all (default 1d)")
  Duration timeout;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      converter = Durations.class,
      description = "the first wait between polls; later ones grow up to 1m (default 5s)")
  Duration interval;

  WaitCommand(RootCommand root) {
    this.root = root;
  }

  @Override
  public Integer call() {
    JobVersionRef ref = version.ref();
    WaitOptions options = WaitOptions.defaults();
    if (timeout != null) {
      options = options.withTimeout(timeout);
    }
    if (interval != null) {
      options = options.withInitialInterval(interval);
    }
    Printer printer = root.printer();
    boolean json = printer.format() == OutputFormat.JSON;
    PrintStream progressOut = json ? root.err() : root.out();
    RunContext context = root.context();

    WaitResult result;
    try (JobDetailsPort port = root.openPort()) {
      WaitProgress progress =
          new WaitProgress(progressOut, root.err(), context.clock(), context.interactive());
      JobWaiter waiter = new JobWaiter(port, context.clock(), progress.ticking(context.sleeper()));
      try {
        result = waiter.waitFor(ref, options, progress);
      } finally {
        progress.finish();
      }
    }

    if (json) {
      result.lastSeen().ifPresent(printer::job);
    }
    return report(ref, options.timeout(), result, progressOut);
  }

  private int report(JobVersionRef ref, Duration limit, WaitResult result, PrintStream out) {
    String subject = "training " + ref;
    String status = result.lastSeen().flatMap(TrainingJob::status).map(Formats::status).orElse("");
    String waited = " (waited " + Formats.durationSeconds(result.elapsed()) + ")";
    switch (result.outcome()) {
      case SUCCEEDED -> {
        out.println(subject + " succeeded: " + status + waited);
        return ExitCodes.OK;
      }
      case FAILED, CANCELED -> {
        String how =
            result.outcome() == WaitResult.Outcome.FAILED ? " failed: " : " was canceled: ";
        out.println(subject + how + status + waited);
        return ExitCodes.JOB_FAILED;
      }
      default -> {
        if (result.lastSeen().isEmpty()) {
          return reportUnreachable(ref, limit, result);
        }
        StringBuilder line = new StringBuilder("error: ").append(subject);
        line.append(" did not end within ").append(Formats.duration(limit));
        if (!status.isEmpty()) {
          line.append("; last status ").append(status);
        }
        result
            .lastError()
            .ifPresent(e -> line.append("; last poll failed: ").append(e.getMessage()));
        line.append("; try a longer --timeout");
        root.err().println(Formats.oneLine(line.toString()));
        return ExitCodes.WAIT_TIMED_OUT;
      }
    }
  }

  /** A wait that timed out without any poll having read the version: the service is the issue. */
  private int reportUnreachable(JobVersionRef ref, Duration limit, WaitResult result) {
    StringBuilder line = new StringBuilder("error: no poll read training ").append(ref);
    line.append(" within ").append(Formats.duration(limit));
    ErrorContext context = ErrorContext.forVersion(ref.jobId(), ref.versionId());
    if (result.lastError().isPresent()) {
      ModelArtsException last = result.lastError().get();
      context = last.context();
      line.append("; the last poll failed: ").append(last.getMessage());
    }
    line.append("; ").append(Failures.unreachable(root.settings(), context));
    root.err().println(Formats.oneLine(line.toString()));
    return ExitCodes.UNAVAILABLE;
  }
}
