package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.plan.logical.Aggregate;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.Limit;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Project;
import dev.ember.catalyst.plan.logical.Sort;
import dev.ember.catalyst.plan.logical.Values;
import dev.ember.catalyst.plan.logical.Window;

/** An upper bound on the rows a plan returns, where its shape alone tells. */
final class MaxRows {
  static final long UNKNOWN = Long.MAX_VALUE;

  private MaxRows() {}

  static long of(LogicalPlan plan) {
    if (plan instanceof Limit l) return l.limit() < 0 ? of(l.child()) : Math.min(l.limit(), of(l.child()));
    if (plan instanceof Aggregate a && a.groupings().isEmpty()) return 1;
    if (plan instanceof Values v) return v.rows().size();
    if (plan instanceof Project || plan instanceof Filter || plan instanceof Sort || plan instanceof Window) {
      return of(plan.children().get(0));
    }
    return UNKNOWN;
  }
}
