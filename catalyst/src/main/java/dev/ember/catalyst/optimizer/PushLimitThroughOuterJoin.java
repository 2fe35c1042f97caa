package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.plan.logical.Join;
import dev.ember.catalyst.plan.logical.JoinType;
import dev.ember.catalyst.plan.logical.Limit;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.rules.Rule;
import java.util.List;

/**
 * Adds a local limit to the preserved side of a LEFT (or RIGHT) outer join under a limit: each of
 * its rows yields at least one output row, so that many of them are enough.
 * <pre>
 * Limit [10]                          Limit [10]
 *   Join LeftOuter [(a = x)]   =>       Join LeftOuter [(a = x)]
 *     Scan t [a]                          Limit [10]
 *     Scan u [x]                            Scan t [a]
 *                                         Scan u [x]
 * </pre>
 * Not done for inner, full, semi or anti joins (a row of either side may yield no row), for a
 * limit without a count, or when the side is already limited as much.
 */
public final class PushLimitThroughOuterJoin implements Rule<LogicalPlan> {
  @Override public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (!(node instanceof Limit l && l.child() instanceof Join j) || l.limit() < 0) return node;
      long n = l.limit() + l.offset();
      if (j.type() == JoinType.LEFT && !PushLimitIntoUnion.limitedTo(j.left(), n)) {
        return l.withChild(j.withChildren(List.of(new Limit(n, 0, j.left()), j.right())));
      }
      if (j.type() == JoinType.RIGHT && !PushLimitIntoUnion.limitedTo(j.right(), n)) {
        return l.withChild(j.withChildren(List.of(j.left(), new Limit(n, 0, j.right()))));
      }
      return node;
    });
  }
}
