package io.github.modelartsjobs.core.error;

import java.io.Serializable;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What a caller needs to know about a failed call: which job and version it was about, and what the
 * service (or whatever answered in its place) said. Every part is optional, since a failure before
 * any answer has no status or code.
 *
 * <p>The service message is reduced to one line of at most {@value #MAX_MESSAGE_LENGTH} characters,
 * so that a page of HTML from a proxy cannot flood a log.
 *
 * @param jobId the job id of the call, or null
 * @param versionId the version id of the call, or null (list calls have none)
 * @param httpStatus the HTTP status, or null when there was no HTTP answer
 * @param errorCode the service's {@code error_code}, such as {@code ModelArts.2775}, or null
 * @param serviceMessage the service's {@code error_message} or {@code error_msg}, or an excerpt of
 *     a body that was not the service's, or null
 * @param requestId the {@code X-Request-Id} header or the body's {@code request_id}, or null
 */
public record ErrorContext(
    Long jobId,
    Long versionId,
    Integer httpStatus,
    String errorCode,
    String serviceMessage,
    String requestId)
    implements Serializable {

  /** The longest service message kept, in characters. */
  public static final int MAX_MESSAGE_LENGTH = 300;

  /** Nothing known. */
  public static final ErrorContext EMPTY = new ErrorContext(null, null, null, null, null, null);

  /**
   * Reduces the service message, request id and error code to single, bounded lines; a blank one
   * counts as absent (null).
   */
  public ErrorContext {
    serviceMessage = oneLine(serviceMessage, MAX_MESSAGE_LENGTH);
    requestId = oneLine(requestId, 128);
    errorCode = oneLine(errorCode, 64);
  }

  /**
   * The context of a call about one job version.
   *
   * @param jobId the job id
   * @param versionId the version id
   * @return a context with only the ids
   */
  public static ErrorContext forVersion(long jobId, long versionId) {
    return new ErrorContext(jobId, versionId, null, null, null, null);
  }

  /**
   * The context of a call about one job (such as listing its versions).
   *
   * @param jobId the job id
   * @return a context with only the job id
   */
  public static ErrorContext forJob(long jobId) {
    return new ErrorContext(jobId, null, null, null, null, null);
  }

  /** This context with the job and version ids replaced (either may be null). */
  public ErrorContext withIds(Long newJobId, Long newVersionId) {
    return new ErrorContext(
        newJobId, newVersionId, httpStatus, errorCode, serviceMessage, requestId);
  }

  /** This context with the HTTP status replaced (null for none). */
  public ErrorContext withHttpStatus(Integer status) {
    return new ErrorContext(jobId, versionId, status, errorCode, serviceMessage, requestId);
  }

  /** This context with the service's code and message replaced (either may be null). */
  public ErrorContext withService(String code, String message) {
    return new ErrorContext(jobId, versionId, httpStatus, code, message, requestId);
  }

  /** This context with the request id replaced (null for none). */
  public ErrorContext withRequestId(String id) {
    return new ErrorContext(jobId, versionId, httpStatus, errorCode, serviceMessage, id);
  }

  /** The job id, when the call was about a job. */
  public OptionalLong job() {
    return jobId == null ? OptionalLong.empty() : OptionalLong.of(jobId);
  }

  /** The version id, when the call was about one version. */
  public OptionalLong version() {
    return versionId == null ? OptionalLong.empty() : OptionalLong.of(versionId);
  }

  /** The HTTP status, when there was an HTTP answer. */
  public OptionalInt status() {
    return httpStatus == null ? OptionalInt.empty() : OptionalInt.of(httpStatus);
  }

  /** The service's error code. */
  public Optional<String> code() {
    return Optional.ofNullable(errorCode);
  }

  /** The service's message, on one line. */
  public Optional<String> message() {
    return Optional.ofNullable(serviceMessage);
  }

  /** The request id. */
  public Optional<String> request() {
    return Optional.ofNullable(requestId);
  }

  /**
   * What the call was about, such as {@code training job 10 version 12}, {@code training job 10},
   * or {@code training job} when no id is known.
   */
  public String subject() {
    StringBuilder s = new StringBuilder("training job");
    if (jobId != null) {
      s.append(' ').append(jobId);
    }
    if (versionId != null) {
      s.append(" version ").append(versionId);
    }
    return s.toString();
  }

  /**
   * The parenthesised details for a message, such as {@code (ModelArts.2775, HTTP 400, request
   * 5f3c)}, or "" when there are none. The service message is not included.
   */
  public String details() {
    StringBuilder s = new StringBuilder();
    if (errorCode != null) {
      s.append(errorCode);
    }
    if (httpStatus != null) {
      s.append(s.length() > 0 ? ", " : "").append("HTTP ").append(httpStatus);
    }
    if (requestId != null) {
      s.append(s.length() > 0 ? ", " : "").append("request ").append(requestId);
    }
    return s.length() == 0 ? "" : " (" + s + ")";
  }

  /** The text on one line with single spaces, cut to {@code max}; null when null or blank. */
  static String oneLine(String text, int max) {
    if (text == null) {
      return null;
    }
    StringBuilder s = new StringBuilder(Math.min(text.length(), max + 1));
    boolean space = false;
    int i = 0;
    for (; i < text.length() && s.length() < max; i++) {
      char c = text.charAt(i);
      if (isBlank(c)) {
        space = s.length() > 0;
      } else {
        if (space) {
          s.append(' ');
          space = false;
        }
        s.append(c);
      }
    }
    if (s.length() == 0) {
      return null;
    }
    String line = s.toString();
    if (text.substring(i).chars().anyMatch(c -> !isBlank((char) c))) {
      line = line.substring(0, max - 3).stripTrailing() + "...";
    }
    return line;
  }

  private static boolean isBlank(char c) {
    return Character.isWhitespace(c) || Character.isISOControl(c);
  }
}
