package io.github.modelartsjobs.codec;

/**
 * The limits a {@link JobJsonCodec} enforces on every body it reads, so that a hostile or broken
 * answer cannot exhaust memory or the stack. Crossing a limit is an {@code
 * InvalidResponseException} whose message names the limit.
 *
 * @param maxBodyBytes the largest body read, in bytes (default 32 MiB), from 1 to {@value
 *     #MAX_BODY_BYTES}
 * @param maxNestingDepth the deepest nesting of objects and arrays (default 200), counted
 *     separately inside a string holding JSON, from 1 to {@value #MAX_NESTING_DEPTH}
 * @param maxStringLength the longest string value, in characters (default 16 MiB), at least 1
 */
public record CodecLimits(long maxBodyBytes, int maxNestingDepth, int maxStringLength) {

  /** The default largest body: 32 MiB. */
  public static final long DEFAULT_MAX_BODY_BYTES = 32L * 1024 * 1024;

  /** The default deepest nesting: 200. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 200;

  /** The default longest string: 16 MiB characters. */
  public static final int DEFAULT_MAX_STRING_LENGTH = 16 * 1024 * 1024;

  /** The largest body any limit allows, a little below the largest Java array. */
  public static final long MAX_BODY_BYTES = Integer.MAX_VALUE - 16L;

  /** The deepest nesting any limit allows, so that reading never exhausts the stack. */
  public static final int MAX_NESTING_DEPTH = 1000;

  /**
   * Checks the limits.
   *
   * @throws IllegalArgumentException naming the limit and its value if one is out of range
   */
  public CodecLimits {
    if (maxBodyBytes < 1 || maxBodyBytes > MAX_BODY_BYTES) {
      throw new IllegalArgumentException(
          "maxBodyBytes must be from 1 to " + MAX_BODY_BYTES + ", but was " + maxBodyBytes);
    }
    if (maxNestingDepth < 1 || maxNestingDepth > MAX_NESTING_DEPTH) {
      throw new IllegalArgumentException(
          "maxNestingDepth must be from 1 to "
              + MAX_NESTING_DEPTH
              + ", but was "
              + maxNestingDepth);
    }
    if (maxStringLength < 1) {
      throw new IllegalArgumentException(
          "maxStringLength must be at least 1, but was " + maxStringLength);
    }
  }

  /** The default limits: 32 MiB bodies, nesting 200 deep, strings of 16 MiB characters. */
  public static CodecLimits defaults() {
    return new CodecLimits(
        DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_STRING_LENGTH);
  }

  /** These limits with another largest body, in bytes. */
  public CodecLimits withMaxBodyBytes(long bytes) {
    return new CodecLimits(bytes, maxNestingDepth, maxStringLength);
  }

  /** These limits with another deepest nesting. */
  public CodecLimits withMaxNestingDepth(int depth) {
    return new CodecLimits(maxBodyBytes, depth, maxStringLength);
  }

  /** These limits with another longest string, in characters. */
  public CodecLimits withMaxStringLength(int length) {
    return new CodecLimits(maxBodyBytes, maxNestingDepth, length);
  }
}
