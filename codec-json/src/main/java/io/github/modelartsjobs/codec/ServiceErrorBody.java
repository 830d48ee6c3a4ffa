package io.github.modelartsjobs.codec;

import io.github.modelartsjobs.core.error.ErrorContext;

/**
 * The error fields of a body the service (or its gateway) sent with a failure, as {@link
 * JobJsonCodec#readErrorBody(byte[])} finds them. Each part is null when the body does not carry
 * it.
 *
 * @param errorCode the {@code error_code}, such as {@code ModelArts.2775} or {@code APIGW.0301}
 * @param errorMessage the {@code error_message}, or else the {@code error_msg}
 * @param requestId the {@code request_id}
 */
public record ServiceErrorBody(String errorCode, String errorMessage, String requestId) {

  /** The context with this body's code and message, and its request id where none is known. */
  ErrorContext applyTo(ErrorContext context) {
    ErrorContext withService = context.withService(errorCode, errorMessage);
    return context.requestId() == null && requestId != null
        ? withService.withRequestId(requestId)
        : withService;
  }
}
