package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Exprs;
import dev.ember.catalyst.expr.InList;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.Predicates;
import dev.ember.catalyst.expr.UnaryOp;
import dev.ember.catalyst.plan.logical.Join;
import dev.ember.catalyst.plan.logical.JoinType;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds the filters an equi-join implies to its inputs: {@code k IS NOT NULL} for a nullable key
 * (a NULL key never matches), and a simple condition on one side's key ({@code k = 5},
 * {@code k < 5}, {@code k IN (…)}) copied to the other side's key.
 * <pre>
 * Join Inner [(a = x)]                   Join Inner [(a = x)]
 *   Filter [(a = 5)]              =>       Filter [(a = 5)]
 *     Scan t [a]                             Scan t [a]
 *   Scan u [x]                             Filter [(x IS NOT NULL AND (x = 5))]
 *                                            Scan u [x]
 * </pre>
 * A side only gets filters that keep every row that can matter: both sides of INNER and semi
 * joins; only the right of LEFT and anti joins (a left row with no match still counts there), only
 * the left of RIGHT joins, nothing for FULL joins. Conditions already known to hold below the
 * input ({@link Constraints}) are not added again, which makes the rule converge. Only comparisons
 * with literals are copied: an arbitrary expression could raise an error on rows it never saw.
 */
public final class InferFiltersFromConstraints implements Rule<LogicalPlan> {
  @Override public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> node instanceof Join j ? infer(j) : node);
  }

  private static LogicalPlan infer(Join j) {
    JoinType t = j.type();
    boolean intoRight = t == JoinType.INNER || t == JoinType.LEFT || t == JoinType.LEFT_SEMI || t == JoinType.LEFT_ANTI;
    boolean intoLeft = t == JoinType.INNER || t == JoinType.LEFT_SEMI || t == JoinType.RIGHT;
    List<AttributeRef[]> pairs = equiPairs(j);
    if (pairs.isEmpty() || !(intoLeft || intoRight)) return j;
    Set<Expr> leftKnown = Constraints.of(j.left()), rightKnown = Constraints.of(j.right());
    LogicalPlan left = intoLeft ? addTo(j.left(), leftKnown, rightKnown, pairs, 1) : j.left();
    LogicalPlan right = intoRight ? addTo(j.right(), rightKnown, leftKnown, pairs, 0) : j.right();
    return j.withChildren(List.of(left, right));
  }

  /** {@code side} under the implied filters it lacks; {@code from} indexes each pair's other side. */
  private static LogicalPlan addTo(LogicalPlan side, Set<Expr> known, Set<Expr> otherKnown,
      List<AttributeRef[]> pairs, int from) {
    List<Expr> added = new ArrayList<>();
    for (AttributeRef[] p : pairs) {
      AttributeRef source = p[from], target = p[1 - from];
      if (!Constraints.impliesNotNull(known, target, side)) add(added, UnaryOp.isNotNull(target));
      for (Expr c : otherKnown) {
        if (!simpleOn(c, source)) continue;
        Expr copy = Exprs.substitute(c, Map.of(source.id(), target));
        if (!known.contains(Constraints.canonical(copy))) add(added, copy);
      }
    }
    return Conjuncts.filter(side, added);
  }

  private static void add(List<Expr> added, Expr e) { if (!added.contains(e)) added.add(e); }

  /** Pairs {@code [left key, right key]} of the condition's equalities between the two sides. */
  private static List<AttributeRef[]> equiPairs(Join j) {
    Set<Long> left = Conjuncts.outputIds(j.left()), right = Conjuncts.outputIds(j.right());
    List<AttributeRef[]> out = new ArrayList<>();
    for (Expr c : Predicates.splitConjuncts(j.condition())) {
      if (!(c instanceof BinaryOp b && b.op() == BinaryOp.Op.EQ
          && b.left() instanceof AttributeRef x && b.right() instanceof AttributeRef y)) {
        continue;
      }
      if (left.contains(x.id()) && right.contains(y.id())) out.add(new AttributeRef[] {x, y});
      else if (left.contains(y.id()) && right.contains(x.id())) out.add(new AttributeRef[] {y, x});
    }
    return out;
  }

  /** A comparison of {@code a} with literals only (IS NOT NULL is inferred for every key anyway). */
  private static boolean simpleOn(Expr c, AttributeRef a) {
    if (c instanceof BinaryOp b && b.op().isComparison() && b.op() != BinaryOp.Op.EQ_NULL_SAFE) {
      return isAttr(b.left(), a) && b.right() instanceof Literal || isAttr(b.right(), a) && b.left() instanceof Literal;
    }
    return c instanceof InList in && isAttr(in.value(), a) && in.list().stream().allMatch(e -> e instanceof Literal);
  }

  private static boolean isAttr(Expr e, AttributeRef a) { return e instanceof AttributeRef r && r.id() == a.id(); }
}
