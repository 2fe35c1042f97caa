package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.plan.logical.Limit;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Project;
import dev.ember.catalyst.rules.Rule;

/**
 * Moves a limit below a projection, so fewer rows are projected and a limit over a projected sort
 * becomes a top-N (Limit directly over Sort) for the planner.
 * <pre>
 * Limit [10]                        Project [(a + 1) AS x]
 *   Project [(a + 1) AS x]   =>       Limit [10]
 *     Sort [a ASC NULLS LAST]           Sort [a ASC NULLS LAST]
 *       Scan t [a]                        Scan t [a]
 * </pre>
 * A projection maps each row to one row, so the same rows (in the same order) reach the top. Not
 * done when a projection is non-deterministic: it would be evaluated on other rows.
 */
public final class PushLimitThroughProject implements Rule<LogicalPlan> {
  @Override public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (!(node instanceof Limit l && l.child() instanceof Project p)) return node;
      if (!p.expressions().stream().allMatch(Expr::deterministic)) return node;
      return p.withChild(l.withChild(p.child()));
    });
  }
}
