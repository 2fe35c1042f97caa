package dev.ember.api;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.optimizer.cbo.CostBasedJoinReorder;
import dev.ember.execution.cluster.SchedulingConfig;
import dev.ember.execution.scheduler.SlowTask;
import dev.ember.execution.scheduler.Speculation;
import dev.ember.planner.adaptive.AdaptiveConfig;
import dev.ember.planner.strategy.PlannerConfig;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * One session's settings ({@link Settings}): the values as the user set them, and the typed
 * readings the engine takes from them. A badly formed value fails with SQLSTATE 22000 naming the
 * setting when it is read, not when it is set.
 */
final class SessionConf {
  private final Map<String, String> values = new TreeMap<>();

  /** The defaults for {@code parallelism} task slots, overridden by {@code initial}. */
  SessionConf(int parallelism, Map<String, String> initial) {
    values.putAll(Settings.defaults(parallelism));
    values.putAll(initial);
    initial.forEach(MemorySettings::apply);
  }

  String get(String key) { return values.get(key); }

  /** Sets a value; process-wide memory settings take effect at once. */
  void set(String key, String value) {
    MemorySettings.apply(key, value);
    values.put(key, value);
  }

  /** Every setting in key order. */
  void forEach(BiConsumer<String, String> action) { values.forEach(action); }

  /** A boolean setting read leniently: anything but "true" is false. */
  boolean flag(String key) { return Boolean.parseBoolean(values.get(key)); }

  /** A boolean setting that must be true or false (true when unset). */
  boolean bool(String key) {
    String v = values.getOrDefault(key, "true").trim();
    if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
      throw new EmberException(EmberException.DATA_EXCEPTION, "setting " + key + " must be true or false: " + v);
    }
    return Boolean.parseBoolean(v);
  }

  int integer(String key) {
    try {
      return Integer.parseInt(values.get(key).trim());
    } catch (NumberFormatException e) {
      throw new EmberException(EmberException.DATA_EXCEPTION, "setting " + key + " must be a number: " + values.get(key));
    }
  }

  long longValue(String key) {
    try {
      return Long.parseLong(values.get(key).trim());
    } catch (NumberFormatException e) {
      throw new EmberException(EmberException.DATA_EXCEPTION, "setting " + key + " must be a number: " + values.get(key));
    }
  }

  double number(String key) {
    try {
      double v = Double.parseDouble(values.get(key).trim());
      if (Double.isFinite(v) && v > 0) return v;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new EmberException(EmberException.DATA_EXCEPTION, "setting " + key + " must be a positive number: " + values.get(key));
  }

  /** A duration setting in milliseconds: {@code "250ms"}, {@code "3s"}, or a number of milliseconds. */
  long millis(String key) {
    String v = values.get(key).trim().toLowerCase(java.util.Locale.ROOT);
    try {
      long ms;
      if (v.endsWith("ms")) ms = Long.parseLong(v.substring(0, v.length() - 2).trim());
      else if (v.endsWith("s")) ms = Math.round(Double.parseDouble(v.substring(0, v.length() - 1).trim()) * 1000);
      else ms = Long.parseLong(v);
      if (ms >= 0) return ms;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new EmberException(EmberException.DATA_EXCEPTION, "setting " + key + " must be a duration such as 100ms or 3s: " + values.get(key));
  }

  /** Retries, speculation and locality of tasks on executors. */
  SchedulingConfig schedulingConfig() {
    Speculation speculation = new Speculation(bool(Settings.SPECULATION), number(Settings.SPECULATION_MULTIPLIER),
        fraction(Settings.SPECULATION_QUANTILE), millis(Settings.SPECULATION_MIN_RUNTIME));
    int maxFailures = integer(Settings.TASK_MAX_FAILURES);
    if (maxFailures < 1) {
      throw new EmberException(EmberException.DATA_EXCEPTION, "setting " + Settings.TASK_MAX_FAILURES + " must be at least 1");
    }
    return new SchedulingConfig(maxFailures, speculation, millis(Settings.LOCALITY_WAIT),
        SlowTask.parse(values.get(Settings.TEST_SLOW_TASK)));
  }

  private double fraction(String key) {
    try {
      double v = Double.parseDouble(values.get(key).trim());
      if (v >= 0 && v <= 1) return v;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new EmberException(EmberException.DATA_EXCEPTION, "setting " + key + " must be a number from 0 to 1: " + values.get(key));
  }

  /** {@code ember.sql.queryTimeout} in seconds (0: none). */
  double timeoutSeconds() {
    String v = values.getOrDefault(Settings.QUERY_TIMEOUT, "0").trim();
    try {
      double seconds = Double.parseDouble(v);
      if (seconds >= 0 && Double.isFinite(seconds)) return seconds;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new EmberException(EmberException.DATA_EXCEPTION,
        "setting " + Settings.QUERY_TIMEOUT + " must be a number of seconds (0: no time-out): " + v);
  }

  /** The optimizer rules switched off: those named by the user, and the cost-based order unless enabled. */
  Set<String> excludedRules() {
    Set<String> out = new HashSet<>();
    for (String s : values.getOrDefault(Settings.EXCLUDED_RULES, "").split(",")) if (!s.isBlank()) out.add(s.trim());
    if (!bool(Settings.CBO_ENABLED) || !bool(Settings.CBO_JOIN_REORDER)) out.add(new CostBasedJoinReorder().name());
    return out;
  }

  PlannerConfig plannerConfig() {
    return new PlannerConfig(integer(Settings.SHUFFLE_PARTITIONS),
        Long.parseLong(values.get(Settings.BROADCAST_THRESHOLD).trim()), bool(Settings.CBO_ENABLED));
  }

  /** Adaptive execution's settings ({@code ember.sql.adaptive.*}); its broadcast threshold is the planner's. */
  AdaptiveConfig adaptiveConfig(int parallelism) {
    return new AdaptiveConfig(bool(Settings.ADAPTIVE_ENABLED), longValue(Settings.ADVISORY_PARTITION_SIZE),
        longValue(Settings.COALESCE_MIN_PARTITION_SIZE), parallelism, longValue(Settings.BROADCAST_THRESHOLD),
        new AdaptiveConfig.SkewJoin(bool(Settings.SKEW_JOIN_ENABLED), number(Settings.SKEW_JOIN_FACTOR),
            longValue(Settings.SKEW_JOIN_THRESHOLD)));
  }
}
