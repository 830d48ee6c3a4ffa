package io.github.modelartsjobs.app;

import java.util.List;

/** Small helpers for the wording of messages. */
final class Texts {

  private Texts() {}

  /**
   * Items joined as a person lists them: {@code a}, {@code a and b}, {@code a, b and c}.
   *
   * @param items the items, at least one
   * @return the list as text
   */
  static String and(List<String> items) {
    return join(items, "and");
  }

  /**
   * Items joined as alternatives: {@code a}, {@code a or b}, {@code a, b or c}.
   *
   * @param items the items, at least one
   * @return the list as text
   */
  static String or(List<String> items) {
    return join(items, "or");
  }

  private static String join(List<String> items, String word) {
    if (items.size() < 2) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " "
        + word
        + " "
        + items.get(items.size() - 1);
  }
}
