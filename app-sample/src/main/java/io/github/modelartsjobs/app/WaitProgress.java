package io.github.modelartsjobs.app;

import io.github.modelartsjobs.core.domain.JobStatus;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.error.ModelArtsException;
import io.github.modelartsjobs.core.usecase.Sleeper;
import io.github.modelartsjobs.core.usecase.WaitListener;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Shows a wait as it goes.
 *
 * <p>On a terminal ({@code live}) it keeps one line, rewritten in place with a carriage return at
 * every poll and every second in between: the status with its class, the time since the wait began,
 * and the time since the status last changed. Elsewhere (a pipe, a file) it writes one line per
 * status change, starting with the time in UTC, so that a log reads as a history. A poll that fails
 * with a transient error shows in the live line, or as a {@code warning:} line on stderr.
 */
final class WaitProgress implements WaitListener {

  private static final Duration TICK = Duration.ofSeconds(1);

  private final PrintStream out;
  private final PrintStream warnings;
  private final Clock clock;
  private final boolean live;
  private final Instant start;
  private Instant lastChange;
  private JobStatus status;
  private String note = "";
  private int shownWidth;

  /**
   * Starts showing a wait that begins now.
   *
   * @param out where the status goes
   * @param warnings where transient failures go when not live
   * @param clock the clock of the wait
   * @param live whether {@code out} is a terminal
   */
  WaitProgress(PrintStream out, PrintStream warnings, Clock clock, boolean live) {
    this.out = out;
    this.warnings = warnings;
    this.clock = clock;
    this.live = live;
    this.start = clock.instant();
  }

  @Override
  public void onStatusChange(Optional<JobStatus> previous, JobStatus current, TrainingJob job) {
    Instant now = clock.instant();
    lastChange = now;
    status = current;
    if (live) {
      refresh();
    } else {
      out.println(
          Formats.instantSeconds(now)
              + "  "
              + Formats.status(current)
              + "  (after "
              + Formats.durationSeconds(Duration.between(start, now))
              + ")");
      out.flush();
    }
  }

  @Override
  public void onPoll(TrainingJob job) {
    note = "";
    boolean unchanged = status != null && job.status().filter(status::equals).isPresent();
    if (live && unchanged) {
      refresh();
    }
  }

  @Override
  public void onTransientError(ModelArtsException error, Duration nextPollIn) {
    String next = "next poll in " + pause(nextPollIn);
    if (live) {
      note = "  (last poll failed, " + next + ")";
      refresh();
    } else {
      warnings.println("warning: " + Formats.oneLine(error.getMessage()) + "; " + next);
      warnings.flush();
    }
  }

  /**
   * The sleeper for the waiter: on a terminal it sleeps a second at a time and refreshes the live
   * line in between, so the clocks on it move; elsewhere it is the given sleeper.
   *
   * @param sleeper the sleeper that really waits
   * @return the sleeper to hand the waiter
   */
  Sleeper ticking(Sleeper sleeper) {
    if (!live) {
      return sleeper;
    }
    return duration -> {
      Duration remaining = duration;
      while (remaining.compareTo(Duration.ZERO) > 0) {
        Duration slice = remaining.compareTo(TICK) < 0 ? remaining : TICK;
        sleeper.sleep(slice);
        remaining = remaining.minus(slice);
        refresh();
      }
    };
  }

  /**
   * A pause to the whole second, such as {@code 5s}; one under a second to the millisecond, rounded
   * up, such as {@code 0.4s}, so that a pause is never shown as {@code 0s}.
   */
  private static String pause(Duration pause) {
    if (pause.compareTo(TICK) >= 0) {
      return Formats.durationSeconds(pause);
    }
    long millis = pause.toMillis() + (pause.minusMillis(pause.toMillis()).isZero() ? 0 : 1);
    return Formats.duration(Duration.ofMillis(Math.max(1, millis)));
  }

  /**
   * Ends the live line, so that what follows starts on a line of its own. A failure noted on it
   * loses its "next poll in", since no poll follows.
   */
  void finish() {
    if (live && shownWidth > 0) {
      if (!note.isEmpty()) {
        note = "  (last poll failed)";
        refresh();
      }
      out.println();
      out.flush();
      shownWidth = 0;
    }
  }

  private void refresh() {
    Instant now = clock.instant();
    StringBuilder line = new StringBuilder();
    if (status == null) {
      line.append("waiting for the first answer");
    } else {
      line.append(Formats.status(status));
    }
    line.append("  elapsed ").append(Formats.durationSeconds(Duration.between(start, now)));
    if (lastChange != null) {
      line.append("  unchanged for ")
          .append(Formats.durationSeconds(Duration.between(lastChange, now)));
    }
    line.append(note);

    int pad = Math.max(0, shownWidth - line.length());
    out.print("\r" + line + " ".repeat(pad));
    out.flush();
    shownWidth = line.length();
  }
}
