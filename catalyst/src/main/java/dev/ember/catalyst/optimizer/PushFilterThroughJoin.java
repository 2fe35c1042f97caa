package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Predicates;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.Join;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves WHERE conjuncts above a join into its inputs or its condition, and single-sided
 * conjuncts of the join's own condition into that input. Turns comma joins into equi-joins.
 * <pre>
 * Filter [((a = x) AND (b > 1))]           Join Inner [(a = x)]
 *   Join Inner                     =>        Filter [(b > 1)]
 *     Scan t [a, b]                            Scan t [a, b]
 *     Scan u [x]                             Scan u [x]
 * </pre>
 * Which conjunct may go where depends on the join type ({@link JoinSide}): never below the
 * null-padded side of an outer join, nothing at all through a FULL join. Conjuncts from the first
 * non-deterministic one on stay where they are.
 */
public final class PushFilterThroughJoin implements Rule<LogicalPlan> {
  @Override public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformDown(node -> {
      if (node instanceof Filter f && f.child() instanceof Join j) return pushWhere(f, j);
      if (node instanceof Join j) return pushOn(j);
      return node;
    });
  }

  private static LogicalPlan pushWhere(Filter f, Join j) {
    List<Expr> conjuncts = Predicates.splitConjuncts(f.condition());
    int movable = Conjuncts.deterministicPrefix(conjuncts);
    List<Expr> left = new ArrayList<>(), right = new ArrayList<>(), on = new ArrayList<>();
    List<Expr> stay = new ArrayList<>();
    for (Expr c : conjuncts.subList(0, movable)) {
      JoinSide side = JoinSide.of(c, j);
      if (!side.canLeaveWhere(j.type())) stay.add(c);
      else if (side == JoinSide.LEFT) left.add(c);
      else if (side == JoinSide.RIGHT) right.add(c);
      else on.add(c);
    }
    stay.addAll(conjuncts.subList(movable, conjuncts.size()));
    if (stay.size() == conjuncts.size()) return f;
    Join pushed = new Join(Conjuncts.filter(j.left(), left), Conjuncts.filter(j.right(), right),
        j.type(), Predicates.and(j.condition(), Predicates.and(on)));
    return Conjuncts.filter(pushOn(pushed), stay);
  }

  private static LogicalPlan pushOn(Join j) {
    List<Expr> conjuncts = Predicates.splitConjuncts(j.condition());
    int movable = Conjuncts.deterministicPrefix(conjuncts);
    List<Expr> left = new ArrayList<>(), right = new ArrayList<>();
    List<Expr> stay = new ArrayList<>();
    for (Expr c : conjuncts.subList(0, movable)) {
      JoinSide side = JoinSide.of(c, j);
      if (!side.canLeaveOn(j.type())) stay.add(c);
      else if (side == JoinSide.LEFT) left.add(c);
      else right.add(c);
    }
    stay.addAll(conjuncts.subList(movable, conjuncts.size()));
    if (left.isEmpty() && right.isEmpty()) return j;
    return new Join(Conjuncts.filter(j.left(), left), Conjuncts.filter(j.right(), right),
        j.type(), Predicates.and(stay));
  }
}
