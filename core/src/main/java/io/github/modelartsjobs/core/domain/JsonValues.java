package io.github.modelartsjobs.core.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep, unmodifiable copies of JSON-shaped values, for the parts of a job that no table documents.
 *
 * <p>A JSON-shaped value is {@code null}, a {@link String}, a {@link Boolean}, a {@link Long} or
 * {@link BigInteger} (integers), a {@link BigDecimal} or {@link Double} (other numbers), a {@link
 * List} of such values, or a {@link Map} from {@link String} to such values. Maps keep their key
 * order and may hold {@code null} values, since the service sends explicit nulls.
 */
public final class JsonValues {

  private JsonValues() {}

  /**
   * A deep, unmodifiable copy of a JSON-shaped map, keeping key order and null values.
   *
   * @param map the map to copy; null gives an empty map
   * @return an unmodifiable copy
   * @throws IllegalArgumentException if a value is not JSON-shaped
   */
  public static Map<String, Object> copyOfObject(Map<String, ?> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 4 / 3 + 1));
    for (Map.Entry<String, ?> entry : map.entrySet()) {
      if (entry.getKey() == null) {
        throw new IllegalArgumentException("JSON object keys must not be null");
      }
      copy.put(entry.getKey(), copyOf(entry.getValue()));
    }
    return Collections.unmodifiableMap(copy);
  }

  /**
   * A deep, unmodifiable copy of a JSON-shaped value.
   *
   * @param value the value to copy, possibly null
   * @return the value itself for scalars, an unmodifiable copy for lists and maps
   * @throws IllegalArgumentException if the value is not JSON-shaped
   */
  public static Object copyOf(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Long
        || value instanceof BigInteger
        || value instanceof BigDecimal
        || value instanceof Double) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (Object item : list) {
        copy.add(copyOf(item));
      }
      return Collections.unmodifiableList(copy);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          throw new IllegalArgumentException(
              "JSON object keys must be strings, but one was " + entry.getKey());
        }
        copy.put(key, copyOf(entry.getValue()));
      }
      return Collections.unmodifiableMap(copy);
    }
    throw new IllegalArgumentException(
        "a JSON value must be null, a string, a boolean, a number, a list or a map, but was a "
            + value.getClass().getName());
  }

  static <T> List<T> copyOfList(List<T> list, String what) {
    if (list == null) {
      throw new NullPointerException(what + " must not be null");
    }
    return List.copyOf(list);
  }
}
