package dev.ember.planner.cost;

import dev.ember.catalyst.optimizer.cbo.CardinalityEstimator;
import dev.ember.catalyst.plan.logical.BroadcastHint;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.Limit;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Project;

/**
 * The estimated output size in bytes of a join's input, for choosing the build side and
 * broadcast: from the statistics-based {@link CardinalityEstimator} when the cost-based optimizer
 * is on, otherwise from the simple {@link SizeEstimator}. Unknown sizes are {@link Long#MAX_VALUE}.
 * One instance per planned query (the estimator remembers subtrees).
 */
public final class JoinSizes {
  private final CardinalityEstimator estimator;

  public JoinSizes(boolean costBased) { this.estimator = costBased ? new CardinalityEstimator() : null; }

  public long bytes(LogicalPlan plan) {
    if (hinted(plan)) return 0;
    return estimator == null ? SizeEstimator.estimateBytes(plan) : estimator.estimate(plan).bytesOrMax();
  }

  /** True when {@code plan} is {@code broadcast(df)}, possibly under row-wise operators the optimizer put on top. */
  private static boolean hinted(LogicalPlan plan) {
    LogicalPlan p = plan;
    while (p instanceof Filter || p instanceof Project || p instanceof Limit) p = p.children().get(0);
    return p instanceof BroadcastHint;
  }
}
