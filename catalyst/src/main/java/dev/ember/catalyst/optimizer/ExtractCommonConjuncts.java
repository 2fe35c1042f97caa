package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.Predicates;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.Join;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * Factors conjuncts that every branch of a disjunction shares out of it, so they can become
 * join keys or move down on their own (TPC-H Q19).
 * <pre>
 * Filter [(((a = b) AND (x = 1)) OR ((a = b) AND (x = 2)))]   =>   Filter [((a = b) AND ((x = 1) OR (x = 2)))]
 * </pre>
 * Exact under three-valued logic: {@code (c AND p) OR (c AND q)} equals {@code c AND (p OR q)}
 * for every truth value of c, p and q. Only deterministic branches are touched.
 */
public final class ExtractCommonConjuncts implements Rule<LogicalPlan> {
  @Override public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (node instanceof Filter || node instanceof Join) return node.transformExpressionsUp(ExtractCommonConjuncts::factor);
      return node;
    });
  }

  private static Expr factor(Expr e) {
    if (!(e instanceof BinaryOp or) || or.op() != BinaryOp.Op.OR || !e.deterministic()) return e;
    List<List<Expr>> branches = new ArrayList<>();
    for (Expr d : disjuncts(e)) branches.add(Predicates.splitConjuncts(d));
    List<Expr> common = new ArrayList<>();
    for (Expr c : branches.get(0)) {
      if (branches.stream().allMatch(b -> b.contains(c)) && !common.contains(c)) common.add(c);
    }
    if (common.isEmpty()) return e;
    Expr rest = null;
    for (List<Expr> b : branches) {
      List<Expr> left = new ArrayList<>(b);
      left.removeAll(common);
      if (left.isEmpty()) return Predicates.and(common); // one branch is just the common part
      Expr branch = Predicates.and(left);
      rest = rest == null ? branch : BinaryOp.predicate(BinaryOp.Op.OR, rest, branch);
    }
    List<Expr> out = new ArrayList<>(common);
    out.add(rest == null ? Literal.TRUE : rest);
    return Predicates.and(out);
  }

  private static List<Expr> disjuncts(Expr e) {
    List<Expr> out = new ArrayList<>();
    if (e instanceof BinaryOp b && b.op() == BinaryOp.Op.OR) {
      out.addAll(disjuncts(b.left()));
      out.addAll(disjuncts(b.right()));
    } else {
      out.add(e);
    }
    return out;
  }
}
