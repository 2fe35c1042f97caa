package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Exprs;
import dev.ember.catalyst.expr.Predicates;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.Join;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.rules.Rule;
import java.util.List;
import java.util.Set;

/**
 * Derives from a join condition's disjunctions a weaker predicate for each input and filters that
 * input with it, keeping the condition as it was (TPC-H Q7):
 * <pre>
 * Join Inner [(c_nk = n2.nk) AND ((n1.name = 'F' AND n2.name = 'G') OR (n1.name = 'G' AND n2.name = 'F'))]
 *   … n1 …                 =>   Filter [(n1.name = 'F') OR (n1.name = 'G')]   (left input)
 *   Scan n2                     Filter [(n2.name = 'G') OR (n2.name = 'F')]    (right input)
 * </pre>
 * A row of an input that satisfies none of the disjuncts' parts about that input cannot satisfy
 * the disjunction, so removing it early changes no answer; the other rules then push the new
 * filters down to the scans, and the join order sees the inputs' real sizes. An input gets a
 * filter only when every disjunct says something about it, only where the join type lets a
 * condition filter that input ({@link JoinSide#canLeaveOn}), and only when the input's
 * {@link Constraints} do not already include it — which is what makes the rule idempotent.
 */
public final class PushExtraPredicateThroughJoin implements Rule<LogicalPlan> {
  @Override public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> node instanceof Join j ? push(j) : node);
  }

  private static LogicalPlan push(Join j) {
    LogicalPlan left = j.left(), right = j.right();
    Set<Long> leftIds = Conjuncts.outputIds(left), rightIds = Conjuncts.outputIds(right);
    for (Expr c : Predicates.splitConjuncts(j.condition())) {
      if (!isDisjunction(c) || !c.deterministic() || JoinSide.of(c, j) != JoinSide.BOTH) continue;
      if (JoinSide.LEFT.canLeaveOn(j.type())) left = filter(left, extract(c, leftIds));
      if (JoinSide.RIGHT.canLeaveOn(j.type())) right = filter(right, extract(c, rightIds));
    }
    return left == j.left() && right == j.right() ? j : new Join(left, right, j.type(), j.condition());
  }

  /**
   * The part of {@code e} that reads only {@code side}'s columns and is implied by {@code e}, or
   * null when there is none: a conjunction keeps its parts that have one, a disjunction needs one
   * from every branch.
   */
  static Expr extract(Expr e, Set<Long> side) {
    if (side.containsAll(Exprs.references(e))) return e;
    if (e instanceof BinaryOp b && b.op() == BinaryOp.Op.AND) {
      Expr l = extract(b.left(), side), r = extract(b.right(), side);
      if (l == null) return r;
      return r == null ? l : Predicates.and(l, r);
    }
    if (isDisjunction(e)) {
      BinaryOp b = (BinaryOp) e;
      Expr l = extract(b.left(), side), r = extract(b.right(), side);
      return l == null || r == null ? null : BinaryOp.predicate(BinaryOp.Op.OR, l, r);
    }
    return null;
  }

  private static LogicalPlan filter(LogicalPlan input, Expr predicate) {
    if (predicate == null) return input;
    Set<Expr> known = Constraints.of(input);
    List<Expr> parts = Predicates.splitConjuncts(predicate);
    if (parts.stream().allMatch(p -> known.contains(Constraints.canonical(p)))) return input;
    return new Filter(predicate, input);
  }

  private static boolean isDisjunction(Expr e) { return e instanceof BinaryOp b && b.op() == BinaryOp.Op.OR; }
}
