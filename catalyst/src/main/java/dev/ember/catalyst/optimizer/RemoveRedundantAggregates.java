package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.expr.AggregateCall;
import dev.ember.catalyst.expr.AggregateCall.AggFn;
import dev.ember.catalyst.expr.Alias;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Exprs;
import dev.ember.catalyst.expr.NamedAggregate;
import dev.ember.catalyst.expr.NamedExpr;
import dev.ember.catalyst.plan.logical.Aggregate;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Project;
import dev.ember.catalyst.rules.Rule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes an aggregate with only grouping keys (a DISTINCT) below another aggregate that groups by
 * those keys (or coarser) and computes only aggregates that ignore duplicates.
 * <pre>
 * Aggregate [k] [max(v) AS m]           Aggregate [k] [max(v) AS m]
 *   Aggregate [k, v] []          =>       Scan t [k, v]
 *     Scan t [k, v]
 * </pre>
 * A projection that only passes columns through may sit in between (it goes too). Duplicate-insensitive:
 * min, max, any_value and DISTINCT aggregates. Not done for count or sum
 * (they count the duplicates the lower aggregate removed), nor for non-deterministic groupings.
 */
public final class RemoveRedundantAggregates implements Rule<LogicalPlan> {
  @Override public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (!(node instanceof Aggregate upper)) return node;
      LogicalPlan below = upper.child() instanceof Project p && p.isPassThrough() ? p.child() : upper.child();
      if (!(below instanceof Aggregate lower)) return node;
      if (!lower.aggregates().isEmpty() || lower.groupings().isEmpty()) return node;
      if (!upper.aggregates().stream().allMatch(a -> ignoresDuplicates(a.call()))) return node;
      Map<Long, Expr> aliases = new HashMap<>();
      for (NamedExpr g : lower.groupings()) {
        if (!((Expr) g).deterministic()) return node;
        if (g instanceof Alias al) aliases.put(al.id(), al.child());
      }
      List<NamedExpr> groupings = upper.groupings().stream().map(g -> substitute(g, aliases)).toList();
      List<NamedAggregate> aggregates = upper.aggregates().stream()
          .map(a -> a.withCall(a.call().mapExprs(e -> Exprs.substitute(e, aliases)))).toList();
      return new Aggregate(groupings, aggregates, lower.child());
    });
  }

  private static boolean ignoresDuplicates(AggregateCall c) {
    return c.distinct() || c.fn() == AggFn.MIN || c.fn() == AggFn.MAX || c.fn() == AggFn.ANY_VALUE;
  }

  private static NamedExpr substitute(NamedExpr g, Map<Long, Expr> aliases) {
    if (g instanceof AttributeRef a) {
      Expr r = aliases.get(a.id());
      return r == null ? a : new Alias(r, a.name(), a.id());
    }
    Alias al = (Alias) g;
    return al.withChildren(List.of(Exprs.substitute(al.child(), aliases)));
  }
}
