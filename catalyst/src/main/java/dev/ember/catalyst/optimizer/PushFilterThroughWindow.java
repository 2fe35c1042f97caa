package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Exprs;
import dev.ember.catalyst.expr.Predicates;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Window;
import dev.ember.catalyst.rules.Rule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Moves the conjuncts of a filter over a window that read only partition keys below it: they
 * keep or drop whole partitions, and a window function sees only its own partition.
 * <pre>
 * Filter [((k = 1) AND (r < 3))]                          Filter [(r < 3)]
 *   Window [rank() AS r] partitionBy=[k] orderBy=[v]  =>    Window [rank() AS r] partitionBy=[k] orderBy=[v]
 *     Scan t [k, v]                                           Filter [(k = 1)]
 *                                                               Scan t [k, v]
 * </pre>
 * Not safe for conjuncts reading a window result or any column that is not a partition key (they
 * would drop rows from a partition the function still counts), for conjuncts that read no column,
 * for non-deterministic window expressions, and for conjuncts after the first non-deterministic one.
 */
public final class PushFilterThroughWindow implements Rule<LogicalPlan> {
  @Override public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (!(node instanceof Filter f && f.child() instanceof Window w)) return node;
      if (!w.expressions().stream().allMatch(Expr::deterministic)) return node;
      Set<Long> keys = new HashSet<>();
      for (Expr p : w.partitionBy()) if (p instanceof AttributeRef a) keys.add(a.id());
      List<Expr> conjuncts = Predicates.splitConjuncts(f.condition());
      int movable = Conjuncts.deterministicPrefix(conjuncts);
      List<Expr> down = new ArrayList<>(), stay = new ArrayList<>();
      for (Expr c : conjuncts.subList(0, movable)) {
        Set<Long> refs = Exprs.references(c);
        if (!refs.isEmpty() && keys.containsAll(refs)) down.add(c);
        else stay.add(c);
      }
      if (down.isEmpty()) return node;
      stay.addAll(conjuncts.subList(movable, conjuncts.size()));
      return Conjuncts.filter(w.withChild(new Filter(Predicates.and(down), w.child())), stay);
    });
  }
}
