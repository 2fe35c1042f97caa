package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.expr.Alias;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Exprs;
import dev.ember.catalyst.expr.NamedExpr;
import dev.ember.catalyst.expr.Predicates;
import dev.ember.catalyst.plan.logical.Aggregate;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.rules.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves the conjuncts of a filter over an aggregate that read only grouping columns below it:
 * they keep or drop whole groups, so they may as well drop the rows first.
 * <pre>
 * Filter [((k > 1) AND (s > 10L))]            Filter [(s > 10L)]
 *   Aggregate [k] [sum(v) AS s]       =>        Aggregate [k] [sum(v) AS s]
 *     Scan t [k, v]                               Filter [(k > 1)]
 *                                                   Scan t [k, v]
 * </pre>
 * Not safe for conjuncts reading an aggregate result, for conjuncts that read no column (over a
 * global aggregate, HAVING FALSE gives no row but WHERE FALSE gives one), for non-deterministic
 * conjuncts or aggregates, and for conjuncts after the first non-deterministic one.
 */
public final class PushFilterThroughAggregate implements Rule<LogicalPlan> {
  @Override public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (!(node instanceof Filter f && f.child() instanceof Aggregate a)) return node;
      if (!a.expressions().stream().allMatch(Expr::deterministic)) return node;
      Map<Long, Expr> groupings = new HashMap<>();
      for (NamedExpr g : a.groupings()) groupings.put(g.id(), g instanceof Alias al ? al.child() : (Expr) g);
      List<Expr> conjuncts = Predicates.splitConjuncts(f.condition());
      int movable = Conjuncts.deterministicPrefix(conjuncts);
      List<Expr> down = new ArrayList<>(), stay = new ArrayList<>();
      for (Expr c : conjuncts.subList(0, movable)) {
        Set<Long> refs = Exprs.references(c);
        if (!refs.isEmpty() && groupings.keySet().containsAll(refs)) down.add(Exprs.substitute(c, groupings));
        else stay.add(c);
      }
      if (down.isEmpty()) return node;
      stay.addAll(conjuncts.subList(movable, conjuncts.size()));
      return Conjuncts.filter(a.withChild(new Filter(Predicates.and(down), a.child())), stay);
    });
  }
}
