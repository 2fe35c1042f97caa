package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Exprs;
import dev.ember.catalyst.expr.Predicates;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import java.util.List;
import java.util.Set;

/** Helpers shared by the filter-moving rules. */
final class Conjuncts {
  private Conjuncts() {}

  /**
   * How many leading conjuncts are deterministic. Only those may move: a deterministic conjunct
   * evaluated before a non-deterministic one would change how many rows the latter sees.
   */
  static int deterministicPrefix(List<Expr> conjuncts) {
    int n = 0;
    while (n < conjuncts.size() && conjuncts.get(n).deterministic()) n++;
    return n;
  }

  /** True when every attribute {@code e} reads is in {@code ids}. */
  static boolean refersOnlyTo(Expr e, Set<Long> ids) { return ids.containsAll(Exprs.references(e)); }

  static Set<Long> outputIds(LogicalPlan p) { return Exprs.ids(p.output()); }

  /** {@code plan} under a Filter of the AND of {@code conds}, or {@code plan} itself when empty. */
  static LogicalPlan filter(LogicalPlan plan, List<Expr> conds) {
    return conds.isEmpty() ? plan : new Filter(Predicates.and(conds), plan);
  }

  /** The attributes of {@code attrs} whose id is in {@code ids}, in order. */
  static List<AttributeRef> only(List<AttributeRef> attrs, Set<Long> ids) {
    return attrs.stream().filter(a -> ids.contains(a.id())).toList();
  }
}
