package io.github.modelartsjobs.core.usecase;

import io.github.modelartsjobs.core.domain.JobStatus;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.error.ModelArtsException;
import java.time.Duration;
import java.util.Optional;

/**
 * Told what a {@link JobWaiter} sees. Called on the waiting thread; a listener that throws ends the
 * wait with its exception.
 */
public interface WaitListener {

  /** A listener that ignores everything. */
  WaitListener NONE = (previous, current, job) -> {};

  /**
   * The status of the version changed; called once per change, the first time with an empty {@code
   * previous}.
   *
   * @param previous the status seen before, or empty at the first poll
   * @param current the status now
   * @param job the version as read at this poll
   */
  void onStatusChange(Optional<JobStatus> previous, JobStatus current, TrainingJob job);

  /**
   * A poll read the version; called at every poll, changed or not.
   *
   * @param job the version as read
   */
  default void onPoll(TrainingJob job) {}

  /**
   * A poll failed with a transient error (throttled or unavailable); the wait goes on.
   *
   * @param error the error
   * @param nextPollIn the wait before the next poll
   */
  default void onTransientError(ModelArtsException error, Duration nextPollIn) {}
}
