package io.github.modelartsjobs.codec;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.base.ParserMinimalBase;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A parser for the plain JSON that a string holding JSON usually is, straight over its characters:
 * no buffers, no copies of strings or numbers (their characters are read where they are), no
 * context objects. It gives the same tokens, texts and numbers as Jackson's own parser for every
 * document it accepts, and accepts only plain ones: strings without escapes, numbers of at most 18
 * integer digits and 100 characters, keys of at most {@value #MAX_NAME_LENGTH} characters, at most
 * {@value #MAX_DEPTH} levels (and not more than the limit), nothing after the root value but white
 * space. Anything else, invalid JSON included, throws {@link #GIVE_UP}, after which the caller
 * reads the document again with Jackson's parser, whose tokens, errors and locations are the ones
 * that count.
 *
 * <p>Not a general parser: no locations (every location is {@link JsonLocation#NA}), no parsing
 * context ({@link #getParsingContext()} is null), a current name only while the token is a key
 * ({@code JobReader} asks for it only then), no binary values. One instance per document.
 */
final class PlainCharsParser extends ParserMinimalBase {

  /** Thrown when the document is not plain; shared, without a stack trace. */
  static final class GiveUp extends IOException {
    private static final long serialVersionUID = 1L;

    private GiveUp() {
      super("not plain JSON", null);
      setStackTrace(new StackTraceElement[0]);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  static final GiveUp GIVE_UP = new GiveUp();

  static final int MAX_DEPTH = 64;

  static final int MAX_NAME_LENGTH = 1000;

  private static final int MAX_NUMBER_LENGTH = 100;

  private static final int MAX_INT_DIGITS = 18;

  private final char[] text;
  private final int end;
  private final int maxDepth;
  private final int maxStringLength;
  private final KeyCache keys;
  private int at;

  /** Bit i set: the container at depth i + 1 is an object. */
  private long objects;

  private int depth;
  private boolean rootRead;

  /** Whether the current container already holds a value, so that a comma or its end follows. */
  private boolean filled;

  private boolean afterName;
  private String name;
  private int tokenStart;
  private int tokenLength;
  private boolean negative;
  private int intDigits;
  private boolean closed;

  /**
   * A parser over part of an array.
   *
   * @param text the characters, read in place and not changed
   * @param offset where the document starts
   * @param length how many characters it has
   * @param limits the limits, of which the nesting depth and string length are kept (a document
   *     beyond them is given up, for Jackson's parser to report)
   * @param keys where keys are made unique, so that equal keys share one string
   */
  PlainCharsParser(char[] text, int offset, int length, CodecLimits limits, KeyCache keys) {
    super(0, StreamReadConstraints.defaults());
    this.text = text;
    this.at = offset;
    this.end = offset + length;
    this.maxDepth = Math.min(MAX_DEPTH, limits.maxNestingDepth());
    this.maxStringLength = limits.maxStringLength();
    this.keys = keys;
  }

  @Override
  public JsonToken nextToken() throws IOException {
    skipWhiteSpace();
    if (afterName) {
      afterName = false;
      if (at == end || text[at] != ':') {
        throw GIVE_UP;
      }
      at++;
      skipWhiteSpace();
      return _currToken = value();
    }
    if (depth == 0) {
      if (rootRead) {
        if (at != end) {
          throw GIVE_UP;
        }
        return _currToken = null;
      }
      rootRead = true;
      return _currToken = value();
    }
    if (at == end) {
      throw GIVE_UP;
    }
    char c = text[at];
    boolean inObject = (objects & (1L << (depth - 1))) != 0;
    if (c == (inObject ? '}' : ']')) {
      at++;
      depth--;
      filled = true;
      return _currToken = inObject ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
    }
    if (filled) {
      if (c != ',') {
        throw GIVE_UP;
      }
      at++;
      skipWhiteSpace();
      if (at == end) {
        throw GIVE_UP;
      }
      c = text[at];
    }
    if (!inObject) {
      return _currToken = value();
    }
    if (c != '"') {
      throw GIVE_UP;
    }
    int hash = stringToken();
    if (tokenLength > MAX_NAME_LENGTH) {
      throw GIVE_UP;
    }
    name = keys.get(text, tokenStart, tokenLength, hash);
    afterName = true;
    return _currToken = JsonToken.FIELD_NAME;
  }

  /** Reads the value that starts at the current character. */
  private JsonToken value() throws IOException {
    if (at == end) {
      throw GIVE_UP;
    }
    char c = text[at];
    filled = true;
    switch (c) {
      case '{':
        return open(true);
      case '[':
        return open(false);
      case '"':
        stringToken();
        if (tokenLength > maxStringLength) {
          throw GIVE_UP;
        }
        return JsonToken.VALUE_STRING;
      case 't':
        literal("true");
        return JsonToken.VALUE_TRUE;
      case 'f':
        literal("false");
        return JsonToken.VALUE_FALSE;
      case 'n':
        literal("null");
        return JsonToken.VALUE_NULL;
      default:
        return number();
    }
  }

  private JsonToken open(boolean object) throws GiveUp {
    if (depth == maxDepth) {
      throw GIVE_UP;
    }
    at++;
    if (object) {
      objects |= 1L << depth;
    } else {
      objects &= ~(1L << depth);
    }
    depth++;
    filled = false;
    return object ? JsonToken.START_OBJECT : JsonToken.START_ARRAY;
  }

  /**
   * Reads a string without escapes; the current character is its opening quote. Returns the hash of
   * its characters, for {@link KeyCache}.
   */
  private int stringToken() throws GiveUp {
    int start = at + 1;
    int i = start;
    int hash = 0;
    while (true) {
      if (i == end) {
        throw GIVE_UP;
      }
      char c = text[i];
      if (c == '"') {
        break;
      }
      if (c == '\\' || c < 0x20) {
        throw GIVE_UP;
      }
      hash = KeyCache.hash(hash, c);
      i++;
    }
    tokenStart = start;
    tokenLength = i - start;
    at = i + 1;
    return hash;
  }

  private void literal(String word) throws GiveUp {
    int n = word.length();
    if (end - at < n) {
      throw GIVE_UP;
    }
    for (int k = 1; k < n; k++) {
      if (text[at + k] != word.charAt(k)) {
        throw GIVE_UP;
      }
    }
    at += n;
    requireDelimiter();
  }

  /** Reads a number of the JSON grammar; the current character is its first. */
  private JsonToken number() throws GiveUp {
    int start = at;
    int i = at;
    negative = text[i] == '-';
    if (negative) {
      i++;
    }
    int digitsStart = i;
    while (i < end && isDigit(text[i])) {
      i++;
    }
    int digits = i - digitsStart;
    if (digits == 0 || digits > MAX_INT_DIGITS || (digits > 1 && text[digitsStart] == '0')) {
      throw GIVE_UP;
    }
    boolean whole = true;
    if (i < end && text[i] == '.') {
      whole = false;
      int fraction = ++i;
      while (i < end && isDigit(text[i])) {
        i++;
      }
      if (i == fraction) {
        throw GIVE_UP;
      }
    }
    if (i < end && (text[i] == 'e' || text[i] == 'E')) {
      whole = false;
      i++;
      if (i < end && (text[i] == '+' || text[i] == '-')) {
        i++;
      }
      int exponent = i;
      while (i < end && isDigit(text[i])) {
        i++;
      }
      if (i == exponent) {
        throw GIVE_UP;
      }
    }
    if (i - start > MAX_NUMBER_LENGTH) {
      throw GIVE_UP;
    }
    tokenStart = start;
    tokenLength = i - start;
    intDigits = digits;
    at = i;
    requireDelimiter();
    return whole ? JsonToken.VALUE_NUMBER_INT : JsonToken.VALUE_NUMBER_FLOAT;
  }

  /** A scalar ends at white space, a comma, the end of its container or the end of the text. */
  private void requireDelimiter() throws GiveUp {
    if (at == end) {
      return;
    }
    char c = text[at];
    if (c != ',' && c != '}' && c != ']' && c != ' ' && c != '\n' && c != '\r' && c != '\t') {
      throw GIVE_UP;
    }
  }

  private void skipWhiteSpace() throws GiveUp {
    while (at < end) {
      char c = text[at];
      if (c > ' ') {
        return;
      }
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        throw GIVE_UP;
      }
      at++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  // ---------------------------------------------------------------------------------------------
  // Texts and numbers of the current token

  @Override
  public String getCurrentName() {
    return _currToken == JsonToken.FIELD_NAME ? name : null;
  }

  @Override
  public String getText() {
    if (_currToken == null) {
      return null;
    }
    return switch (_currToken) {
      case FIELD_NAME -> name;
      case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
          new String(text, tokenStart, tokenLength);
      default -> _currToken.asString();
    };
  }

  @Override
  public char[] getTextCharacters() {
    return hasTextCharacters() ? text : getText().toCharArray();
  }

  @Override
  public int getTextLength() {
    return hasTextCharacters() ? tokenLength : getText().length();
  }

  @Override
  public int getTextOffset() {
    return hasTextCharacters() ? tokenStart : 0;
  }

  @Override
  public boolean hasTextCharacters() {
    return _currToken == JsonToken.VALUE_STRING
        || _currToken == JsonToken.VALUE_NUMBER_INT
        || _currToken == JsonToken.VALUE_NUMBER_FLOAT;
  }

  @Override
  public NumberType getNumberType() throws IOException {
    if (_currToken == JsonToken.VALUE_NUMBER_INT) {
      return intDigits <= 9 ? NumberType.INT : NumberType.LONG;
    }
    if (_currToken == JsonToken.VALUE_NUMBER_FLOAT) {
      return NumberType.DOUBLE;
    }
    return null;
  }

  @Override
  public Number getNumberValue() throws IOException {
    if (_currToken == JsonToken.VALUE_NUMBER_INT) {
      return getLongValue();
    }
    return getDoubleValue();
  }

  @Override
  public int getIntValue() throws IOException {
    return (int) getLongValue();
  }

  @Override
  public long getLongValue() throws IOException {
    if (_currToken != JsonToken.VALUE_NUMBER_INT) {
      return (long) getDoubleValue();
    }
    long value = 0;
    int i = tokenStart + (negative ? 1 : 0);
    for (int stop = tokenStart + tokenLength; i < stop; i++) {
      value = value * 10 + (text[i] - '0');
    }
    return negative ? -value : value;
  }

  @Override
  public BigInteger getBigIntegerValue() throws IOException {
    return BigInteger.valueOf(getLongValue());
  }

  @Override
  public float getFloatValue() throws IOException {
    return (float) getDoubleValue();
  }

  @Override
  public double getDoubleValue() throws IOException {
    requireNumber();
    try {
      return Double.parseDouble(new String(text, tokenStart, tokenLength));
    } catch (NumberFormatException e) {
      throw GIVE_UP;
    }
  }

  @Override
  public BigDecimal getDecimalValue() throws IOException {
    requireNumber();
    try {
      return new BigDecimal(text, tokenStart, tokenLength);
    } catch (NumberFormatException e) {
      throw GIVE_UP;
    }
  }

  private void requireNumber() throws GiveUp {
    if (_currToken != JsonToken.VALUE_NUMBER_INT && _currToken != JsonToken.VALUE_NUMBER_FLOAT) {
      throw GIVE_UP;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // What this parser does not offer

  @Override
  protected void _handleEOF() {
    // nextToken never reaches the base class's end handling
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  /** Always null: this parser keeps no context objects; {@code JobReader} never asks for one. */
  @Override
  public JsonStreamContext getParsingContext() {
    return null;
  }

  @Override
  public void overrideCurrentName(String name) {
    this.name = name;
  }

  @Override
  public byte[] getBinaryValue(Base64Variant variant) throws IOException {
    throw GIVE_UP;
  }

  @Override
  public ObjectCodec getCodec() {
    return null;
  }

  @Override
  public void setCodec(ObjectCodec codec) {
    // no codec
  }

  @Override
  public Version version() {
    return Version.unknownVersion();
  }

  @Override
  public JsonLocation getCurrentLocation() {
    return JsonLocation.NA;
  }

  @Override
  public JsonLocation getTokenLocation() {
    return JsonLocation.NA;
  }
}
