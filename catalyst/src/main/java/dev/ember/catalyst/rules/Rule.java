package dev.ember.catalyst.rules;

/** A rewrite of a tree. Returns its input unchanged (the same object) when it does not apply. */
public interface Rule<T> {
  T apply(T plan);

  /** The name used in traces and in {@code ember.optimizer.excludedRules}. */
  default String name() { return getClass().getSimpleName(); }
}
