package dev.ember.sql.convert;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Calcite's standard SQL-to-Rex conversions, except for functions whose meaning Calcite's
 * rewrite would change: {@code GREATEST}/{@code LEAST} become a CASE that is NULL when any
 * argument is (Oracle), while Spark and DuckDB skip NULL arguments; Ember keeps them as calls.
 */
final class EmberConvertlets implements SqlRexConvertletTable {
  static final EmberConvertlets INSTANCE = new EmberConvertlets();

  private static final SqlRexConvertlet AS_CALL = (cx, call) -> {
    List<RexNode> operands = new ArrayList<>();
    for (SqlNode op : call.getOperandList()) operands.add(cx.convertExpression(op));
    return cx.getRexBuilder().makeCall(cx.getValidator().getValidatedNodeType(call), call.getOperator(), operands);
  };

  private EmberConvertlets() {}

  @Override public SqlRexConvertlet get(SqlCall call) {
    if (call.getOperator() == SqlLibraryOperators.GREATEST || call.getOperator() == SqlLibraryOperators.LEAST) {
      return AS_CALL;
    }
    return StandardConvertletTable.INSTANCE.get(call);
  }
}
