package dev.ember.catalyst;

import dev.ember.catalyst.expr.Alias;
import dev.ember.catalyst.expr.Expr;

/**
 * An expression of the test DSL, resolved against the plan it is used on: {@code col("a")}
 * means the column {@code a} of whatever the current {@link PlanBuilder} outputs.
 */
@FunctionalInterface
public interface DslExpr {
  Expr resolve(Scope scope);

  /** Names the result: {@code add(col("a"), lit(1)).as("x")}. */
  default DslExpr as(String name) { return s -> Alias.of(resolve(s), name); }
}
