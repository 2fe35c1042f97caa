package dev.ember.planner.cost;

import dev.ember.catalyst.optimizer.cbo.CardinalityEstimator;
import dev.ember.catalyst.plan.logical.LogicalPlan;

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
    return estimator == null ? SizeEstimator.estimateBytes(plan) : estimator.estimate(plan).bytesOrMax();
  }
}
