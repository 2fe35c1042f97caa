package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.UnaryOp;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Values;
import dev.ember.catalyst.rules.Rule;
import java.util.List;

/**
 * Simplifies AND, OR and NOT where the result is exact under three-valued logic, then drops
 * filters that keep every row and replaces those that keep none by an empty Values.
 * <pre>
 * Filter [(TRUE AND (a > 1))]           Filter [(a > 1)]
 *   Scan t [a]                  =>        Scan t [a]
 * </pre>
 * TRUE AND x → x, FALSE AND x → FALSE, TRUE OR x → TRUE, FALSE OR x → x (either order),
 * x AND x → x, x OR x → x (x deterministic), NOT NOT x → x, NOT TRUE → FALSE, NOT FALSE → TRUE.
 * Not done: anything with a NULL operand other than in a filter (NULL AND x is NULL or FALSE).
 */
public final class SimplifyBooleans implements Rule<LogicalPlan> {
  @Override public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      LogicalPlan n = node.transformExpressionsUp(SimplifyBooleans::simplify);
      if (n instanceof Filter f && f.condition() instanceof Literal l) {
        if (Boolean.TRUE.equals(l.value())) return f.child();
        return new Values(f.output(), List.of()); // FALSE or NULL keeps no row
      }
      return n;
    });
  }

  static Expr simplify(Expr e) {
    if (e instanceof BinaryOp b && (b.op() == BinaryOp.Op.AND || b.op() == BinaryOp.Op.OR)) {
      Literal absorbing = b.op() == BinaryOp.Op.AND ? Literal.FALSE : Literal.TRUE;
      Literal neutral = b.op() == BinaryOp.Op.AND ? Literal.TRUE : Literal.FALSE;
      if (b.left().equals(absorbing) || b.right().equals(absorbing)) return absorbing;
      if (b.left().equals(neutral)) return b.right();
      if (b.right().equals(neutral)) return b.left();
      if (b.left().equals(b.right()) && b.left().deterministic()) return b.left();
    }
    if (e instanceof UnaryOp u && u.op() == UnaryOp.Op.NOT) {
      if (u.child() instanceof UnaryOp inner && inner.op() == UnaryOp.Op.NOT) return inner.child();
      if (u.child().equals(Literal.TRUE)) return Literal.FALSE;
      if (u.child().equals(Literal.FALSE)) return Literal.TRUE;
    }
    return e;
  }
}
