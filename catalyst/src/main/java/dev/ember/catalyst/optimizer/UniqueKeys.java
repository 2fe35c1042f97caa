package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.expr.Alias;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.NamedExpr;
import dev.ember.catalyst.plan.logical.Aggregate;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.Limit;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Project;
import dev.ember.catalyst.plan.logical.Sort;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A set of output columns on which a plan's rows are known to be unique (no two rows agree on all
 * of them), or null when the shape does not tell. An empty set means at most one row.
 */
final class UniqueKeys {
  private UniqueKeys() {}

  static Set<Long> of(LogicalPlan plan) {
    if (MaxRows.of(plan) <= 1) return Set.of();
    if (plan instanceof Aggregate a) {
      Set<Long> out = new LinkedHashSet<>();
      for (NamedExpr g : a.groupings()) out.add(g.id());
      return out;
    }
    if (plan instanceof Filter || plan instanceof Sort || plan instanceof Limit) return of(plan.children().get(0));
    if (plan instanceof Project p) {
      Set<Long> below = of(p.child());
      if (below == null) return null;
      Map<Long, Long> renamed = new HashMap<>();
      for (NamedExpr n : p.projections()) {
        if (n instanceof AttributeRef a) renamed.putIfAbsent(a.id(), a.id());
        if (n instanceof Alias al && al.child() instanceof AttributeRef a) renamed.putIfAbsent(a.id(), al.id());
      }
      Set<Long> out = new LinkedHashSet<>();
      for (Long id : below) {
        Long now = renamed.get(id);
        if (now == null) return null;
        out.add(now);
      }
      return out;
    }
    return null;
  }
}
