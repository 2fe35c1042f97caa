package dev.ember.catalyst.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Runs batches of rules over a tree and records which rule changed it and how long each took.
 * Change is detected by identity. A {@code checker} (set in tests) validates the tree after every
 * rule that changed it, naming the rule that broke an invariant.
 */
public class RuleExecutor<T> {
  /** One rule application that changed the plan. */
  public record TraceEntry(String batch, String rule, int iteration, long nanos, boolean changed) {}

  private final List<Batch<T>> batches;
  private final Set<String> excludedRules;
  private final BiConsumer<T, T> checker;

  public RuleExecutor(List<Batch<T>> batches, Set<String> excludedRules, BiConsumer<T, T> checker) {
    this.batches = List.copyOf(batches);
    this.excludedRules = Set.copyOf(excludedRules);
    this.checker = checker;
  }

  public List<Batch<T>> batches() { return batches; }

  public T execute(T plan) { return execute(plan, new ArrayList<>()); }

  /** Runs every batch; appends one entry per rule application to {@code trace}. */
  public T execute(T plan, List<TraceEntry> trace) {
    T current = plan;
    for (Batch<T> batch : batches) {
      for (int iteration = 1; iteration <= batch.maxIterations(); iteration++) {
        T before = current;
        for (Rule<T> rule : batch.rules()) {
          if (excludedRules.contains(rule.name())) continue;
          long start = System.nanoTime();
          T next = rule.apply(current);
          boolean changed = next != current;
          trace.add(new TraceEntry(batch.name(), rule.name(), iteration, System.nanoTime() - start, changed));
          if (changed && checker != null) {
            try {
              checker.accept(current, next);
            } catch (RuntimeException e) {
              throw new IllegalStateException("rule " + rule.name() + " in batch " + batch.name()
                  + " broke the plan: " + e.getMessage(), e);
            }
          }
          current = next;
        }
        if (current == before) break;
      }
    }
    return current;
  }
}
