package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.Call;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.InList;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.UnaryOp;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces expressions whose value a NULL operand (or a non-nullable one) already decides.
 * <pre>
 * Filter [((a + NULL) > 1)]             Filter [NULL]
 *   Scan t [a]                  =>        Scan t [a]
 * </pre>
 * Rewrites: a null-intolerant operator (arithmetic, comparison, ||, NOT, negation, a
 * null-intolerant function, IN's tested value) with a NULL literal operand → NULL of its type;
 * {@code x IS NULL} → FALSE and {@code x IS NOT NULL} → TRUE when x cannot be NULL; COALESCE
 * drops NULL literals and every argument after the first non-nullable one (a single argument left
 * is the result itself). AND, OR, {@code <=>}, CASE and IS [NOT] TRUE/FALSE are left alone: a NULL
 * operand does not decide them. Nullability is read from the attributes as the plan built them
 * ({@link NullableAttributes} refreshes it against each node's inputs first), so a column of
 * the null-padded side of an outer join is never treated as non-nullable.
 */
public final class NullPropagation implements Rule<LogicalPlan> {
  @Override public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> NullableAttributes.whereSafe(node, NullPropagation::propagate));
  }

  static Expr propagate(Expr e) {
    if (e instanceof BinaryOp b && (b.op().isArithmetic() || b.op() == BinaryOp.Op.CONCAT
        || (b.op().isComparison() && b.op() != BinaryOp.Op.EQ_NULL_SAFE))) {
      if (isNull(b.left()) || isNull(b.right())) return Literal.nullOf(b.type());
    }
    if (e instanceof UnaryOp u) {
      if (u.op().nullIntolerant() && isNull(u.child())) return Literal.nullOf(u.type());
      if (u.op() == UnaryOp.Op.IS_NULL && !u.child().nullable()) return Literal.FALSE;
      if (u.op() == UnaryOp.Op.IS_NOT_NULL && !u.child().nullable()) return Literal.TRUE;
    }
    if (e instanceof InList in && isNull(in.value())) return Literal.nullOf(in.dataType());
    if (e instanceof Call c && c.fn().nullIntolerant && c.args().stream().anyMatch(NullPropagation::isNull)) {
      return Literal.nullOf(c.type());
    }
    if (e instanceof Call c && c.fn() == Call.Fn.COALESCE) return coalesce(c);
    return e;
  }

  private static Expr coalesce(Call c) {
    List<Expr> kept = new ArrayList<>();
    for (Expr a : c.args()) {
      if (isNull(a)) continue;
      kept.add(a);
      if (!a.nullable()) break;
    }
    if (kept.size() == c.args().size()) return c;
    if (kept.isEmpty()) return Literal.nullOf(c.type());
    if (kept.size() == 1 && kept.get(0).dataType().equals(c.type())) return kept.get(0);
    return new Call(Call.Fn.COALESCE, kept, c.type());
  }

  private static boolean isNull(Expr e) { return e instanceof Literal l && l.isNull(); }
}
