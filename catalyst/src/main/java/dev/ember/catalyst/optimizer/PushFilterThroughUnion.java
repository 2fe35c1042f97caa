package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Exprs;
import dev.ember.catalyst.expr.Predicates;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Union;
import dev.ember.catalyst.rules.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a filter over a UNION ALL into every input, rewriting its columns to each input's
 * columns at the same positions (the union's output reuses the first input's attributes).
 * <pre>
 * Filter [(a > 1)]                  Union
 *   Union                             Filter [(a > 1)]
 *     Scan t [a]              =>        Scan t [a]
 *     Scan u [b]                      Filter [(b > 1)]
 *                                       Scan u [b]
 * </pre>
 * Not safe for non-deterministic conjuncts (each input would draw its own values, and a
 * conjunct after one would see a different row set): those, and all after them, stay above.
 */
public final class PushFilterThroughUnion implements Rule<LogicalPlan> {
  @Override public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (!(node instanceof Filter f && f.child() instanceof Union u)) return node;
      List<Expr> conjuncts = Predicates.splitConjuncts(f.condition());
      int movable = Conjuncts.deterministicPrefix(conjuncts);
      if (movable == 0) return node;
      Expr pushed = Predicates.and(conjuncts.subList(0, movable));
      List<AttributeRef> out = u.output();
      List<LogicalPlan> inputs = new ArrayList<>();
      for (LogicalPlan in : u.inputs()) {
        Map<Long, Expr> byPosition = new HashMap<>();
        for (int i = 0; i < out.size(); i++) byPosition.put(out.get(i).id(), in.output().get(i));
        inputs.add(new Filter(Exprs.substitute(pushed, byPosition), in));
      }
      return Conjuncts.filter(new Union(inputs), conjuncts.subList(movable, conjuncts.size()));
    });
  }
}
