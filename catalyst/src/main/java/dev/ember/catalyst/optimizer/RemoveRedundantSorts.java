package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.plan.logical.Aggregate;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.Join;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Project;
import dev.ember.catalyst.plan.logical.Sort;
import dev.ember.catalyst.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes sorts whose order nobody sees: a sort below another sort, an aggregate or a join (with
 * only projections and filters in between), and a sort of at most one row.
 * <pre>
 * Sort [b ASC NULLS LAST]               Sort [b ASC NULLS LAST]
 *   Filter [(a > 1)]             =>       Filter [(a > 1)]
 *     Sort [a ASC NULLS LAST]               Scan t [a, b]
 *       Scan t [a, b]
 * </pre>
 * Not done through a Limit (a sort under a limit is a top-N: it decides which rows survive), a
 * Window or a Union, nor under non-deterministic projections or filters (they would see the rows
 * in another order).
 */
public final class RemoveRedundantSorts implements Rule<LogicalPlan> {
  @Override public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (node instanceof Sort s && MaxRows.of(s.child()) <= 1) return s.child();
      if (node instanceof Sort || node instanceof Aggregate || node instanceof Join) {
        List<LogicalPlan> kids = new ArrayList<>();
        for (LogicalPlan k : node.children()) kids.add(withoutSort(k));
        return node.withChildren(kids);
      }
      return node;
    });
  }

  /** {@code plan} with a Sort at its top (below projections and filters) removed. */
  private static LogicalPlan withoutSort(LogicalPlan plan) {
    if (plan instanceof Sort s) return s.child();
    if ((plan instanceof Project || plan instanceof Filter) && plan.expressions().stream().allMatch(Expr::deterministic)) {
      return plan.withChildren(List.of(withoutSort(plan.children().get(0))));
    }
    return plan;
  }
}
