package io.github.modelartsjobs.core.domain;

/**
 * The class of a {@link JobStatus}: whether a job version is still going, and how it ended.
 *
 * <p>{@link #UNKNOWN} is the class of status code 0 and of every code this library does not know;
 * it is never terminal, so a waiter keeps polling rather than reporting a false outcome.
 */
public enum StatusClass {
  /** The service does not know the state, or sent a code this library does not know. */
  UNKNOWN,
  /** Queued, initialising, running, being canceled or scaled: the version has not ended. */
  ACTIVE,
  /** Ended and did what it was asked to. */
  SUCCEEDED,
  /** Ended without doing what it was asked to. */
  FAILED,
  /** Ended because someone stopped it. */
  CANCELED;

  /**
   * Whether a version in this class has ended for good.
   *
   * @return true for succeeded, failed and canceled
   */
  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELED;
  }
}
