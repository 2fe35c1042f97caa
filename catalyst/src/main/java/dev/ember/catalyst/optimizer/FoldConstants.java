package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.Alias;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.eval.Interpreter;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.rules.Rule;

/**
 * Evaluates expressions that read no column once, at planning time, with the interpreter.
 * <pre>
 * Filter [(a > (2 * 3))]              Filter [(a > 6)]
 *   Scan t [a]                =>        Scan t [a]
 * </pre>
 * Not done for non-deterministic expressions and CURRENT_DATE/TIMESTAMP (not foldable: the
 * query's clock fixes those), nor for an alias itself (its child is folded instead). An
 * expression whose evaluation fails (1 / 0) stays: the error must surface only if a row
 * actually reaches it at run time.
 */
public final class FoldConstants implements Rule<LogicalPlan> {
  @Override public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformAllExpressions(FoldConstants::fold);
  }

  static Expr fold(Expr e) {
    if (e instanceof Literal || e instanceof Alias || !e.foldable()) return e;
    try {
      return Interpreter.evalConstant(e);
    } catch (EmberException error) {
      return e;
    }
  }
}
