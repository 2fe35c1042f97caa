package dev.ember.catalyst.expr;

import java.util.ArrayList;
import java.util.List;

/** Building and splitting boolean conditions. */
public final class Predicates {
  private Predicates() {}

  /** The AND of both, skipping TRUE literals. */
  public static Expr and(Expr a, Expr b) {
    if (a.equals(Literal.TRUE)) return b;
    if (b.equals(Literal.TRUE)) return a;
    return BinaryOp.predicate(BinaryOp.Op.AND, a, b);
  }

  /** The AND of all (TRUE when empty), left-deep in list order. */
  public static Expr and(List<Expr> conjuncts) {
    Expr out = Literal.TRUE;
    for (Expr c : conjuncts) out = and(out, c);
    return out;
  }

  /** {@code a AND (b AND c)} as [a, b, c]; TRUE as []. */
  public static List<Expr> splitConjuncts(Expr e) {
    List<Expr> out = new ArrayList<>();
    split(e, out);
    return out;
  }

  private static void split(Expr e, List<Expr> out) {
    if (e instanceof BinaryOp b && b.op() == BinaryOp.Op.AND) {
      split(b.left(), out);
      split(b.right(), out);
    } else if (!e.equals(Literal.TRUE)) {
      out.add(e);
    }
  }
}
