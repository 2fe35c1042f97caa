package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.NamedExpr;
import dev.ember.catalyst.plan.logical.Aggregate;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Project;
import dev.ember.catalyst.rules.Rule;
import java.util.Set;

/**
 * Replaces a DISTINCT (an Aggregate of plain columns without aggregate calls) by a projection
 * when its input is already unique on some of those columns ({@link UniqueKeys}), e.g. the
 * output of a GROUP BY on them.
 * <pre>
 * Aggregate [k, s] []                      Project [k, s]
 *   Aggregate [k] [sum(v) AS s]     =>       Aggregate [k] [sum(v) AS s]
 *     Scan t [k, v]                            Scan t [k, v]
 * </pre>
 * (RemoveRedundantProjects then drops the projection when it keeps every column in order.) Not
 * done when a grouping is a computed expression, or when uniqueness is not known: a join, a union
 * or a scan may repeat rows.
 */
public final class RemoveRedundantDistinct implements Rule<LogicalPlan> {
  @Override public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (!(node instanceof Aggregate a && a.aggregates().isEmpty() && !a.groupings().isEmpty())) return node;
      if (!a.groupings().stream().allMatch(g -> g instanceof AttributeRef)) return node;
      Set<Long> key = UniqueKeys.of(a.child());
      if (key == null || !a.groupings().stream().map(NamedExpr::id).toList().containsAll(key)) return node;
      return new Project(a.groupings(), a.child());
    });
  }
}
