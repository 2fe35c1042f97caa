package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.expr.Predicates;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.rules.Rule;

/**
 * Merges adjacent filters into one whose condition is the lower AND the upper one.
 * <pre>
 * Filter [(b = 2)]                Filter [((a > 1) AND (b = 2))]
 *   Filter [(a > 1)]      =>        Scan t [a, b]
 *     Scan t [a, b]
 * </pre>
 * Not safe when either condition is non-deterministic: the upper one would then be evaluated on
 * rows the lower one rejects, changing how often (and on what) it runs.
 */
public final class CombineFilters implements Rule<LogicalPlan> {
  @Override public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (node instanceof Filter top
          && top.child() instanceof Filter bottom
          && top.condition().deterministic()
          && bottom.condition().deterministic()) {
        return new Filter(Predicates.and(bottom.condition(), top.condition()), bottom.child());
      }
      return node;
    });
  }
}
