package io.github.modelartsjobs.core.domain;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The status of a training job version: a code as the service sends it (the {@code status} field),
 * its documented name and its {@link StatusClass}.
 *
 * <p>The documented codes 0 to 22 are constants. Any other code is kept with its number, in class
 * {@link StatusClass#UNKNOWN}, so that reading a job never fails on a code that the service added
 * later and a caller can still see what was sent. Instances are immutable; two statuses are equal
 * when their codes and names are equal.
 */
public final class JobStatus {

  private static final Map<Integer, JobStatus> KNOWN = new TreeMap<>();

  /** 0: the service does not know the state. Not terminal. */
  public static final JobStatus UNKNOWN = known(0, "JOBSTAT_UNKNOWN", StatusClass.UNKNOWN);

  /** 1: initialising. */
  public static final JobStatus INIT = known(1, "JOBSTAT_INIT", StatusClass.ACTIVE);

  /** 2: the image is being created. */
  public static final JobStatus IMAGE_CREATING =
      known(2, "JOBSTAT_IMAGE_CREATING", StatusClass.ACTIVE);

  /** 3: image creation failed. */
  public static final JobStatus IMAGE_FAILED = known(3, "JOBSTAT_IMAGE_FAILED", StatusClass.FAILED);

  /** 4: being submitted. */
  public static final JobStatus SUBMIT_TRYING =
      known(4, "JOBSTAT_SUBMIT_TRYING", StatusClass.ACTIVE);

  /** 5: submission failed. */
  public static final JobStatus SUBMIT_FAILED =
      known(5, "JOBSTAT_SUBMIT_FAILED", StatusClass.FAILED);

  /** 6: deletion failed. */
  public static final JobStatus DELETE_FAILED =
      known(6, "JOBSTAT_DELETE_FAILED", StatusClass.FAILED);

  /** 7: queued. */
  public static final JobStatus WAITING = known(7, "JOBSTAT_WAITING", StatusClass.ACTIVE);

  /** 8: running. */
  public static final JobStatus RUNNING = known(8, "JOBSTAT_RUNNING", StatusClass.ACTIVE);

  /** 9: being canceled; not terminal until it becomes {@link #KILLED} or {@link #CANCELED}. */
  public static final JobStatus KILLING = known(9, "JOBSTAT_KILLING", StatusClass.ACTIVE);

  /** 10: completed. */
  public static final JobStatus COMPLETED = known(10, "JOBSTAT_COMPLETED", StatusClass.SUCCEEDED);

  /** 11: the run failed. */
  public static final JobStatus FAILED = known(11, "JOBSTAT_FAILED", StatusClass.FAILED);

  /** 12: canceled (killed). */
  public static final JobStatus KILLED = known(12, "JOBSTAT_KILLED", StatusClass.CANCELED);

  /** 13: canceled. */
  public static final JobStatus CANCELED = known(13, "JOBSTAT_CANCELED", StatusClass.CANCELED);

  /** 14: lost. */
  public static final JobStatus LOST = known(14, "JOBSTAT_LOST", StatusClass.FAILED);

  /** 15: being scaled. */
  public static final JobStatus SCALING = known(15, "JOBSTAT_SCALING", StatusClass.ACTIVE);

  /** 16: model submission failed. */
  public static final JobStatus SUBMIT_MODEL_FAILED =
      known(16, "JOBSTAT_SUBMIT_MODEL_FAILED", StatusClass.FAILED);

  /** 17: service deployment failed. */
  public static final JobStatus DEPLOY_SERVICE_FAILED =
      known(17, "JOBSTAT_DEPLOY_SERVICE_FAILED", StatusClass.FAILED);

  /** 18: review initialising. */
  public static final JobStatus CHECK_INIT = known(18, "JOBSTAT_CHECK_INIT", StatusClass.ACTIVE);

  /** 19: under review. */
  public static final JobStatus CHECK_RUNNING =
      known(19, "JOBSTAT_CHECK_RUNNING", StatusClass.ACTIVE);

  /** 20: review completed. */
  public static final JobStatus CHECK_RUNNING_COMPLETED =
      known(20, "JOBSTAT_CHECK_RUNNING_COMPLETED", StatusClass.SUCCEEDED);

  /** 21: review failed. */
  public static final JobStatus CHECK_FAILED =
      known(21, "JOBSTAT_CHECK_FAILED", StatusClass.FAILED);

  /** 22: mount failed. */
  public static final JobStatus MOUNT_FAILED = known(22, "MOUNT_FAILED", StatusClass.FAILED);

  private final int code;
  private final String name;
  private final StatusClass statusClass;
  private final boolean known;

  private JobStatus(int code, String name, StatusClass statusClass, boolean known) {
    this.code = code;
    this.name = name;
    this.statusClass = statusClass;
    this.known = known;
  }

  private static JobStatus known(int code, String name, StatusClass statusClass) {
    JobStatus status = new JobStatus(code, name, statusClass, true);
    KNOWN.put(code, status);
    return status;
  }

  /**
   * The status for a code as the service sends it.
   *
   * @param code the {@code status} field
   * @return the documented constant, or an unknown status that keeps the code; never throws
   */
  public static JobStatus of(int code) {
    JobStatus status = KNOWN.get(code);
    return status != null ? status : new JobStatus(code, null, StatusClass.UNKNOWN, false);
  }

  /**
   * The status for a code and the name the service sent with it, where it sent one.
   *
   * @param code the status code
   * @param sentName the name sent alongside, or null; used only for codes this library does not
   *     know, since a documented code already has its name
   * @return the documented constant, or an unknown status keeping both code and name
   */
  public static JobStatus of(int code, String sentName) {
    JobStatus status = KNOWN.get(code);
    if (status != null || sentName == null) {
      return of(code);
    }
    return new JobStatus(code, sentName, StatusClass.UNKNOWN, false);
  }

  /**
   * Every documented status, in code order.
   *
   * @return an unmodifiable list of the constants
   */
  public static java.util.List<JobStatus> documented() {
    return java.util.List.copyOf(KNOWN.values());
  }

  /** The code as sent by the service. */
  public int code() {
    return code;
  }

  /**
   * The documented name, such as {@code JOBSTAT_RUNNING}, or the name sent with an unknown code.
   */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** The class of this status; {@link StatusClass#UNKNOWN} for codes this library does not know. */
  public StatusClass statusClass() {
    return statusClass;
  }

  /** Whether the code is one of the documented codes 0 to 22. */
  public boolean isKnown() {
    return known;
  }

  /** Whether the version has ended for good (succeeded, failed or canceled). */
  public boolean isTerminal() {
    return statusClass.isTerminal();
  }

  /** Whether the version ended and succeeded. */
  public boolean isSucceeded() {
    return statusClass == StatusClass.SUCCEEDED;
  }

  /** Whether the version ended and failed. */
  public boolean isFailed() {
    return statusClass == StatusClass.FAILED;
  }

  /** Whether the version ended because it was canceled. */
  public boolean isCanceled() {
    return statusClass == StatusClass.CANCELED;
  }

  /** Whether the version is still going: queued, starting, running, being canceled or scaled. */
  public boolean isActive() {
    return statusClass == StatusClass.ACTIVE;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JobStatus that
        && code == that.code
        && Objects.equals(name, that.name)
        && known == that.known;
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, name);
  }

  /** For example {@code JOBSTAT_RUNNING(8)} or {@code unknown status 42}. */
  @Override
  public String toString() {
    if (known) {
      return name + "(" + code + ")";
    }
    return name == null ? "unknown status " + code : "unknown status " + code + " " + name;
  }
}
