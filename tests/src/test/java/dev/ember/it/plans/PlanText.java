package dev.ember.it.plans;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes plan text comparable across runs: expression ids (which depend on how many queries the
 * JVM planned before) are renumbered in order of first appearance, and trailing spaces dropped.
 */
final class PlanText {
  private static final Pattern ID = Pattern.compile("#(\\d+)");

  private PlanText() {}

  static String normalize(String plan) {
    Map<String, Integer> ids = new HashMap<>();
    Matcher m = ID.matcher(plan);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      int n = ids.computeIfAbsent(m.group(1), k -> ids.size() + 1);
      m.appendReplacement(sb, "#" + n);
    }
    m.appendTail(sb);
    return sb.toString().replaceAll("[ \\t]+\\n", "\n");
  }
}
