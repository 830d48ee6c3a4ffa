package io.github.modelartsjobs.core.error;

import java.time.Duration;
import java.util.Set;

/**
 * The one mapping from what the service answered (HTTP status and {@code error_code}) to the typed
 * errors of this library, shared by every adapter so that they can never disagree.
 *
 * <p>The service reuses codes across statuses ({@code ModelArts.0206} is 401 for a malformed header
 * and 403 for a wrong key), so the status decides first and the code second:
 *
 * <ol>
 *   <li>{@code ModelArts.2775} is not found, whatever the status (the service sends it with 400);
 *   <li>404 is not found, 401 authentication, 403 permission denied, 429 throttled, and any 5xx
 *       unavailable;
 *   <li>without such a status (an {@code "is_success": false} body in a 200, or a fixture), the
 *       code decides: {@code APIGW.0301} and {@code ModelArts.0201} to {@code 0208} and {@code
 *       0212} are authentication; {@code 0108}, {@code 2784} and {@code 2785} permission denied;
 *       {@code 2799} throttled; {@code 0010} and {@code 2950} to {@code 2959} unavailable; {@code
 *       2836} not found;
 *   <li>everything else is {@link RequestRejectedException}.
 * </ol>
 */
public final class ServiceErrors {

  private static final Set<String> AUTHENTICATION_CODES =
      Set.of(
          "APIGW.0301",
          "ModelArts.0201",
          "ModelArts.0202",
          "ModelArts.0203",
          "ModelArts.0204",
          "ModelArts.0205",
          "ModelArts.0206",
          "ModelArts.0207",
          "ModelArts.0208",
          "ModelArts.0212");

  private static final Set<String> PERMISSION_CODES =
      Set.of("ModelArts.0108", "ModelArts.2784", "ModelArts.2785");

  private static final String NOT_FOUND = "ModelArts.2775";

  private static final String PATH_NOT_FOUND = "ModelArts.2836";

  private static final String THROTTLED = "ModelArts.2799";

  private ServiceErrors() {}

  /**
   * The typed error for a failure the service reported.
   *
   * @param context the ids of the call, the HTTP status (null when there was none, or 200 for an
   *     {@code "is_success": false} body), the code, message and request id
   * @param retryAfter the wait asked for by a {@code Retry-After} header, or null
   * @return the error to throw; never null
   */
  public static ModelArtsException fromService(ErrorContext context, Duration retryAfter) {
    String code = context.errorCode() == null ? "" : context.errorCode().strip();
    int status = context.httpStatus() == null ? 0 : context.httpStatus();

    if (code.equals(NOT_FOUND) || status == 404) {
      return new JobNotFoundException(context, null);
    }
    if (status == 401) {
      return new AuthenticationException(context, null);
    }
    if (status == 403) {
      return new PermissionDeniedException(context, null);
    }
    if (status == 429 || code.equals(THROTTLED)) {
      return new ThrottledException(context, retryAfter, null);
    }
    if (status >= 500 && status <= 599) {
      return new ServiceUnavailableException("the service answered HTTP " + status, context, null);
    }

    if (AUTHENTICATION_CODES.contains(code)) {
      return new AuthenticationException(context, null);
    }
    if (PERMISSION_CODES.contains(code)) {
      return new PermissionDeniedException(context, null);
    }
    if (isInternalErrorCode(code)) {
      return new ServiceUnavailableException(
          "the service reported an internal error", context, null);
    }
    if (code.equals(PATH_NOT_FOUND)) {
      return new JobNotFoundException(context, null);
    }
    return new RequestRejectedException(context, null);
  }

  /**
   * Whether an HTTP status marks a transient failure worth retrying: 429, 500, 502, 503 and 504.
   *
   * @param status the HTTP status
   * @return true for those five statuses
   */
  public static boolean isTransientStatus(int status) {
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
  }

  private static boolean isInternalErrorCode(String code) {
    if (code.equals("ModelArts.0010")) {
      return true;
    }
    if (code.startsWith("ModelArts.295") && code.length() == "ModelArts.2950".length()) {
      return Character.isDigit(code.charAt(code.length() - 1));
    }
    return false;
  }
}
