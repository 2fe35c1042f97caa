package dev.ember.planner.strategy;

import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Exprs;
import dev.ember.catalyst.expr.Predicates;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a join condition into equi-join keys ({@code l = r} with each side over one input and
 * equal types) and a residual condition evaluated on candidate pairs.
 */
record JoinKeys(List<Expr> leftKeys, List<Expr> rightKeys, Expr residual) {
  static JoinKeys extract(Expr condition, Set<Long> leftIds, Set<Long> rightIds) {
    List<Expr> lk = new ArrayList<>(), rk = new ArrayList<>(), rest = new ArrayList<>();
    for (Expr c : Predicates.splitConjuncts(condition)) {
      if (c instanceof BinaryOp b && b.op() == BinaryOp.Op.EQ
          && b.left().dataType().equals(b.right().dataType()) && b.left().deterministic()
          && b.right().deterministic()) {
        Set<Long> l = Exprs.references(b.left()), r = Exprs.references(b.right());
        if (!l.isEmpty() && !r.isEmpty()) {
          if (leftIds.containsAll(l) && rightIds.containsAll(r)) {
            lk.add(b.left());
            rk.add(b.right());
            continue;
          }
          if (leftIds.containsAll(r) && rightIds.containsAll(l)) {
            lk.add(b.right());
            rk.add(b.left());
            continue;
          }
        }
      }
      rest.add(c);
    }
    return new JoinKeys(lk, rk, Predicates.and(rest));
  }
}
