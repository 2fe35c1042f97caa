package dev.ember.codegen.expr;

import static java.util.Objects.requireNonNull;

/**
 * Code that computes one expression: run {@code code}, then {@code isNull} and {@code value} are
 * Java expressions (usually local variable names; {@code isNull} may be the literal
 * {@code "false"}) holding the result. {@code value} is meaningless when {@code isNull} is true.
 */
public record ExprCode(String code, String isNull, String value) {
  public ExprCode { requireNonNull(code); requireNonNull(isNull); requireNonNull(value); }

  /** A value that needs no code and is never null. */
  public static ExprCode ofValue(String value) { return new ExprCode("", "false", value); }

  /** True when the result can never be null. */
  public boolean nonNull() { return isNull.equals("false"); }
}
