package dev.ember.sql.validate;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Rewrites of the parse tree before validation, in place. Calcite's parser turns every
 * {@code DATE_TRUNC(…)} into BigQuery's {@code DATE_TRUNC(date, unit)}; Ember takes the
 * PostgreSQL/Spark form {@code DATE_TRUNC('unit', value)} (and accepts the BigQuery one), so both
 * become {@link EmberFunctions#DATE_TRUNC}. The variance family becomes Ember's DOUBLE-typed
 * versions ({@link EmberFunctions#STDDEV_POP} …).
 */
public final class ParsedTreeRewrites {
  private ParsedTreeRewrites() {}

  public static void apply(SqlNode node) {
    if (node instanceof SqlNodeList list) {
      for (int i = 0; i < list.size(); i++) {
        SqlNode item = list.get(i);
        SqlNode replaced = rewrite(item);
        if (replaced != item) list.set(i, replaced);
        apply(replaced);
      }
    } else if (node instanceof SqlCall call) {
      List<SqlNode> operands = call.getOperandList();
      for (int i = 0; i < operands.size(); i++) {
        SqlNode op = operands.get(i);
        SqlNode replaced = rewrite(op);
        if (replaced != op) call.setOperand(i, replaced);
        apply(replaced);
      }
    }
  }

  /** Calcite's variance family to Ember's DOUBLE-typed one ({@link EmberFunctions#STDDEV_POP} …). */
  private static final Map<String, SqlAggFunction> STATISTICS = Map.of(
      "STDDEV_POP", EmberFunctions.STDDEV_POP,
      "STDDEV_SAMP", EmberFunctions.STDDEV_SAMP,
      "STDDEV", EmberFunctions.STDDEV_SAMP,
      "VAR_POP", EmberFunctions.VAR_POP,
      "VAR_SAMP", EmberFunctions.VAR_SAMP,
      "VARIANCE", EmberFunctions.VAR_SAMP);

  private static SqlNode rewrite(SqlNode node) {
    if (node instanceof SqlCall call && call.getOperator() instanceof SqlFunction f
        && f.getSqlIdentifier() != null && f.getSqlIdentifier().isSimple()
        && STATISTICS.containsKey(f.getName().toUpperCase(Locale.ROOT))) {
      return STATISTICS.get(f.getName().toUpperCase(Locale.ROOT)).createCall(call.getFunctionQuantifier(), call.getParserPosition(),
          call.getOperandList().toArray(new SqlNode[0]));
    }
    // CAST(TRUE AS VARCHAR): Calcite would fold the literal to 'TRUE'; Spark, DuckDB and PostgreSQL
    // (and Ember's cast of a boolean column) give 'true'.
    if (node instanceof SqlCall call && call.getKind() == SqlKind.CAST && call.operandCount() == 2
        && call.operand(0) instanceof SqlLiteral lit && lit.getTypeName() == SqlTypeName.BOOLEAN
        && lit.getValue() != null && call.operand(1) instanceof SqlDataTypeSpec spec
        && spec.getTypeName().isSimple()
        && List.of("VARCHAR", "CHAR", "STRING").contains(spec.getTypeName().getSimple().toUpperCase(Locale.ROOT))) {
      return SqlLiteral.createCharString(lit.booleanValue() ? "true" : "false", call.getParserPosition());
    }
    if (node instanceof SqlCall call && call.getOperator() == SqlLibraryOperators.DATE_TRUNC
        && call.operandCount() == 2) {
      SqlNode a = call.operand(0);
      SqlNode b = call.operand(1);
      if (b instanceof SqlIntervalQualifier unit) {
        SqlNode unitName = SqlLiteral.createCharString(unit.timeUnitRange.name(), unit.getParserPosition());
        return EmberFunctions.DATE_TRUNC.createCall(call.getParserPosition(), unitName, a);
      }
      return EmberFunctions.DATE_TRUNC.createCall(call.getParserPosition(), a, b);
    }
    return node;
  }
}
