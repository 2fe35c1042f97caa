package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Exprs;
import dev.ember.catalyst.expr.NamedExpr;
import dev.ember.catalyst.expr.Predicates;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.Join;
import dev.ember.catalyst.plan.logical.JoinType;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Project;
import dev.ember.catalyst.rules.Rule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reorders a group of inner joins so that each relation joins one already joined through a
 * condition, when such an order exists: the written order is kept otherwise, and a relation
 * that connects to nothing comes last (a cross product nothing can avoid). Conditions go to the
 * lowest join that has all their columns; a Project restores the group's column order.
 * <pre>
 * Join [(s_suppkey = l_suppkey) AND (p_partkey = l_partkey)]      Project [p…, s…, l…]
 *   Join                                                  =>        Join [(s_suppkey = l_suppkey)]
 *     Scan part                                                       Join [(p_partkey = l_partkey)]
 *     Scan supplier                                                     Scan part
 *   Scan lineitem                                                       Scan lineitem
 *                                                                     Scan supplier
 * </pre>
 * Only inner joins with deterministic conditions form a group: reordering outer, semi or anti
 * joins changes their meaning. A group whose every join already has a condition across its sides
 * is left alone: this rule only ensures no needless cross product, and runs after the cost-based
 * {@code CostBasedJoinReorder}, whose (possibly bushy) order it must keep.
 */
public final class ReorderJoinsAvoidingCrossProducts implements Rule<LogicalPlan> {
  @Override public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformDown(node -> node instanceof Join j && isGroupMember(j) ? reorder(j) : node);
  }

  private static boolean isGroupMember(LogicalPlan p) {
    return p instanceof Join j && j.type() == JoinType.INNER && j.condition().deterministic();
  }

  private static LogicalPlan reorder(Join top) {
    // A tree with no cross product is kept as it is: it may be the cost-based order (bushy,
    // built on statistics) that re-flattening into the written order would throw away.
    if (connected(top)) return top;
    List<LogicalPlan> relations = new ArrayList<>();
    List<Expr> conditions = new ArrayList<>();
    flatten(top, relations, conditions);
    if (relations.size() < 3) return top;
    List<Integer> order = greedyOrder(relations, conditions);
    if (isIdentity(order)) return top;
    List<Expr> unused = new ArrayList<>(conditions);
    LogicalPlan joined = relations.get(order.get(0));
    Set<Long> have = new HashSet<>(Exprs.ids(joined.output()));
    for (int k = 1; k < order.size(); k++) {
      LogicalPlan next = relations.get(order.get(k));
      have.addAll(Exprs.ids(next.output()));
      List<Expr> here = new ArrayList<>();
      for (Expr c : unused) if (have.containsAll(Exprs.references(c))) here.add(c);
      unused.removeAll(here);
      joined = new Join(joined, next, JoinType.INNER, Predicates.and(here));
    }
    if (!unused.isEmpty()) joined = new Filter(Predicates.and(unused), joined);
    List<NamedExpr> columns = new ArrayList<>(top.output());
    return new Project(columns, joined);
  }

  /** Whether every join of the group rooted at {@code p} has a condition reading both of its sides. */
  private static boolean connected(LogicalPlan p) {
    if (!isGroupMember(p)) return true;
    Join j = (Join) p;
    Set<Long> left = Exprs.ids(j.left().output()), right = Exprs.ids(j.right().output());
    boolean joined = false;
    for (Expr c : Predicates.splitConjuncts(j.condition())) {
      Set<Long> refs = Exprs.references(c);
      if (refs.stream().anyMatch(left::contains) && refs.stream().anyMatch(right::contains)) joined = true;
    }
    return joined && connected(j.left()) && connected(j.right());
  }

  private static void flatten(LogicalPlan p, List<LogicalPlan> relations, List<Expr> conditions) {
    if (isGroupMember(p)) {
      Join j = (Join) p;
      flatten(j.left(), relations, conditions);
      flatten(j.right(), relations, conditions);
      conditions.addAll(Predicates.splitConjuncts(j.condition()));
    } else {
      relations.add(p);
    }
  }

  /** The written order, except that the next relation is the first one a condition connects. */
  private static List<Integer> greedyOrder(List<LogicalPlan> relations, List<Expr> conditions) {
    List<Integer> order = new ArrayList<>(List.of(0));
    Set<Long> have = new HashSet<>(Exprs.ids(relations.get(0).output()));
    List<Integer> remaining = new ArrayList<>();
    for (int i = 1; i < relations.size(); i++) remaining.add(i);
    while (!remaining.isEmpty()) {
      int pick = remaining.get(0);
      for (int r : remaining) {
        if (connects(relations.get(r), have, conditions)) {
          pick = r;
          break;
        }
      }
      remaining.remove(Integer.valueOf(pick));
      order.add(pick);
      have.addAll(Exprs.ids(relations.get(pick).output()));
    }
    return order;
  }

  /** Whether some condition reads both {@code r} and what is joined so far, and nothing else. */
  private static boolean connects(LogicalPlan r, Set<Long> have, List<Expr> conditions) {
    Set<Long> mine = Exprs.ids(r.output());
    for (Expr c : conditions) {
      Set<Long> refs = Exprs.references(c);
      boolean touchesMine = refs.stream().anyMatch(mine::contains);
      boolean touchesHave = refs.stream().anyMatch(have::contains);
      boolean within = refs.stream().allMatch(id -> mine.contains(id) || have.contains(id));
      if (touchesMine && touchesHave && within) return true;
    }
    return false;
  }

  private static boolean isIdentity(List<Integer> order) {
    for (int i = 0; i < order.size(); i++) if (order.get(i) != i) return false;
    return true;
  }

}
