package dev.ember.catalyst.optimizer.cbo;

import dev.ember.catalyst.plan.logical.LogicalPlan;

/**
 * Finds a cheap join tree for a {@link JoinGroup}: for connected groups of up to
 * {@link #BUSHY_LIMIT} relations, dynamic programming over connected subsets and their splits
 * (bushy trees); otherwise a left-deep order by dynamic programming over subsets up to
 * {@link #DP_LIMIT} relations, greedy above. The cost of an order is the sum of
 * the estimated rows of its joins' outputs, which is what hash joins build, probe and pass on.
 *
 * <p>A relation may join the relations before it without a condition (a cross product) only when
 * none of the remaining relations has a condition with them (an equality or any other condition
 * reading only them and it): no order this search returns has a
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

  /** Up to this many relations, and when they are connected, the search considers bushy trees (3^n splits). */
  static final int BUSHY_LIMIT = 10;

  /** The cheapest left-deep order, or a bushy tree when one is really cheaper (connected groups of few relations). */
  Result search() {
    int n = group.size();
    Result leftDeep = n <= DP_LIMIT ? dynamicProgramming() : greedy();
    if (n > BUSHY_LIMIT || !group.connected((1 << n) - 1)) return leftDeep;
    Result bushy = bushy();
    return bushy != null && bushy.cost() < leftDeep.cost() * (1 - 1e-9) ? bushy : leftDeep;
  }

  /**
   * best[S] = the cheapest tree joining the relations of S, for every connected S: the cheapest
   * of best[A] ⋈ best[S - A] over the splits of S into two connected parts joined by an equality.
   * Bushy trees join two intermediate results (e.g. (customer ⋈ orders) ⋈ (lineitem ⋈ part)),
   * which left-deep orders cannot; every join has keys, so no cross product is ever introduced.
   * The larger part goes left (probe), the smaller right (build).
   */
  private Result bushy() {
    int n = group.size();
    Result[] best = new Result[1 << n];
    for (int i = 0; i < n; i++) best[1 << i] = new Result(group.leaf(i), 0);
    for (int set = 1; set < best.length; set++) {
      if (Integer.bitCount(set) < 2 || !group.connected(set)) continue;
      int low = Integer.lowestOneBit(set);
      // Each unordered split once: the part holding the lowest relation is enumerated as a.
      for (int a = (set - 1) & set; a > 0; a = (a - 1) & set) {
        if ((a & low) == 0) continue;
        int b = set & ~a;
        Result ra = best[a], rb = best[b];
        if (ra == null || rb == null || !group.connectsSets(a, b)) continue;
        boolean aBigger = rows(ra.plan()) >= rows(rb.plan());
        LogicalPlan plan = aBigger ? group.join(ra.plan(), a, rb.plan(), b) : group.join(rb.plan(), b, ra.plan(), a);
        double cost = ra.cost() + rb.cost() + rows(plan);
        if (best[set] == null || cost < best[set].cost()) best[set] = new Result(plan, cost);
      }
    }
    return best[best.length - 1];
  }

  /**
   * The cost of {@code tree}, a join tree of this group as it stands (sum of its joins' rows);
   * infinite when one of its joins has no equality between its sides (a cross product).
   */
  double cost(LogicalPlan tree) {
    if (!JoinGroup.isMember(tree)) return 0;
    dev.ember.catalyst.plan.logical.Join j = (dev.ember.catalyst.plan.logical.Join) tree;
    if (!equiJoined(j)) return Double.POSITIVE_INFINITY;
    return cost(j.left()) + cost(j.right()) + rows(j);
  }

  private static boolean equiJoined(dev.ember.catalyst.plan.logical.Join j) {
    var left = dev.ember.catalyst.expr.Exprs.ids(j.left().output());
    var right = dev.ember.catalyst.expr.Exprs.ids(j.right().output());
    for (var c : dev.ember.catalyst.expr.Predicates.splitConjuncts(j.condition())) {
      if (!(c instanceof dev.ember.catalyst.expr.BinaryOp b) || b.op() != dev.ember.catalyst.expr.BinaryOp.Op.EQ) continue;
      var l = dev.ember.catalyst.expr.Exprs.references(b.left());
      var r = dev.ember.catalyst.expr.Exprs.references(b.right());
      if (l.isEmpty() || r.isEmpty()) continue;
      if ((left.containsAll(l) && right.containsAll(r)) || (left.containsAll(r) && right.containsAll(l))) return true;
    }
    return false;
  }

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

  /** Relation i may join {@code have} when a condition ties them, or when no remaining relation is tied to it. */
  private boolean allowed(int have, int i) { return group.touches(have, i) || !group.extensible(have); }

  private double rows(LogicalPlan p) { return estimator.estimate(p).rows(); }
}
