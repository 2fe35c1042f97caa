package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.expr.Alias;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Exprs;
import dev.ember.catalyst.expr.NamedExpr;
import dev.ember.catalyst.expr.Predicates;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Project;
import dev.ember.catalyst.rules.Rule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves a filter below a projection, replacing references to the projection's aliases by the
 * aliased expressions.
 * <pre>
 * Filter [(x > 1)]                     Project [(a + 1) AS x]
 *   Project [(a + 1) AS x]     =>        Filter [((a + 1) > 1)]
 *     Scan t [a]                           Scan t [a]
 * </pre>
 * Not safe when a projection is non-deterministic (substituting it would evaluate it again) or
 * for conjuncts from the first non-deterministic one on: those stay above.
 */
public final class PushFilterThroughProject implements Rule<LogicalPlan> {
  @Override public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (!(node instanceof Filter f && f.child() instanceof Project p)) return node;
      if (!p.projections().stream().allMatch(n -> ((Expr) n).deterministic())) return node;
      List<Expr> conjuncts = Predicates.splitConjuncts(f.condition());
      int n = Conjuncts.deterministicPrefix(conjuncts);
      if (n == 0) return node;
      Map<Long, Expr> aliases = new HashMap<>();
      for (NamedExpr ne : p.projections()) if (ne instanceof Alias a) aliases.put(a.id(), a.child());
      List<Expr> pushed = conjuncts.subList(0, n).stream().map(c -> Exprs.substitute(c, aliases)).toList();
      Project below = p.withChild(new Filter(Predicates.and(pushed), p.child()));
      return Conjuncts.filter(below, conjuncts.subList(n, conjuncts.size()));
    });
  }
}
