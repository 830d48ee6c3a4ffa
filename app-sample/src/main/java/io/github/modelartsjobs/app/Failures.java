package io.github.modelartsjobs.app;

import io.github.modelartsjobs.core.error.AuthenticationException;
import io.github.modelartsjobs.core.error.ErrorContext;
import io.github.modelartsjobs.core.error.InvalidResponseException;
import io.github.modelartsjobs.core.error.JobNotFoundException;
import io.github.modelartsjobs.core.error.ModelArtsException;
import io.github.modelartsjobs.core.error.PermissionDeniedException;
import io.github.modelartsjobs.core.error.ServiceUnavailableException;
import io.github.modelartsjobs.core.error.ThrottledException;
import io.github.modelartsjobs.core.port.InvalidSettingsException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what ended a run into its exit code and the one line printed on stderr: what happened (the
 * message of the error, which names the job, version, error code, HTTP status and request id) and
 * what to try. The hint follows the run's settings: a fixtures run points at the fixture files, an
 * HTTP run at the settings it used, each named where it was given (a flag, a variable, or a key of
 * the config file), and an authentication failure at the kind of credentials in use. The messages
 * of the library's errors never hold a credential, so neither does the line.
 */
final class Failures {

  /** Every kind of credentials, by environment variable; for hints that cannot tell which. */
  static final String EVERY_CREDENTIAL =
      "HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, MODELARTS_AUTH_TOKEN, or MODELARTS_IAM_USER,"
          + " MODELARTS_IAM_PASSWORD and MODELARTS_IAM_DOMAIN";

  /** A settings message that starts with the key it is about: {@code endpoint must ...}. */
  private static final Pattern ABOUT_KEY = Pattern.compile("^([a-z][a-z.-]*) must ");

  private static final String HELP = "see 'modelarts-jobs --help'";

  private Failures() {}

  /**
   * The exit code and the line for an error.
   *
   * @param error what ended the run
   * @param settings the settings of the run, for the hint; null when they could not be resolved
   * @return the report
   */
  static Report of(Throwable error, CliSettings settings) {
    Hints hints = new Hints(settings);
    if (error instanceof UsageException e) {
      return new Report(ExitCodes.USAGE, e.getMessage(), e.hint());
    }
    if (error instanceof InvalidSettingsException e) {
      return new Report(ExitCodes.USAGE, hints.withSource(e.getMessage()), HELP);
    }
    if (error instanceof JobNotFoundException e) {
      return new Report(ExitCodes.NOT_FOUND, e.getMessage(), hints.notFound(e.context()));
    }
    if (error instanceof ModelArtsException e && hints.fixtures()) {
      return new Report(exitCode(e), e.getMessage(), hints.fixtureFile(e));
    }
    if (error instanceof AuthenticationException e) {
      return new Report(ExitCodes.AUTH, e.getMessage(), hints.credentials());
    }
    if (error instanceof PermissionDeniedException e) {
      return new Report(
          ExitCodes.AUTH,
          e.getMessage(),
          "check "
              + hints.source(CliSettings.PROJECT_ID)
              + " and that these credentials may read training jobs in it");
    }
    if (error instanceof ThrottledException e) {
      return new Report(ExitCodes.UNAVAILABLE, e.getMessage(), "wait a little and try again");
    }
    if (error instanceof ServiceUnavailableException e) {
      return new Report(
          ExitCodes.UNAVAILABLE,
          e.getMessage(),
          "try again later, or check "
              + hints.endpoint()
              + " and the network; --verbose shows each attempt");
    }
    if (error instanceof InvalidResponseException e) {
      return new Report(
          ExitCodes.INVALID_RESPONSE,
          e.getMessage(),
          "check that "
              + hints.endpoint()
              + " points at the ModelArts service; --verbose shows more");
    }
    if (error instanceof ModelArtsException e) {
      return new Report(
          ExitCodes.OTHER,
          e.getMessage(),
          "check the ids, "
              + hints.source(CliSettings.PROJECT_ID)
              + " and "
              + hints.source(CliSettings.REGION));
    }
    return new Report(
        ExitCodes.OTHER,
        "unexpected " + error.getClass().getSimpleName() + ": " + error.getMessage(),
        "run again with --verbose for the stack trace");
  }

