package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.plan.logical.Limit;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.rules.Rule;

/**
 * Merges a limit over a limit: the offsets add up and the count is what the upper one leaves.
 * <pre>
 * Limit [5 OFFSET 2]                Limit [5 OFFSET 3]
 *   Limit [10 OFFSET 1]     =>        Scan t [a]
 *     Scan t [a]
 * </pre>
 * (Rows 2..11 of t, then rows 3..7 of those, is rows 4..8 of t, i.e. at most 10 - 2 = 8 rows,
 * capped at 5.) Always safe: which rows a limit without a sort returns is unspecified anyway, and
 * over a sort both limits see the same order.
 */
public final class CombineLimits implements Rule<LogicalPlan> {
  @Override public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (!(node instanceof Limit top && top.child() instanceof Limit bottom)) return node;
      long limit;
      if (bottom.limit() < 0) {
        limit = top.limit();
      } else {
        long left = Math.max(0, bottom.limit() - top.offset());
        limit = top.limit() < 0 ? left : Math.min(top.limit(), left);
      }
      return new Limit(limit, bottom.offset() + top.offset(), bottom.child());
    });
  }
}
