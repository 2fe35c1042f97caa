package dev.ember.codegen.expr;

import dev.ember.catalyst.expr.Call;

/**
 * Generated form of {@code SCALAR_SUBQUERY_CHECK(rowCount, value)}: checks the row count (a
 * COUNT(*), NULL only in an outer join's padding, which passes) with
 * {@code ScalarSubqueries.checkRowCount}, then yields the value as is.
 */
final class SubqueryCheckGen {
  private SubqueryCheckGen() {}

  static ExprCode call(Call c, CodegenContext ctx, InputAccessor input) {
    ExprCode count = ExprCodegen.gen(c.args().get(0), ctx, input);
    ExprCode value = ExprCodegen.gen(c.args().get(1), ctx, input);
    String code = ExprCodegen.comment(c) + count.code()
        + "if (!(" + count.isNull() + ")) " + ExprCodegen.RT + "ScalarSubqueries.checkRowCount((long) " + count.value()
        + ");\n" + value.code();
    return new ExprCode(code, value.isNull(), value.value());
  }
}
