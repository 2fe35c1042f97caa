package dev.ember.sql;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable, insertion-ordered copies of option maps (Map.copyOf would lose the order). */
final class Options {
  private Options() {}

  static Map<String, String> copyOf(Map<String, String> options) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }
}
