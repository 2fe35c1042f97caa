package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.expr.CaseWhen;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * Simplifies CASE expressions whose branches constants decide.
 * <pre>
 * Project [CASE WHEN FALSE THEN 1 WHEN (a > 0) THEN 2 ELSE 3 END AS x]
 *   =>  Project [CASE WHEN (a > 0) THEN 2 ELSE 3 END AS x]
 * Project [CASE WHEN TRUE THEN 1 ELSE a END AS x]     =>  Project [1 AS x]
 * </pre>
 * Branches whose condition is FALSE or NULL never run and go; a TRUE condition ends the CASE (its
 * value becomes the ELSE, so a TRUE first branch is the whole result); with no branch left the
 * ELSE is the result; when every branch and the ELSE give the same deterministic value, that value
 * is the result. Dropping an unreachable branch (or conditions, in the last case) also drops an
 * error its condition might have raised, as in Spark. Not done: merging branches that are merely
 * adjacent duplicates under different conditions (the order of evaluation would change).
 */
public final class SimplifyCaseWhen implements Rule<LogicalPlan> {
  @Override public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformAllExpressions(SimplifyCaseWhen::simplify);
  }

  static Expr simplify(Expr e) {
    if (!(e instanceof CaseWhen c)) return e;
    List<Expr> conds = new ArrayList<>(), values = new ArrayList<>();
    Expr otherwise = c.elseValue();
    for (int i = 0; i < c.conditions().size(); i++) {
      Expr cond = c.conditions().get(i);
      if (cond instanceof Literal l && !Boolean.TRUE.equals(l.value())) continue; // FALSE or NULL
      if (cond.equals(Literal.TRUE)) {
        otherwise = c.values().get(i);
        break;
      }
      conds.add(cond);
      values.add(c.values().get(i));
    }
    if (conds.isEmpty()) return otherwise;
    Expr only = otherwise;
    if (only.deterministic() && values.stream().allMatch(only::equals)) return only;
    if (conds.size() == c.conditions().size()) return e;
    return new CaseWhen(conds, values, otherwise, c.type());
  }
}
