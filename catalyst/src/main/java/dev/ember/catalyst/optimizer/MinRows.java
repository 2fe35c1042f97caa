package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.plan.logical.Aggregate;
import dev.ember.catalyst.plan.logical.Limit;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Project;
import dev.ember.catalyst.plan.logical.Sort;
import dev.ember.catalyst.plan.logical.Values;
import dev.ember.catalyst.plan.logical.Window;

/**
 * A lower bound on the rows a plan returns, where its shape alone tells: an aggregate without
 * grouping keys returns one row even over an empty input; filters and joins may return none.
 */
final class MinRows {
  private MinRows() {}

  static long of(LogicalPlan plan) {
    if (plan instanceof Aggregate a && a.groupings().isEmpty()) return 1;
    if (plan instanceof Values v) return v.rows().size();
    if (plan instanceof Limit l) {
      long rows = Math.max(0, of(l.child()) - l.offset());
      return l.limit() < 0 ? rows : Math.min(l.limit(), rows);
    }
    if (plan instanceof Project || plan instanceof Sort || plan instanceof Window) return of(plan.children().get(0));
    return 0;
  }
}
