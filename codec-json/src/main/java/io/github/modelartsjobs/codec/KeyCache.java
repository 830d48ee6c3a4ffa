package io.github.modelartsjobs.codec;

import java.util.Arrays;

/**
 * The keys read by {@link PlainCharsParser}, made unique so that the keys of every result read by
 * one codec share their strings, as Jackson's own parsers share theirs. Thread-safe: a slot holds
 * one key and is overwritten by a later key with the same slot; a string read from a slot by
 * another thread is complete, since strings are immutable. A miss only costs a new string.
 */
final class KeyCache {

  private static final int SLOTS = 256;

  private static final int MAX_CACHED_LENGTH = 64;

  /** A key and its characters, published whole through a slot. */
  private record Entry(String key, char[] chars) {}

  private final Entry[] slots = new Entry[SLOTS];

  private final String[] valid = new String[SLOTS];

  /**
   * The key with these characters.
   *
   * @param text the characters
   * @param offset where the key starts
   * @param length how many characters it has
   * @param hash {@link #hash} of the characters
   * @return a string equal to the characters, the same instance as before where the slot still
   *     holds it
   */
  String get(char[] text, int offset, int length, int hash) {
    if (length > MAX_CACHED_LENGTH) {
      return new String(text, offset, length);
    }
    int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    Entry cached = slots[slot];
    if (cached != null
        && Arrays.equals(cached.chars, 0, cached.chars.length, text, offset, offset + length)) {
      return cached.key;
    }
    String key = new String(text, offset, length);
    slots[slot] = new Entry(key, key.toCharArray());
    return key;
  }

  /** The hash of a key's characters, computed as the characters are read: {@code 31 * h + c}. */
  static int hash(int hash, char c) {
    return 31 * hash + c;
  }

  /**
   * Whether this very string (not only an equal one) was found a valid key before. Jackson's
   * parsers give the same string for the same key each time, so that a key is checked once.
   */
  boolean isValid(String key) {
    return valid[slot(key)] == key;
  }

  /** Remembers that this string is a valid key. */
  void validated(String key) {
    valid[slot(key)] = key;
  }

  private static int slot(String key) {
    int hash = key.hashCode();
    return (hash ^ (hash >>> 16)) & (SLOTS - 1);
  }
}
