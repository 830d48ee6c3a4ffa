package io.github.modelartsjobs.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceErrorsTest {

  /** Section 5 of the API reference: status and code together decide the error. */
  @ParameterizedTest(name = "HTTP {0} {1} -> {2}")
  @CsvSource({
    "400, ModelArts.2775, JobNotFoundException",
    "400, ModelArts.0101, RequestRejectedException",
    "400, ModelArts.0104, RequestRejectedException",
    "400, ModelArts.0107, RequestRejectedException",
    "400, ModelArts.0210, RequestRejectedException",
    "401, ModelArts.0201, AuthenticationException",
    "401, ModelArts.0202, AuthenticationException",
    "401, ModelArts.0203, AuthenticationException",
    "401, ModelArts.0204, AuthenticationException",
    "401, ModelArts.0205, AuthenticationException",
    "401, ModelArts.0206, AuthenticationException",
    "401, ModelArts.0207, AuthenticationException",
    "401, ModelArts.0208, AuthenticationException",
    "401, ModelArts.0212, AuthenticationException",
    "401, APIGW.0301, AuthenticationException",
    "401, , AuthenticationException",
    "403, ModelArts.0108, PermissionDeniedException",
    "403, ModelArts.0206, PermissionDeniedException",
    "403, ModelArts.0210, PermissionDeniedException",
    "403, ModelArts.2784, PermissionDeniedException",
    "403, ModelArts.2785, PermissionDeniedException",
    "403, , PermissionDeniedException",
    "404, ModelArts.2836, JobNotFoundException",
    "404, , JobNotFoundException",
    "429, ModelArts.2799, ThrottledException",
    "429, , ThrottledException",
    "500, ModelArts.0010, ServiceUnavailableException",
    "500, ModelArts.2950, ServiceUnavailableException",
    "500, ModelArts.2955, ServiceUnavailableException",
    "500, ModelArts.2959, ServiceUnavailableException",
    "500, , ServiceUnavailableException",
    "502, , ServiceUnavailableException",
    "503, , ServiceUnavailableException",
    "504, , ServiceUnavailableException",
    "599, , ServiceUnavailableException",
    "400, ModelArts.9999, RequestRejectedException",
    "409, , RequestRejectedException",
    "418, SomeProxy.1, RequestRejectedException",
  })
  void statusAndCodeDecideTheError(int status, String code, String expected) {
    ErrorContext context = ErrorContext.forVersion(10, 12).withHttpStatus(status);

    ModelArtsException error = ServiceErrors.fromService(context.withService(code, "m"), null);

    assertThat(error.getClass().getSimpleName()).isEqualTo(expected);
    assertThat(error.context().status()).hasValue(status);
  }

  /**
   * An {@code "is_success": false} body in a 200, or a fixture without status: the code decides.
   */
  @ParameterizedTest(name = "HTTP {0} {1} -> {2}")
  @CsvSource({
    "200, ModelArts.2775, JobNotFoundException",
    "200, ModelArts.2836, JobNotFoundException",
    "200, APIGW.0301, AuthenticationException",
    "200, ModelArts.0201, AuthenticationException",
    "200, ModelArts.0206, AuthenticationException",
    "200, ModelArts.0212, AuthenticationException",
    "200, ModelArts.0108, PermissionDeniedException",
    "200, ModelArts.2784, PermissionDeniedException",
    "200, ModelArts.2785, PermissionDeniedException",
    "200, ModelArts.2799, ThrottledException",
    "200, ModelArts.0010, ServiceUnavailableException",
    "200, ModelArts.2953, ServiceUnavailableException",
    "200, ModelArts.0104, RequestRejectedException",
    "200, ModelArts.0210, RequestRejectedException",
    "200, ModelArts.2960, RequestRejectedException",
    "200, ModelArts.29500, RequestRejectedException",
    "200, ModelArts.295x, RequestRejectedException",
    "200, ModelArts.1234, RequestRejectedException",
    "200, , RequestRejectedException",
    "0, ModelArts.2775, JobNotFoundException",
    "0, APIGW.0301, AuthenticationException",
    "0, ModelArts.9999, RequestRejectedException",
  })
  void withoutAnErrorStatusTheCodeDecides(int status, String code, String expected) {
    ErrorContext context =
        ErrorContext.forVersion(10, 12)
            .withHttpStatus(status == 0 ? null : status)
            .withService(code, "m");

    ModelArtsException error = ServiceErrors.fromService(context, null);

    assertThat(error.getClass().getSimpleName()).isEqualTo(expected);
  }

  @Test
  void codeIsReadWithoutSurroundingWhiteSpace() {
    ErrorContext context = ErrorContext.forVersion(10, 12).withService(" ModelArts.2775\n", null);

    ModelArtsException error = ServiceErrors.fromService(context, null);

    assertThat(error).isInstanceOf(JobNotFoundException.class);
  }

  @Test
  void throttledErrorKeepsTheWaitTheServiceAskedFor() {
    ErrorContext context = ErrorContext.forVersion(10, 12).withHttpStatus(429);

    ModelArtsException error = ServiceErrors.fromService(context, Duration.ofSeconds(5));

    assertThat(error).isInstanceOf(ThrottledException.class);
    assertThat(((ThrottledException) error).retryAfter()).contains(Duration.ofSeconds(5));
  }

  @Test
  void throttledErrorWithoutRetryAfterHasNone() {
    ErrorContext context = ErrorContext.forVersion(10, 12).withHttpStatus(429);

    ThrottledException error = (ThrottledException) ServiceErrors.fromService(context, null);

    assertThat(error.retryAfter()).isEmpty();
  }

  @ParameterizedTest(name = "HTTP {0} transient: {1}")
  @CsvSource({
    "429, true",
    "500, true",
    "502, true",
    "503, true",
    "504, true",
    "200, false",
    "400, false",
    "401, false",
    "403, false",
    "404, false",
    "501, false",
    "505, false",
  })
  void onlyThrottlingAndServerTroubleAreTransientStatuses(int status, boolean transientStatus) {
    assertThat(ServiceErrors.isTransientStatus(status)).isEqualTo(transientStatus);
  }

  @Test
  void onlyThrottledAndUnavailableErrorsAreTransient() {
    ErrorContext context = ErrorContext.forVersion(10, 12);

    assertThat(new ThrottledException(context, null, null).isTransient()).isTrue();
    assertThat(new ServiceUnavailableException("x", context, null).isTransient()).isTrue();
    assertThat(new JobNotFoundException(context, null).isTransient()).isFalse();
    assertThat(new AuthenticationException(context, null).isTransient()).isFalse();
    assertThat(new PermissionDeniedException(context, null).isTransient()).isFalse();
    assertThat(new RequestRejectedException(context, null).isTransient()).isFalse();
    assertThat(new InvalidResponseException("x", context, null).isTransient()).isFalse();
  }

  @Test
  void notFoundMessageNamesVersionCodeStatusAndRequest() {
    ErrorContext context = call(400, "ModelArts.2775", "Training job not found.");

    ModelArtsException error = ServiceErrors.fromService(context, null);

    assertThat(error)
        .hasMessage(
            "training job 10 version 12 not found (ModelArts.2775, HTTP 400, request 5f3c)");
  }

  @Test
  void notFoundMessageOfAWholeJobNamesTheJob() {
    assertThat(JobNotFoundException.of(10, null)).hasMessage("training job 10 not found");
    assertThat(JobNotFoundException.of(10, 12L)).hasMessage("training job 10 version 12 not found");
  }

  @Test
  void authenticationMessageCarriesTheServiceMessageOnOneLine() {
    ErrorContext context = call(401, "APIGW.0301", "Incorrect IAM\nauthentication information");

    ModelArtsException error = ServiceErrors.fromService(context, null);

    assertThat(error)
        .hasMessage(
            "authentication failed for training job 10 version 12 (APIGW.0301, HTTP 401, request"
                + " 5f3c): Incorrect IAM authentication information");
  }

  @Test
  void permissionMessageCarriesTheServiceMessage() {
    ErrorContext context = call(403, "ModelArts.0108", "not authorized");

    ModelArtsException error = ServiceErrors.fromService(context, null);

    assertThat(error)
        .hasMessage(
            "permission denied for training job 10 version 12 (ModelArts.0108, HTTP 403, request"
                + " 5f3c): not authorized");
  }

  @Test
  void throttledMessageSaysWhenToRetry() {
    ErrorContext context = call(429, "ModelArts.2799", "too many");

    ModelArtsException error = ServiceErrors.fromService(context, Duration.ofSeconds(5));

    assertThat(error)
        .hasMessage(
            "too many requests for training job 10 version 12 (ModelArts.2799, HTTP 429, request"
                + " 5f3c); retry after 5s");
  }

  @Test
  void unavailableMessageNamesTheStatus() {
    ErrorContext context = ErrorContext.forVersion(10, 12).withHttpStatus(503);

    ModelArtsException error = ServiceErrors.fromService(context, null);

    assertThat(error)
        .hasMessage(
            "service unavailable for training job 10 version 12 (HTTP 503): the service answered"
                + " HTTP 503");
  }

  @Test
  void internalErrorInASuccessfulAnswerIsUnavailable() {
    ErrorContext context = call(200, "ModelArts.0010", "internal error");

    ModelArtsException error = ServiceErrors.fromService(context, null);

    assertThat(error)
        .hasMessage(
            "service unavailable for training job 10 version 12 (ModelArts.0010, HTTP 200, request"
                + " 5f3c): the service reported an internal error");
  }

  @Test
  void rejectedMessageCarriesTheServiceMessage() {
    ErrorContext context = call(400, "ModelArts.0104", "invalid argument");

    ModelArtsException error = ServiceErrors.fromService(context, null);

    assertThat(error)
        .hasMessage(
            "request rejected for training job 10 version 12 (ModelArts.0104, HTTP 400, request"
                + " 5f3c): invalid argument");
  }

  @Test
  void invalidResponseMessageNamesTheProblem() {
    ErrorContext context = ErrorContext.forVersion(10, 12).withHttpStatus(200);

    InvalidResponseException error =
        new InvalidResponseException("missing field version_id", context, null);

    assertThat(error)
        .hasMessage(
            "invalid response for training job 10 version 12 (HTTP 200): missing field"
                + " version_id");
  }

  @Test
  void messageWithoutAnythingKnownStillReads() {
    assertThat(new RequestRejectedException(ErrorContext.EMPTY, null))
        .hasMessage("request rejected for training job");
    assertThat(new ServiceUnavailableException(null, ErrorContext.forJob(10), null))
        .hasMessage("service unavailable for training job 10");
  }

  @Test
  void errorKeepsItsContextAndCause() {
    ErrorContext context = call(503, null, null);
    RuntimeException cause = new RuntimeException("io");

    ModelArtsException error = new ServiceUnavailableException("3 attempts failed", context, cause);

    assertThat(error.context()).isSameAs(context);
    assertThat(error).hasCause(cause);
  }

  private static ErrorContext call(int status, String code, String message) {
    return new ErrorContext(10L, 12L, status, code, message, "5f3c");
  }
}
