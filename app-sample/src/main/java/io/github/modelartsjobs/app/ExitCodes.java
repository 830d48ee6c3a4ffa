package io.github.modelartsjobs.app;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of {@code modelarts-jobs}, as {@code --help} and the README list them. A script
 * can tell from the code alone what went wrong, without reading the message.
 */
final class ExitCodes {

  /** The command did what it was asked; for {@code wait}, the version ended and succeeded. */
  static final int OK = 0;

  /** A failure none of the other codes covers, such as a request the service rejected. */
  static final int OTHER = 1;

  /** The command line, the environment or the config file is wrong. */
  static final int USAGE = 2;

  /** The job or the version does not exist, or is not visible in this project. */
  static final int NOT_FOUND = 3;

  /** The credentials were refused, or they may not read this job. */
  static final int AUTH = 4;

  /**
   * The service did not answer in time: retries spent, circuit breaker open, or deadline past; for
   * {@code wait}, also a timeout that passed without any poll having read the version.
   */
  static final int UNAVAILABLE = 5;

  /** What came back (from the service or a fixture) could not be read. */
  static final int INVALID_RESPONSE = 6;

  /** {@code wait}: the version ended failed or canceled. */
  static final int JOB_FAILED = 7;

  /** {@code wait}: the version was read, but had not ended when the timeout passed. */
  static final int WAIT_TIMED_OUT = 8;

  /**
   * The codes as {@code --help} lists them, code to meaning.
   *
   * @param withWait whether to list the codes only {@code wait} ends with
   * @return the list, in the order shown
   */
  static Map<String, String> helpList(boolean withWait) {
    Map<String, String> list = new LinkedHashMap<>();
    list.put("0", "success");
    list.put("1", "any other failure, such as a request the service rejected");
    list.put("2", "usage or configuration error");
    list.put("3", "job or version not found");
    list.put("4", "authentication failed or permission denied");
    list.put("5", "service unavailable: retries spent, circuit breaker open, deadline passed");
    if (withWait) {
      list.put("", "(wait: also when no poll could read the version before the timeout)");
    }
    list.put("6", "invalid response from the service or a fixture");
    if (withWait) {
      list.put("7", "wait: the version ended failed or canceled");
      list.put("8", "wait: the version was read, but the timeout passed before it ended");
    }
    return list;
  }

  private ExitCodes() {}
}
