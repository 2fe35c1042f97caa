package dev.ember.sql.convert;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Calcite's standard SQL-to-Rex conversions, except for functions whose meaning Calcite's
 * rewrite would change: {@code GREATEST}/{@code LEAST} become a CASE that is NULL when any
 * argument is (Oracle), while Spark and DuckDB skip NULL arguments; Ember keeps them as calls.
 * Casts of fractional literals to integers are not folded by Calcite ({@link #CAST}).
 */
final class EmberConvertlets implements SqlRexConvertletTable {
  static final EmberConvertlets INSTANCE = new EmberConvertlets();

  private static final SqlRexConvertlet AS_CALL = (cx, call) -> {
    List<RexNode> operands = new ArrayList<>();
    for (SqlNode op : call.getOperandList()) operands.add(cx.convertExpression(op));
    return cx.getRexBuilder().makeCall(cx.getValidator().getValidatedNodeType(call), call.getOperator(), operands);
  };

  /**
   * Calcite folds a cast of a literal with its type system's rounding (HALF_UP for Ember, right
   * for decimal targets); to an integer type Spark truncates instead ({@code CAST(3.7 AS INT)} is
   * 3, {@code CAST(-3.5 AS INT)} is -3), so such a cast of a fractional decimal literal is folded
   * here, by truncation, when the result fits (otherwise the cast stays, and fails at run time).
   */
  private static final SqlRexConvertlet CAST = (cx, call) -> {
    RexNode standard = StandardConvertletTable.INSTANCE.get(call).convertCall(cx, call);
    RelDataType type = standard.getType();
    if (!SqlTypeUtil.isIntType(type)) return standard;
    RexNode operand = cx.convertExpression(call.operand(0));
    if (!(operand instanceof RexLiteral lit) || lit.getType().getSqlTypeName() != SqlTypeName.DECIMAL
        || lit.getType().getScale() == 0 || lit.getValueAs(BigDecimal.class) == null) {
      return standard;
    }
    BigDecimal truncated = lit.getValueAs(BigDecimal.class).setScale(0, RoundingMode.DOWN);
    long max = switch (type.getSqlTypeName()) {
      case TINYINT -> Byte.MAX_VALUE;
      case SMALLINT -> Short.MAX_VALUE;
      case INTEGER -> Integer.MAX_VALUE;
      default -> Long.MAX_VALUE;
    };
    if (truncated.abs().compareTo(BigDecimal.valueOf(max)) > 0) return standard;
    return cx.getRexBuilder().makeExactLiteral(truncated, type);
  };

  private EmberConvertlets() {}

  @Override public SqlRexConvertlet get(SqlCall call) {
    if (call.getOperator() == SqlLibraryOperators.GREATEST || call.getOperator() == SqlLibraryOperators.LEAST) {
      return AS_CALL;
    }
    if (call.getOperator() == SqlStdOperatorTable.CAST) return CAST;
    return StandardConvertletTable.INSTANCE.get(call);
  }
}
