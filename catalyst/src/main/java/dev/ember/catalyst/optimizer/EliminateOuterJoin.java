package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Exprs;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.Predicates;
import dev.ember.catalyst.expr.eval.Interpreter;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.Join;
import dev.ember.catalyst.plan.logical.JoinType;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.rules.Rule;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns an outer join into an inner (or one-sided) join when the filter above it drops every row
 * the join pads with NULLs.
 * <pre>
 * Filter [(x > 1)]                    Filter [(x > 1)]
 *   Join LeftOuter [(a = x)]   =>       Join Inner [(a = x)]
 *     Scan t [a]                          Scan t [a]
 *     Scan u [x]                          Scan u [x]
 * </pre>
 * A conjunct rejects a side's padding when it reads only that side's columns and evaluates to
 * NULL or FALSE with all of them NULL (decided by the interpreter, so {@code x IS NULL} or
 * {@code coalesce(x, 0) = 0} do not count). LEFT becomes INNER when the right's padding is
 * rejected, RIGHT likewise with the left, FULL becomes LEFT, RIGHT or INNER. Not done for
 * non-deterministic conjuncts, nor when evaluating with NULLs raises an error.
 */
public final class EliminateOuterJoin implements Rule<LogicalPlan> {
  @Override public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (!(node instanceof Filter f && f.child() instanceof Join j)) return node;
      JoinType t = j.type();
      if (t != JoinType.LEFT && t != JoinType.RIGHT && t != JoinType.FULL) return node;
      boolean leftRejected = rejectsNulls(f.condition(), Conjuncts.outputIds(j.left()));
      boolean rightRejected = rejectsNulls(f.condition(), Conjuncts.outputIds(j.right()));
      JoinType now = switch (t) {
        case LEFT -> rightRejected ? JoinType.INNER : t;
        case RIGHT -> leftRejected ? JoinType.INNER : t;
        default -> leftRejected && rightRejected ? JoinType.INNER
            : leftRejected ? JoinType.LEFT : rightRejected ? JoinType.RIGHT : t;
      };
      return now == t ? node : f.withChild(new Join(j.left(), j.right(), now, j.condition()));
    });
  }

  /** True when some conjunct over only {@code side}'s columns is NULL or FALSE when they all are NULL. */
  private static boolean rejectsNulls(Expr condition, Set<Long> side) {
    for (Expr c : Predicates.splitConjuncts(condition)) {
      Set<Long> refs = Exprs.references(c);
      if (refs.isEmpty() || !side.containsAll(refs) || !c.deterministic()) continue;
      Map<Long, Expr> nulls = new HashMap<>();
      c.foreach(x -> { if (x instanceof AttributeRef a) nulls.put(a.id(), Literal.nullOf(a.type())); });
      Expr bound = Exprs.substitute(c, nulls);
      if (!bound.foldable()) continue;
      try {
        Object v = Interpreter.evalConstant(bound).value();
        if (v == null || Boolean.FALSE.equals(v)) return true;
      } catch (EmberException e) {
        // an error is not a rejection: the padded row would fail, not vanish
      }
    }
    return false;
  }
}
