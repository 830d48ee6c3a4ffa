package io.github.modelartsjobs.codec;

/**
 * Reads numbers written as text, such as the points of a system metric series ({@code "3.10"}),
 * straight from the parser's character buffer.
 *
 * <p>Accepted: an optional sign, digits with an optional fraction and exponent (the JSON number
 * grammar, with leading zeros, a leading {@code +}, {@code ".5"} and {@code "5."} allowed), and the
 * words {@code NaN} and {@code Infinity} with an optional sign. Nothing else: no white space, no
 * hexadecimal, no type suffix. The result is the correctly rounded double, as {@link
 * Double#parseDouble(String)} gives it: decimals of at most 15 significant digits and a small
 * exponent are computed exactly without building a string; the rest go to {@code parseDouble}.
 */
final class Decimals {

  /** Thrown when the text is not a number; shared, without a stack trace. */
  static final class NotANumber extends Exception {
    private static final long serialVersionUID = 1L;

    private NotANumber() {
      super("not a number", null, false, false);
    }
  }

  static final NotANumber NOT_A_NUMBER = new NotANumber();

  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  private static final int MAX_EXACT_DIGITS = 15;

  private static final int EXPONENT_CAP = 100_000;

  private Decimals() {}

  /**
   * The number a text holds.
   *
   * @param text the characters
   * @param offset where the text starts
   * @param length how many characters it has
   * @return the number, possibly NaN or infinite when the text says so
   * @throws NotANumber if the text is not a number
   */
  static double parse(char[] text, int offset, int length) throws NotANumber {
    if (length <= MAX_EXACT_DIGITS) {
      double plain = plain(text, offset, length);
      if (plain >= 0) {
        return plain;
      }
    }
    int end = offset + length;
    int i = offset;
    if (i == end) {
      throw NOT_A_NUMBER;
    }
    boolean negative = false;
    char c = text[i];
    if (c == '-' || c == '+') {
      negative = c == '-';
      i++;
    }

    long mantissa = 0;
    int significant = 0;
    int scale = 0;
    boolean digits = false;
    for (; i < end && isDigit(c = text[i]); i++) {
      digits = true;
      if (mantissa != 0 || c != '0') {
        significant++;
        if (significant <= MAX_EXACT_DIGITS) {
          mantissa = mantissa * 10 + (c - '0');
        } else {
          scale++;
        }
      }
    }
    if (i < end && text[i] == '.') {
      i++;
      for (; i < end && isDigit(c = text[i]); i++) {
        digits = true;
        if (mantissa != 0 || c != '0') {
          significant++;
          if (significant <= MAX_EXACT_DIGITS) {
            mantissa = mantissa * 10 + (c - '0');
            scale--;
          }
        } else {
          scale--;
        }
      }
    }
    if (!digits) {
      return word(text, i, end, negative);
    }

    int exponent = 0;
    if (i < end && (text[i] == 'e' || text[i] == 'E')) {
      i++;
      boolean negativeExponent = false;
      if (i < end && (text[i] == '-' || text[i] == '+')) {
        negativeExponent = text[i] == '-';
        i++;
      }
      if (i == end) {
        throw NOT_A_NUMBER;
      }
      for (; i < end && isDigit(c = text[i]); i++) {
        exponent = Math.min(EXPONENT_CAP, exponent * 10 + (c - '0'));
      }
      exponent = negativeExponent ? -exponent : exponent;
    }
    if (i != end) {
      throw NOT_A_NUMBER;
    }

    double value;
    int power = scale + exponent;
    if (significant > MAX_EXACT_DIGITS || Math.abs(power) >= POWERS_OF_TEN.length) {
      value = slow(text, offset, length);
      return value;
    } else if (mantissa == 0 || power == 0) {
      value = mantissa;
    } else if (power > 0) {
      value = mantissa * POWERS_OF_TEN[power];
    } else {
      value = mantissa / POWERS_OF_TEN[-power];
    }
    return negative ? -value : value;
  }

  /**
   * The number of a plain decimal of at most {@value #MAX_EXACT_DIGITS} characters, digits with at
   * most one point between two of them ({@code "0"}, {@code "3.10"}), as {@link #parse(char[], int,
   * int)} gives it; -1 for any other text.
   */
  private static double plain(char[] text, int offset, int length) {
    int end = offset + length;
    long mantissa = 0;
    int point = -1;
    for (int i = offset; i < end; i++) {
      char c = text[i];
      if (isDigit(c)) {
        mantissa = mantissa * 10 + (c - '0');
      } else if (c == '.' && point < 0 && i > offset && i < end - 1) {
        point = i;
      } else {
        return -1;
      }
    }
    if (length == 0) {
      return -1;
    }
    return point < 0 ? mantissa : mantissa / POWERS_OF_TEN[end - 1 - point];
  }

  /**
   * The number a string holds.
   *
   * @param text the string
   * @return the number, possibly NaN or infinite when the text says so
   * @throws NotANumber if the text is not a number
   */
  static double parse(String text) throws NotANumber {
    return parse(text.toCharArray(), 0, text.length());
  }

  private static double word(char[] text, int from, int end, boolean negative) throws NotANumber {
    if (matches(text, from, end, "Infinity")) {
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (matches(text, from, end, "NaN")) {
      return Double.NaN;
    }
    throw NOT_A_NUMBER;
  }

  private static boolean matches(char[] text, int from, int end, String word) {
    if (end - from != word.length()) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      if (text[from + k] != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static double slow(char[] text, int offset, int length) throws NotANumber {
    try {
      return Double.parseDouble(new String(text, offset, length));
    } catch (NumberFormatException e) {
      throw NOT_A_NUMBER;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
