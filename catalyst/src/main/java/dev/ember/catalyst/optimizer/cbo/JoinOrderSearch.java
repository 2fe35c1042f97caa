package dev.ember.catalyst.optimizer.cbo;

import dev.ember.catalyst.plan.logical.LogicalPlan;

/**
 * Finds a cheap left-deep order for a {@link JoinGroup}: dynamic programming over subsets of
 * relations up to {@link #DP_LIMIT} relations, greedy above. The cost of an order is the sum of
 * the estimated rows of its joins' outputs, which is what hash joins build, probe and pass on.
 *
 * <p>A relation may join the relations before it without a condition (a cross product) only when
 * none of the remaining relations has a condition with them: no order this search returns has a
 * cross product that some other order avoids.
 */
final class JoinOrderSearch {
  /** Above this many relations, the 2^n subsets are too many: greedy instead. */
  static final int DP_LIMIT = 12;

  /** A join order found: the plan and its cost. */
  record Result(LogicalPlan plan, double cost) {}

  private final JoinGroup group;
  private final CardinalityEstimator estimator;

  JoinOrderSearch(JoinGroup group, CardinalityEstimator estimator) {
    this.group = group;
    this.estimator = estimator;
  }

  Result search() { return group.size() <= DP_LIMIT ? dynamicProgramming() : greedy(); }

  /** The written order (relations 0, 1, 2, …) with its cost; infinite when it has an avoidable cross product. */
  Result writtenOrder() {
    LogicalPlan plan = group.leaf(0);
    double cost = 0;
    for (int i = 1; i < group.size(); i++) {
      int have = (1 << i) - 1;
      if (!allowed(have, i)) return new Result(plan, Double.POSITIVE_INFINITY);
      plan = group.join(plan, have, i);
      cost += rows(plan);
    }
    return new Result(plan, cost);
  }

  /** best[S] = the cheapest left-deep join of the relations in S, built by adding one relation to best[S - {i}]. */
  private Result dynamicProgramming() {
    int n = group.size();
    Result[] best = new Result[1 << n];
    for (int i = 0; i < n; i++) best[1 << i] = new Result(group.leaf(i), 0);
    for (int set = 1; set < best.length; set++) {
      if (Integer.bitCount(set) < 2) continue;
      for (int i = 0; i < n; i++) {
        if ((set & 1 << i) == 0) continue;
        int have = set & ~(1 << i);
        Result prev = best[have];
        if (prev == null || !allowed(have, i)) continue;
        LogicalPlan plan = group.join(prev.plan(), have, i);
        double cost = prev.cost() + estimator.estimate(plan).rows();
        if (best[set] == null || cost < best[set].cost()) best[set] = new Result(plan, cost);
      }
    }
    return best[best.length - 1];
  }

  /** Starts from the smallest relation and adds, each time, the allowed relation giving the fewest rows. */
  private Result greedy() {
    int n = group.size();
    int first = 0;
    for (int i = 1; i < n; i++) if (rows(group.leaf(i)) < rows(group.leaf(first))) first = i;
    int have = 1 << first;
    LogicalPlan plan = group.leaf(first);
    double cost = 0;
    while (have != (1 << n) - 1) {
      LogicalPlan bestPlan = null;
      int bestI = -1;
      for (int i = 0; i < n; i++) {
        if ((have & 1 << i) != 0 || !allowed(have, i)) continue;
        LogicalPlan candidate = group.join(plan, have, i);
        if (bestPlan == null || rows(candidate) < rows(bestPlan)) {
          bestPlan = candidate;
          bestI = i;
        }
      }
      plan = bestPlan;
      have |= 1 << bestI;
      cost += rows(plan);
    }
    return new Result(plan, cost);
  }

  private boolean allowed(int have, int i) { return group.connects(have, i) || !group.extensible(have); }

  private double rows(LogicalPlan p) { return estimator.estimate(p).rows(); }
}
