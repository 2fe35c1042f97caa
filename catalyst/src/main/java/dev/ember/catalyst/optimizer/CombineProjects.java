package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.expr.Alias;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Exprs;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.NamedExpr;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Project;
import dev.ember.catalyst.rules.Rule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges a projection into the projection below it by substituting the lower aliases.
 * <pre>
 * Project [(x * 2) AS y]                Project [((a + 1) * 2) AS y]
 *   Project [(a + 1) AS x]      =>        Scan t [a]
 *     Scan t [a]
 * </pre>
 * Not safe when a lower projection is non-deterministic (it would be evaluated per use), and not
 * done when a lower expression other than an attribute or literal would be computed twice.
 */
public final class CombineProjects implements Rule<LogicalPlan> {
  @Override public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (!(node instanceof Project top && top.child() instanceof Project bottom)) return node;
      Map<Long, Expr> aliases = new HashMap<>();
      for (NamedExpr n : bottom.projections()) {
        if (!((Expr) n).deterministic()) return node;
        if (n instanceof Alias a) aliases.put(a.id(), a.child());
      }
      Map<Long, Integer> uses = new HashMap<>();
      for (Expr e : top.expressions()) e.foreach(x -> { if (x instanceof AttributeRef r) uses.merge(r.id(), 1, Integer::sum); });
      for (Map.Entry<Long, Expr> a : aliases.entrySet()) {
        if (uses.getOrDefault(a.getKey(), 0) > 1 && !cheap(a.getValue())) return node;
      }
      List<NamedExpr> merged = top.projections().stream().map(p -> substitute(p, aliases)).toList();
      return new Project(merged, bottom.child());
    });
  }

  private static NamedExpr substitute(NamedExpr p, Map<Long, Expr> aliases) {
    if (p instanceof AttributeRef a) {
      Expr r = aliases.get(a.id());
      return r == null ? a : new Alias(r, a.name(), a.id());
    }
    Alias al = (Alias) p;
    return al.withChildren(List.of(Exprs.substitute(al.child(), aliases)));
  }

  private static boolean cheap(Expr e) { return e instanceof AttributeRef || e instanceof Literal; }
}
