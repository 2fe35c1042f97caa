package dev.ember.catalyst.optimizer.cbo;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.NamedExpr;
import dev.ember.catalyst.expr.Predicates;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.Join;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Project;
import dev.ember.catalyst.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * Reorders each group of inner joins into the cheapest join tree by estimated cardinality
 * ({@link JoinOrderSearch}: bushy dynamic programming for connected groups up to 10 relations,
 * left-deep dynamic programming up to 12, greedy above), never with a cross product that a
 * connected order avoids. A Project restores the group's column order.
 * <pre>
 * Join [(o_orderkey = l_orderkey)]                    Project [c…, o…, l…]
 *   Join [(c_custkey = o_custkey)]         =>           Join [(c_custkey = o_custkey)]
 *     Filter [(c_mktsegment = 'BUILDING')]                Join [(o_orderkey = l_orderkey)]
 *       Scan customer                                       Scan orders …
 *     Scan orders                                           Scan lineitem …
 *   Scan lineitem                                         Filter [(c_mktsegment = 'BUILDING')] …
 * </pre>
 * Needs statistics: a group with a relation whose size is unknown is left as it is (the
 * statistics-free {@code ReorderJoinsAvoidingCrossProducts} after it still avoids cross products).
 * Groups of fewer than three relations are left alone too: with two, the planner's choice of build
 * side is all there is to decide. Switched off with {@code ember.sql.cbo.enabled=false} or
 * {@code ember.sql.cbo.joinReorder.enabled=false} (which exclude this rule by name).
 */
public final class CostBasedJoinReorder implements Rule<LogicalPlan> {
  @Override public LogicalPlan apply(LogicalPlan plan) { return rewrite(plan, new CardinalityEstimator()); }

  private static LogicalPlan rewrite(LogicalPlan p, CardinalityEstimator estimator) {
    if (p instanceof Join top && JoinGroup.isMember(top)) {
      JoinGroup group = JoinGroup.of(top, r -> rewrite(r, estimator));
      LogicalPlan reordered = reorder(top, group, estimator);
      if (reordered != null) return reordered;
    }
    return rewriteChildren(p, estimator);
  }

  private static LogicalPlan rewriteChildren(LogicalPlan p, CardinalityEstimator estimator) {
    List<LogicalPlan> children = new ArrayList<>();
    boolean changed = false;
    for (LogicalPlan c : p.children()) {
      LogicalPlan n = rewrite(c, estimator);
      changed |= n != c;
      children.add(n);
    }
    return changed ? p.withChildren(children) : p;
  }

  /** The group in its cheapest order, {@code top} itself when that is its order; null to leave it. */
  private static LogicalPlan reorder(Join top, JoinGroup group, CardinalityEstimator estimator) {
    if (group.size() < 3) return null;
    for (LogicalPlan r : group.relations) if (!estimator.estimate(r).isKnown()) return null;
    JoinOrderSearch search = new JoinOrderSearch(group, estimator);
    JoinOrderSearch.Result best = search.search();
    // Keep the written tree unless the best one is really cheaper: ties must not flip the
    // order on every run (the rule has to be idempotent).
    if (group.leftDeep) {
      JoinOrderSearch.Result written = search.writtenOrder();
      if (written.cost() <= best.cost() * (1 + 1e-9)) {
        if (!relationsChanged(top, group)) return top;
        best = written;
      }
    } else if (!relationsChanged(top, group) && search.cost(top) <= best.cost() * (1 + 1e-9)) {
      return top;
    }
    LogicalPlan joined = best.plan();
    List<Expr> constants = group.constantConditions();
    if (!constants.isEmpty()) joined = new Filter(Predicates.and(constants), joined);
    if (joined.equals(top)) return top;
    if (sameColumns(joined.output(), top.output())) return joined;
    return new Project(new ArrayList<NamedExpr>(top.output()), joined);
  }

  /** Whether rewriting the relations (nested groups) changed any of them. */
  private static boolean relationsChanged(Join top, JoinGroup group) {
    JoinGroup original = JoinGroup.of(top, r -> r);
    for (int i = 0; i < group.size(); i++) if (original.relations.get(i) != group.relations.get(i)) return true;
    return false;
  }

  private static boolean sameColumns(List<AttributeRef> a, List<AttributeRef> b) {
    if (a.size() != b.size()) return false;
    for (int i = 0; i < a.size(); i++) if (a.get(i).id() != b.get(i).id()) return false;
    return true;
  }
}
