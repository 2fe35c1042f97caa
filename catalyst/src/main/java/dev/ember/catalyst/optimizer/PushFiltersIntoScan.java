package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Predicates;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Scan;
import dev.ember.catalyst.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands a filter directly over a scan to the scan, which guarantees its conditions for every row
 * it returns (and lets the source skip data with them).
 * <pre>
 * Filter [(a > 1)]                Scan t [a, b], filters=[(a > 1)]
 *   Scan t [a, b]         =>
 * </pre>
 * Not safe for conjuncts from the first non-deterministic one on: those stay in a Filter above.
 * Run it after the filters have been pushed down: a condition inside a Scan moves no further.
 */
public final class PushFiltersIntoScan implements Rule<LogicalPlan> {
  @Override public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (!(node instanceof Filter f && f.child() instanceof Scan s)) return node;
      List<Expr> conjuncts = Predicates.splitConjuncts(f.condition());
      int n = Conjuncts.deterministicPrefix(conjuncts);
      if (n == 0 && !conjuncts.isEmpty()) return node;
      List<Expr> filters = new ArrayList<>(s.filters());
      for (Expr c : conjuncts.subList(0, n)) if (!filters.contains(c)) filters.add(c);
      Scan scan = filters.size() == s.filters().size() ? s : s.withFilters(filters);
      return Conjuncts.filter(scan, conjuncts.subList(n, conjuncts.size()));
    });
  }
}