  /**
   * The hint for a {@code wait} whose every poll failed: check the service and where the run looks
   * for it.
   *
   * @param settings the settings of the run
   * @param context the context of the last error
   * @return the hint
   */
  static String unreachable(CliSettings settings, ErrorContext context) {
    Hints hints = new Hints(settings);
    if (hints.fixtures()) {
      return "check " + hints.fixtureName(context) + " in " + hints.fixturesFolder();
    }
    return "check that the service is up and that "
        + hints.endpoint()
        + " is right; --verbose shows each attempt";
  }

  /** The exit code of an error that is not about settings nor a missing job. */
  private static int exitCode(ModelArtsException e) {
    if (e instanceof InvalidResponseException) {
      return ExitCodes.INVALID_RESPONSE;
    }
    if (e instanceof AuthenticationException || e instanceof PermissionDeniedException) {
      return ExitCodes.AUTH;
    }
    if (e instanceof ThrottledException || e instanceof ServiceUnavailableException) {
      return ExitCodes.UNAVAILABLE;
    }
    return ExitCodes.OTHER;
  }

  /** The wording of hints for the settings of one run. */
  private record Hints(CliSettings settings) {

    boolean fixtures() {
      return settings != null && settings.fixtures();
    }

    String source(String key) {
      if (settings != null) {
        return settings.source(key);
      }
      return key.equals(CliSettings.FIXTURES_ROOT) ? "--fixtures" : "--" + key;
    }

    /** A settings message with where the value came from: {@code ... (from MODELARTS_ADAPTER)}. */
    String withSource(String message) {
      Matcher about = ABOUT_KEY.matcher(message);
      if (settings == null
          || !about.find()
          || !CliSettings.FILE_KEYS.contains(about.group(1))
          || !settings.given(about.group(1))) {
        return message;
      }
      return message + " (from " + settings.source(about.group(1)) + ")";
    }

    /**
     * Where the endpoint came from; when none was given, the region it is built from, if that was
     * given.
     */
    String endpoint() {
      if (settings != null
          && !settings.given(CliSettings.ENDPOINT)
          && settings.given(CliSettings.REGION)) {
        return "the endpoint built from " + settings.source(CliSettings.REGION);
      }
      return source(CliSettings.ENDPOINT);
    }

    String fixturesFolder() {
      return "the folder given with " + source(CliSettings.FIXTURES_ROOT);
    }

    String notFound(ErrorContext context) {
      String where = fixtures() ? " and " + fixturesFolder() : "";
      if (context.version().isPresent() && context.job().isPresent()) {
        return "check the ids with 'modelarts-jobs versions --job-id "
            + context.job().getAsLong()
            + "'"
            + where;
      }
      return "check the job id" + where;
    }

    /** The fixture file an answer came from, such as {@code 10/12.json}. */
    String fixtureName(ErrorContext context) {
      if (context.job().isEmpty()) {
        return "the fixture files";
      }
      String job = Long.toString(context.job().getAsLong());
      return "the fixture file "
          + job
          + "/"
          + (context.version().isPresent() ? context.version().getAsLong() : "versions")
          + ".json";
    }

    /** For an error a fixtures run read: the fixture file holds it, or cannot be read. */
    String fixtureFile(ModelArtsException e) {
      String file = fixtureName(e.context());
      if (e instanceof InvalidResponseException) {
        return "check " + file + " in " + fixturesFolder();
      }
      return "the answer comes from " + file + " in " + fixturesFolder() + ": check that file";
    }

    /** What to check for the kind of credentials in use. */
    String credentials() {
      List<CliSettings.CredentialKind> kinds =
          settings == null ? List.of() : settings.credentialKinds();
      if (kinds.size() != 1) {
        return "check the credentials (" + EVERY_CREDENTIAL + ")";
      }
      CliSettings.CredentialKind kind = kinds.get(0);
      String named = settings.sources(kind.keys);
      return switch (kind) {
        case ACCESS_KEY -> "check " + named + " and that this machine's clock is right";
        case TOKEN -> "check " + named + "; tokens expire after 24 hours";
        case IAM_USER ->
            "check "
                + named
                + (settings.given("iam-endpoint")
                    ? ", and " + settings.source("iam-endpoint")
                    : "");
      };
    }
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
