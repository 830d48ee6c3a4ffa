package io.github.modelartsjobs.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.util.Locale;

/** Turns what Jackson reports into the one-line problem of an invalid-response message. */
final class JsonErrors {

  private static final int MAX_DETAIL = 200;

  private JsonErrors() {}

  /**
   * What is wrong, naming the limit crossed where one was, without the position.
   *
   * @param e what Jackson threw
   * @param limits the limits in force
   * @return one line
   */
  static String problem(JsonProcessingException e, CodecLimits limits) {
    String detail = oneLine(e.getOriginalMessage());
    if (e instanceof StreamConstraintsException) {
      String lower = detail.toLowerCase(Locale.ROOT);
      if (lower.contains("nesting depth")) {
        return "the nesting exceeds maxNestingDepth (" + limits.maxNestingDepth() + ")";
      }
      if (lower.startsWith("string value length")) {
        return "a string exceeds maxStringLength (" + limits.maxStringLength() + " characters)";
      }
      if (lower.startsWith("document length")) {
        return "the body exceeds maxBodyBytes (" + limits.maxBodyBytes() + " bytes)";
      }
      return "the body exceeds a limit: " + detail;
    }
    if (e instanceof JsonEOFException) {
      return "the body is truncated: " + detail;
    }
    return "the body is not valid JSON: " + detail;
  }

  /** A text on one line of at most 200 characters. */
  static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() <= MAX_DETAIL ? line : line.substring(0, MAX_DETAIL - 3) + "...";
  }
}
