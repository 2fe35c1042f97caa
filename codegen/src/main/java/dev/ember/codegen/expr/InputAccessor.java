package dev.ember.codegen.expr;

import dev.ember.catalyst.types.DataType;

/**
 * How the current row's input column {@code ordinal} is read: the pipeline decides (Arrow
 * vectors, locals of a fused operator, an {@code Object[]} row). The returned code may be
 * emitted more than once per expression (each BoundRef asks), and inside nested blocks.
 */
public interface InputAccessor {
  ExprCode column(CodegenContext ctx, int ordinal, DataType type, boolean nullable);
}
