package dev.ember.sql.validate;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.util.Optionality;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Scalar functions whose Spark/PostgreSQL signatures no Calcite library offers as such. The
 * converter maps these exact instances to catalyst functions.
 */
public final class EmberFunctions {
  private EmberFunctions() {}

  /**
   * Division as Spark and DuckDB define it: integers divide to a DOUBLE ({@code 1 / 2} is 0.5,
   * not 0); decimals follow the type system's rules; everything else as in Calcite.
   */
  public static final SqlBinaryOperator DIVIDE = new SqlBinaryOperator("/", SqlKind.DIVIDE, 60, true,
      binding -> {
        RelDataType a = binding.getOperandType(0);
        RelDataType b = binding.getOperandType(1);
        if (SqlTypeUtil.isIntType(a) && SqlTypeUtil.isIntType(b)) {
          var f = binding.getTypeFactory();
          return f.createTypeWithNullability(f.createSqlType(SqlTypeName.DOUBLE), a.isNullable() || b.isNullable());
        }
        return ReturnTypes.QUOTIENT_NULLABLE.inferReturnType(binding);
      },
      InferTypes.FIRST_KNOWN, OperandTypes.DIVISION_OPERATOR);

  /**
   * {@code ROUND(x [, d])} typed as Spark types it: of a DECIMAL(p, s) with a literal {@code d}
   * ≥ 0, DECIMAL(p - s + 1 + min(s, d), min(s, d)) — {@code round(2.567, 2)} is 2.57, not 2.570,
   * and one more integral digit holds a carry ({@code round(9.99, 1)} is 10.0); with {@code d}
   * < 0, DECIMAL(max(p - s + 1, 1 - d), 0). Other arguments keep their type, as in Calcite.
   */
  public static final SqlFunction ROUND = new SqlFunction("ROUND", SqlKind.OTHER_FUNCTION,
      EmberFunctions::roundType, null, OperandTypes.NUMERIC_OPTIONAL_INTEGER, SqlFunctionCategory.NUMERIC);

  private static RelDataType roundType(SqlOperatorBinding binding) {
    RelDataType arg = binding.getOperandType(0);
    RelDataType same = ReturnTypes.ARG0_NULLABLE.inferReturnType(binding);
    if (arg.getSqlTypeName() != SqlTypeName.DECIMAL) return same;
    int digits = 0;
    if (binding.getOperandCount() > 1) {
      if (!binding.isOperandLiteral(1, false)) return same;
      Integer d = binding.getOperandLiteralValue(1, Integer.class);
      if (d == null) return same;
      digits = d;
    }
    int max = binding.getTypeFactory().getTypeSystem().getMaxPrecision(SqlTypeName.DECIMAL);
    int integral = arg.getPrecision() - arg.getScale() + 1;
    int scale = digits < 0 ? 0 : Math.min(arg.getScale(), digits);
    int precision = digits < 0 ? Math.max(integral, 1 - digits) : integral + scale;
    var f = binding.getTypeFactory();
    return f.createTypeWithNullability(f.createSqlType(SqlTypeName.DECIMAL, Math.min(precision, max), scale),
        same.isNullable());
  }

  /**
   * {@code stddev_pop}, {@code stddev_samp}, {@code var_pop}, {@code var_samp} typed DOUBLE for
   * every numeric input, as in Spark and DuckDB; Calcite types them like AVG, which for a
   * DECIMAL(p, s) kept only s + 4 decimal places of a value computed in double anyway.
   * {@link ParsedTreeRewrites} puts these in place of Calcite's (and of {@code stddev},
   * {@code variance}); their names differ from the standard ones because Calcite's routine
   * lookup finds neither of two aggregates with one name.
   */
  public static final SqlAggFunction STDDEV_POP = statistic("EMBER_STDDEV_POP", SqlKind.STDDEV_POP);
  public static final SqlAggFunction STDDEV_SAMP = statistic("EMBER_STDDEV_SAMP", SqlKind.STDDEV_SAMP);
  public static final SqlAggFunction VAR_POP = statistic("EMBER_VAR_POP", SqlKind.VAR_POP);
  public static final SqlAggFunction VAR_SAMP = statistic("EMBER_VAR_SAMP", SqlKind.VAR_SAMP);

  private static SqlAggFunction statistic(String name, SqlKind kind) {
    return new SqlAggFunction(name, null, kind, ReturnTypes.DOUBLE.andThen(SqlTypeTransforms.FORCE_NULLABLE), null,
        OperandTypes.NUMERIC, SqlFunctionCategory.NUMERIC, false, false, Optionality.FORBIDDEN) { };
  }

  /** {@code DATE_TRUNC('month', value)}: the value truncated to the unit, same type. */
  public static final SqlFunction DATE_TRUNC = new SqlFunction("DATE_TRUNC", SqlKind.OTHER_FUNCTION,
      ReturnTypes.ARG1_NULLABLE, null,
      OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.DATETIME), SqlFunctionCategory.TIMEDATE);

  /**
   * {@code DATEDIFF(end, start)}: whole days from start to end (Spark); also
   * {@code DATEDIFF('day', start, end)} as DuckDB and Snowflake write it (the converter accepts
   * the unit {@code day} only).
   */
  public static final SqlFunction DATEDIFF = new SqlFunction("DATEDIFF", SqlKind.OTHER_FUNCTION,
      ReturnTypes.INTEGER_NULLABLE, null,
      OperandTypes.or(OperandTypes.family(SqlTypeFamily.DATE, SqlTypeFamily.DATE),
          OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.DATE, SqlTypeFamily.DATE)),
      SqlFunctionCategory.TIMEDATE);

  /** {@code DATE_ADD(date, days)} (Spark). */
  public static final SqlFunction DATE_ADD = new SqlFunction("DATE_ADD", SqlKind.OTHER_FUNCTION,
      ReturnTypes.ARG0_NULLABLE, null,
      OperandTypes.family(SqlTypeFamily.DATE, SqlTypeFamily.INTEGER), SqlFunctionCategory.TIMEDATE);

  /** {@code DAY(date)}: the day of the month, as {@code EXTRACT(DAY FROM date)} (Spark, DuckDB). */
  public static final SqlFunction DAY = new SqlFunction("DAY", SqlKind.OTHER_FUNCTION,
      ReturnTypes.BIGINT_NULLABLE, null,
      OperandTypes.DATETIME, SqlFunctionCategory.TIMEDATE);
}
