package dev.ember.codegen.expr;

/**
 * Hand-written base of a generated class that evaluates one expression over an {@code Object[]}
 * row of boxed values, returning the boxed result or null. Made by {@link RowExpressionCompiler};
 * one instance per thread.
 */
public abstract class RowExpression {
  /** Receives the references array of the {@link CodegenContext} that generated the class. */
  public abstract void init(Object[] refs);

  public abstract Object eval(Object[] row);
}
