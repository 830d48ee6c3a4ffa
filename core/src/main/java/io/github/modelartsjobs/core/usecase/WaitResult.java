package io.github.modelartsjobs.core.usecase;

import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.error.ModelArtsException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a wait ended.
 *
 * @param outcome succeeded, failed, canceled, or timed out
 * @param lastSeen the version as last read, or empty when no poll succeeded
 * @param elapsed the time from the start of the wait to its end, by the waiter's clock
 * @param polls the number of polls that read the version
 * @param lastError the last transient error met, or empty
 */
public record WaitResult(
    Outcome outcome,
    Optional<TrainingJob> lastSeen,
    Duration elapsed,
    int polls,
    Optional<ModelArtsException> lastError) {

  /** Checks that no component is null. */
  public WaitResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(lastSeen, "lastSeen");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(lastError, "lastError");
  }

  /** How a wait ended. */
  public enum Outcome {
    /** The version reached a terminal status of class succeeded. */
    SUCCEEDED,
    /** The version reached a terminal status of class failed. */
    FAILED,
    /** The version reached a terminal status of class canceled. */
    CANCELED,
    /** The timeout passed before the version reached a terminal status. */
    TIMED_OUT
  }
}
