package io.github.modelartsjobs.http;

import io.github.modelartsjobs.core.error.ErrorContext;

/**
 * What one port call has done so far, for its log lines and errors: the request, the attempts made,
 * the last HTTP status and request id. Used by one thread at a time.
 */
final class CallTrace {

  private final String method;

  private final String path;

  private final ErrorContext ids;

  private int attempts;

  private Integer status;

  private String requestId;

  CallTrace(String method, String path, ErrorContext ids) {
    this.method = method;
    this.path = path;
    this.ids = ids;
  }

  /** The method and path, such as {@code GET /v1/{project}/training-jobs/10/versions/12}. */
  String request() {
    return method + " " + path;
  }

  /** The context holding only the job and version ids of the call. */
  ErrorContext ids() {
    return ids;
  }

  int attempts() {
    return attempts;
  }

  void attemptStarted() {
    attempts++;
    status = null;
  }

  /**
   * Records an answer. The request id is reduced as {@link ErrorContext} reduces it (one line of at
   * most 128 characters), since it comes from the server and goes into log lines.
   */
  void answered(int httpStatus, String id) {
    status = httpStatus;
    String line = line(id);
    if (line != null) {
      requestId = line;
    }
  }

  /** A request id as one line of at most 128 characters, or null when null or blank. */
  static String line(String id) {
    return ErrorContext.EMPTY.withRequestId(id).requestId();
  }

  Integer status() {
    return status;
  }

  /** The last request id seen, or null. */
  String requestId() {
    return requestId;
  }

  /** The request id for a log line: the id, or {@code none}. */
  String requestIdForLog() {
    return requestId == null ? "none" : requestId;
  }
}
