package dev.ember.catalyst.optimizer.cbo;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.NamedExpr;
import dev.ember.catalyst.expr.Predicates;
import dev.ember.catalyst.plan.logical.Aggregate;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.Join;
import dev.ember.catalyst.plan.logical.Limit;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Project;
import dev.ember.catalyst.plan.logical.Scan;
import dev.ember.catalyst.plan.logical.Sort;
import dev.ember.catalyst.plan.logical.Union;
import dev.ember.catalyst.plan.logical.Values;
import dev.ember.catalyst.plan.logical.Window;
import dev.ember.catalyst.stats.Statistics;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Estimates the rows and bytes every operator of a logical plan outputs, bottom-up from the
 * sources' {@link Statistics}: scans from row counts and column statistics, filters by
 * {@link FilterEstimation}, joins by {@link JoinEstimation}, aggregates as the product of their
 * keys' distinct counts (capped by the input), projects passing columns through, limits capped,
 * unions summed. A scan whose table has no row count (nor a size to derive one) is unknown, and
 * so is everything above it ({@link PlanStats#isKnown()}).
 *
 * <p>Results are remembered per node (by identity) for the life of the estimator, so a join
 * enumerator can ask about many candidate trees that share subtrees.
 */
public final class CardinalityEstimator {
  private final Map<LogicalPlan, PlanStats> memo = new IdentityHashMap<>();

  public PlanStats estimate(LogicalPlan plan) {
    PlanStats known = memo.get(plan);
    if (known != null) return known;
    PlanStats s = compute(plan);
    memo.put(plan, s);
    return s;
  }

  private PlanStats compute(LogicalPlan p) {
    if (p instanceof Scan s) return scan(s);
    if (p instanceof Values v) return PlanStats.of(v.rows().size(), v.output(), Map.of());
    if (p instanceof Filter f) return filter(estimate(f.child()), f.condition(), f);
    if (p instanceof Project pr) return project(pr);
    if (p instanceof Aggregate a) return aggregate(a);
    if (p instanceof Join j) return JoinEstimation.estimate(j, estimate(j.left()), estimate(j.right()));
    if (p instanceof Limit l) {
      PlanStats c = estimate(l.child());
      double rows = l.limit() < 0 ? Math.max(0, c.rows() - l.offset()) : Math.min(c.rows(), l.limit());
      return PlanStats.of(rows, l.output(), c.columns());
    }
    if (p instanceof Sort s) return estimate(s.child());
    if (p instanceof Window w) return PlanStats.of(estimate(w.child()).rows(), w.output(), estimate(w.child()).columns());
    if (p instanceof Union u) {
      double rows = 0;
      for (LogicalPlan c : u.inputs()) rows += estimate(c).rows();
      return PlanStats.of(rows, u.output(), Map.of());
    }
    throw new IllegalStateException("no estimate for " + p.getClass().getSimpleName());
  }

  private static PlanStats scan(Scan s) {
    Statistics st = s.table().statistics();
    double rows;
    if (st.rowCount().isPresent()) {
      rows = st.rowCount().getAsLong();
    } else if (st.sizeInBytes().isPresent()) {
      double width = 0;
      for (var f : s.table().schema().fields()) width += StatValues.width(f.type(), Double.NaN);
      rows = st.sizeInBytes().getAsLong() / Math.max(1, width);
    } else {
      return PlanStats.unknown();
    }
    Map<Long, ColumnEstimate> cols = new HashMap<>();
    for (AttributeRef a : s.output()) {
      var c = st.column(a.name());
      if (c.isKnown()) cols.put(a.id(), ColumnEstimate.of(c, a.type(), rows));
    }
    PlanStats base = PlanStats.of(rows, s.output(), cols);
    return s.filters().isEmpty() ? base : filter(base, Predicates.and(s.filters()), s);
  }

  private static PlanStats filter(PlanStats child, Expr condition, LogicalPlan node) {
    if (!child.isKnown()) return child;
    FilterEstimation f = new FilterEstimation(child.columns());
    double rows = Math.max(1, child.rows() * f.selectivity(condition));
    return PlanStats.of(Math.min(rows, child.rows()), node.output(), f.columns());
  }

  private PlanStats project(Project p) {
    PlanStats c = estimate(p.child());
    Map<Long, ColumnEstimate> cols = new HashMap<>();
    for (NamedExpr e : p.projections()) {
      Expr inner = e.expr();
      AttributeRef src = FilterEstimation.column(inner);
      if (src != null && c.columns().containsKey(src.id())) cols.put(e.id(), c.column(src.id()));
    }
    return PlanStats.of(c.rows(), p.output(), cols);
  }

  private PlanStats aggregate(Aggregate a) {
    PlanStats c = estimate(a.child());
    if (a.groupings().isEmpty()) return PlanStats.of(1, a.output(), Map.of());
    double groups = 1;
    Map<Long, ColumnEstimate> cols = new HashMap<>();
    for (NamedExpr g : a.groupings()) {
      AttributeRef src = FilterEstimation.column(g.expr());
      ColumnEstimate ce = src == null ? ColumnEstimate.UNKNOWN : c.column(src.id());
      if (Double.isNaN(ce.distinct())) {
        groups = c.rows();
        break;
      }
      groups *= Math.max(1, ce.distinct());
      cols.put(g.id(), ce);
    }
    return PlanStats.of(Math.max(1, Math.min(groups, c.rows())), a.output(), cols);
  }
}
