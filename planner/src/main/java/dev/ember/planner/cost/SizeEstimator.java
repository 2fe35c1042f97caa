package dev.ember.planner.cost;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.plan.logical.Aggregate;
import dev.ember.catalyst.plan.logical.BroadcastHint;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.Join;
import dev.ember.catalyst.plan.logical.Limit;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Project;
import dev.ember.catalyst.plan.logical.Scan;
import dev.ember.catalyst.plan.logical.Sort;
import dev.ember.catalyst.plan.logical.Union;
import dev.ember.catalyst.plan.logical.Values;
import dev.ember.catalyst.stats.Statistics;
import dev.ember.catalyst.types.DataType;

/**
 * A first, deliberately simple size estimate in bytes, enough to choose broadcast joins: table
 * sizes from source statistics, scaled by the fraction of columns read and a fixed selectivity
 * per filter conjunct. Unknown sizes are {@link Long#MAX_VALUE} (never broadcast). The
 * statistics-based estimator of the cost-based optimizer replaces this.
 */
public final class SizeEstimator {
  private static final double FILTER_SELECTIVITY = 0.5;

  private SizeEstimator() {}

  public static long estimateBytes(LogicalPlan plan) {
    double v = estimate(plan);
    return v >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) v;
  }

  private static double estimate(LogicalPlan plan) {
    if (plan instanceof Scan s) {
      Statistics st = s.table().statistics();
      if (st.sizeInBytes().isEmpty() && st.rowCount().isEmpty()) return Double.MAX_VALUE;
      int total = Math.max(1, s.table().schema().size());
      double full = st.sizeInBytes().isPresent() ? st.sizeInBytes().getAsLong()
          : st.rowCount().getAsLong() * (double) rowWidth(s);
      double bytes = full * s.output().size() / total;
      return bytes * Math.pow(FILTER_SELECTIVITY, s.filters().size());
    }
    if (plan instanceof BroadcastHint) return 0;
    if (plan instanceof Values v) return (double) v.rows().size() * rowWidth(v);
    if (plan instanceof Filter f) return estimate(f.child()) * FILTER_SELECTIVITY;
    if (plan instanceof Project p) {
      double child = estimate(p.child());
      return child * Math.max(1, rowWidth(p)) / Math.max(1, rowWidth(p.child()));
    }
    if (plan instanceof Aggregate a) return a.groupings().isEmpty() ? rowWidth(a) : estimate(a.child());
    if (plan instanceof Limit l && l.limit() >= 0) {
      return Math.min(estimate(l.child()), (double) (l.limit() + l.offset()) * rowWidth(l));
    }
    if (plan instanceof Sort s) return estimate(s.child());
    if (plan instanceof Join j) return sat(estimate(j.left()) + estimate(j.right()));
    if (plan instanceof Union u) {
      double sum = 0;
      for (LogicalPlan c : u.inputs()) sum = sat(sum + estimate(c));
      return sum;
    }
    double max = 0;
    for (LogicalPlan c : plan.children()) max = Math.max(max, estimate(c));
    return max;
  }

  private static double sat(double v) { return Math.min(v, Double.MAX_VALUE); }

  /** Average bytes per row of the plan's output. */
  public static int rowWidth(LogicalPlan plan) {
    int w = 0;
    for (AttributeRef a : plan.output()) w += width(a.type());
    return Math.max(w, 1);
  }

  public static int width(DataType t) {
    return switch (t.id()) {
      case BOOLEAN, TINYINT -> 1;
      case SMALLINT -> 2;
      case INT, DATE, FLOAT, INTERVAL_YEAR_MONTH -> 4;
      case DECIMAL -> 16;
      case VARCHAR, VARBINARY -> 20;
      default -> 8;
    };
  }
}
