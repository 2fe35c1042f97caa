package dev.ember.codegen.expr;

import dev.ember.catalyst.types.DataType;

/** Reads input columns from an {@code Object[]} row of boxed values held in a local variable. */
public final class ObjectRowAccessor implements InputAccessor {
  private final String rowVariable;

  /** {@code rowVariable}: the name of the {@code Object[]} local or parameter. */
  public ObjectRowAccessor(String rowVariable) { this.rowVariable = rowVariable; }

  @Override public ExprCode column(CodegenContext ctx, int ordinal, DataType type, boolean nullable) {
    String cell = rowVariable + "[" + ordinal + "]";
    String javaType = CodegenContext.javaType(type), boxed = CodegenContext.boxedType(type);
    String read = javaType.equals(boxed) ? "(" + javaType + ") " + cell : "((" + boxed + ") " + cell + ")." + javaType + "Value()";
    String v = ctx.freshName("col");
    if (!nullable) return new ExprCode(javaType + " " + v + " = " + read + ";\n", "false", v);
    String n = ctx.freshName("colIsNull");
    String code = "boolean " + n + " = " + cell + " == null;\n"
        + javaType + " " + v + " = " + n + " ? " + CodegenContext.defaultValue(type) + " : " + read + ";\n";
    return new ExprCode(code, n, v);
  }
}
