package io.github.modelartsjobs.codec;

/**
 * The keys read by {@link PlainCharsParser}, made unique so that the keys of every result read by
 * one codec share their strings, as Jackson's own parsers share theirs. Thread-safe: a slot holds
 * one key and is overwritten by a later key with the same slot; a string read from a slot by
 * another thread is complete, since strings are immutable. A miss only costs a new string.
 */
final class KeyCache {

  private static final int SLOTS = 256;

  private static final int MAX_CACHED_LENGTH = 64;

  private final String[] slots = new String[SLOTS];

  private final String[] valid = new String[SLOTS];

  /**
   * The key with these characters.
   *
   * @param text the characters
   * @param offset where the key starts
   * @param length how many characters it has
   * @return a string equal to the characters, the same instance as before where the slot still
   *     holds it
   */
  String get(char[] text, int offset, int length) {
    if (length > MAX_CACHED_LENGTH) {
      return new String(text, offset, length);
    }
    int hash = 0;
    for (int i = offset, stop = offset + length; i < stop; i++) {
      hash = 31 * hash + text[i];
    }
    int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    String cached = slots[slot];
    if (cached != null && matches(cached, text, offset, length)) {
      return cached;
    }
    String key = new String(text, offset, length);
    slots[slot] = key;
    return key;
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

  private static boolean matches(String key, char[] text, int offset, int length) {
    if (key.length() != length) {
      return false;
    }
    for (int k = 0; k < length; k++) {
      if (key.charAt(k) != text[offset + k]) {
        return false;
      }
    }
    return true;
  }
}
