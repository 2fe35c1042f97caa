package dev.ember.catalyst.rules;

import java.util.List;

/**
 * A named group of rules run in order, either once or repeatedly until nothing changes (or
 * {@code maxIterations} is reached).
 */
public record Batch<T>(String name, int maxIterations, List<Rule<T>> rules) {
  public Batch { rules = List.copyOf(rules); }

  @SafeVarargs
  public static <T> Batch<T> once(String name, Rule<T>... rules) { return new Batch<>(name, 1, List.of(rules)); }

  @SafeVarargs
  public static <T> Batch<T> fixedPoint(String name, Rule<T>... rules) {
    return new Batch<>(name, 100, List.of(rules));
  }

  public boolean isOnce() { return maxIterations == 1; }
}
