package io.github.modelartsjobs.codec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys of one JSON object that a reader keeps as sent (undocumented keys, and documented keys
 * whose value could not be read as documented), in the order read. The map is made on the first
 * key, so that objects without such keys allocate nothing.
 */
class JsonFields {

  private LinkedHashMap<String, Object> map;

  /** Adds a key, reporting false when the object already had it. */
  boolean add(String name, Object value) {
    if (map == null) {
      map = new LinkedHashMap<>();
    }
    int before = map.size();
    map.put(name, value);
    return map.size() > before;
  }

  boolean contains(String name) {
    return map != null && map.containsKey(name);
  }

  Object get(String name) {
    return map == null ? null : map.get(name);
  }

  /** The keys and values read; the caller copies them into the domain. */
  Map<String, Object> toMap() {
    return map == null ? Map.of() : map;
  }
}
