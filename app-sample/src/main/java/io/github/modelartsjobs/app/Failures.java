package io.github.modelartsjobs.app;

import io.github.modelartsjobs.core.error.AuthenticationException;
import io.github.modelartsjobs.core.error.InvalidResponseException;
import io.github.modelartsjobs.core.error.JobNotFoundException;
import io.github.modelartsjobs.core.error.ModelArtsException;
import io.github.modelartsjobs.core.error.PermissionDeniedException;
import io.github.modelartsjobs.core.error.ServiceUnavailableException;
import io.github.modelartsjobs.core.error.ThrottledException;
import io.github.modelartsjobs.core.port.InvalidSettingsException;

/**
 * Turns what ended a run into its exit code and the one line printed on stderr: what happened (the
 * message of the error, which names the job, version, error code, HTTP status and request id) and
 * what to try. The messages of the library's errors never hold a credential, so neither does the
 * line.
 */
final class Failures {

  private Failures() {}

  /**
   * The exit code and the line for an error.
   *
   * @param error what ended the run
   * @param adapter the name of the adapter in use, for the hint; null when not known yet
   * @return the report
   */
  static Report of(Throwable error, String adapter) {
    boolean fixtures = CliSettings.DEFAULT_ADAPTER.equals(adapter);
    if (error instanceof UsageException e) {
      return new Report(ExitCodes.USAGE, e.getMessage(), e.hint());
    }
    if (error instanceof InvalidSettingsException e) {
      return new Report(ExitCodes.USAGE, e.getMessage(), "see 'modelarts-jobs --help'");
    }
    if (error instanceof JobNotFoundException e) {
      return new Report(ExitCodes.NOT_FOUND, e.getMessage(), notFoundHint(e, fixtures));
    }
    if (error instanceof AuthenticationException e) {
      return new Report(
          ExitCodes.AUTH,
          e.getMessage(),
          "check HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (or MODELARTS_AUTH_TOKEN)"
              + " and that this machine's clock is right");
    }
    if (error instanceof PermissionDeniedException e) {
      return new Report(
          ExitCodes.AUTH,
          e.getMessage(),
          "check --project-id and that these credentials may read training jobs in it");
    }
    if (error instanceof ThrottledException e) {
      return new Report(ExitCodes.UNAVAILABLE, e.getMessage(), "wait a little and try again");
    }
    if (error instanceof ServiceUnavailableException e) {
      return new Report(
          ExitCodes.UNAVAILABLE,
          e.getMessage(),
          "try again later, or check --endpoint and the network; --verbose shows each attempt");
    }
    if (error instanceof InvalidResponseException e) {
      return new Report(
          ExitCodes.INVALID_RESPONSE,
          e.getMessage(),
          fixtures
              ? "check the fixture files under --fixtures"
              : "check that --endpoint points at the ModelArts service; --verbose shows more");
    }
    if (error instanceof ModelArtsException e) {
      return new Report(
          ExitCodes.OTHER, e.getMessage(), "check the ids, --project-id and --region");
    }
    return new Report(
        ExitCodes.OTHER,
        "unexpected " + error.getClass().getSimpleName() + ": " + error.getMessage(),
        "run again with --verbose for the stack trace");
  }

  private static String notFoundHint(JobNotFoundException e, boolean fixtures) {
    String where = fixtures ? " and the folder given with --fixtures" : "";
    if (e.context().version().isPresent() && e.context().job().isPresent()) {
      return "check the ids with 'modelarts-jobs versions --job-id "
          + e.context().job().getAsLong()
          + "'"
          + where;
    }
    return "check the job id" + where;
  }

  /**
   * What a failed run reports.
   *
   * @param exitCode the exit code
   * @param message what happened
   * @param hint what to try
   */
  record Report(int exitCode, String message, String hint) {

    /** The line for stderr, such as {@code error: training job 10 version 99 not found; check}. */
    String line() {
      return Formats.oneLine("error: " + message + (hint == null ? "" : "; " + hint));
    }
  }
}
