package dev.ember.sql.validate;

import dev.ember.catalyst.expr.DecimalRules;
import dev.ember.catalyst.types.DataType;
import java.math.RoundingMode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Calcite's view of Ember's types: decimals up to 38 digits, decimal arithmetic and aggregate
 * result types by catalyst's {@link DecimalRules} (Spark's rules), sum of integers BIGINT and
 * average of integers DOUBLE. The converter relies on the validator deriving exactly these types.
 *
 * <p>Timestamps have microsecond precision, as Ember's TIMESTAMP values do. Mixed CHAR lengths in CASE and UNION become VARCHAR, so {@code 'a'} is never padded to the
 * length of a longer branch (Ember has no CHAR type).
 */
public final class EmberTypeSystem extends RelDataTypeSystemImpl {
  public static final EmberTypeSystem INSTANCE = new EmberTypeSystem();

  private EmberTypeSystem() {}

  /** Timestamps keep microseconds (Calcite's default is milliseconds). */
  public static final int TIMESTAMP_PRECISION = 6;

  @Override public int getMaxPrecision(SqlTypeName typeName) {
    return switch (typeName) {
      case DECIMAL -> DataType.MAX_DECIMAL_PRECISION;
      case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ -> TIMESTAMP_PRECISION;
      default -> super.getMaxPrecision(typeName);
    };
  }

  @Override public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? DataType.MAX_DECIMAL_PRECISION : super.getMaxScale(typeName);
  }

  @SuppressWarnings("deprecation")
  @Override public int getMaxNumericPrecision() { return DataType.MAX_DECIMAL_PRECISION; }

  @SuppressWarnings("deprecation")
  @Override public int getMaxNumericScale() { return DataType.MAX_DECIMAL_PRECISION; }

  @Override public boolean shouldConvertRaggedUnionTypesToVarying() { return true; }

  /**
   * How Calcite rounds when it folds a cast of a literal to fewer decimal places: HALF_UP, as
   * Spark and Ember's own casts do ({@code CAST(1.255 AS DECIMAL(10,2))} is 1.26); Calcite's
   * default truncates.
   */
  @Override public RoundingMode roundingMode() { return RoundingMode.HALF_UP; }

  @Override public RelDataType deriveSumType(RelDataTypeFactory f, RelDataType arg) {
    if (arg.getSqlTypeName() == SqlTypeName.DECIMAL) {
      return decimal(f, DecimalRules.sum(TypeMapping.toEmber(arg)), arg.isNullable());
    }
    if (SqlTypeUtil.isExactNumeric(arg)) return nullable(f, f.createSqlType(SqlTypeName.BIGINT), arg);
    if (SqlTypeUtil.isApproximateNumeric(arg)) return nullable(f, f.createSqlType(SqlTypeName.DOUBLE), arg);
    return super.deriveSumType(f, arg);
  }

  @Override public RelDataType deriveAvgAggType(RelDataTypeFactory f, RelDataType arg) {
    if (arg.getSqlTypeName() == SqlTypeName.DECIMAL) {
      return decimal(f, DecimalRules.avg(TypeMapping.toEmber(arg)), arg.isNullable());
    }
    if (SqlTypeUtil.isNumeric(arg)) return nullable(f, f.createSqlType(SqlTypeName.DOUBLE), arg);
    return super.deriveAvgAggType(f, arg);
  }

  @Override public RelDataType deriveDecimalPlusType(RelDataTypeFactory f, RelDataType a, RelDataType b) {
    return decimalArithmetic(f, a, b, DecimalOp.ADD);
  }

  @Override public RelDataType deriveDecimalMultiplyType(RelDataTypeFactory f, RelDataType a, RelDataType b) {
    return decimalArithmetic(f, a, b, DecimalOp.MULTIPLY);
  }

  @Override public RelDataType deriveDecimalDivideType(RelDataTypeFactory f, RelDataType a, RelDataType b) {
    return decimalArithmetic(f, a, b, DecimalOp.DIVIDE);
  }

  @Override public RelDataType deriveDecimalModType(RelDataTypeFactory f, RelDataType a, RelDataType b) {
    return decimalArithmetic(f, a, b, DecimalOp.MODULO);
  }

  private enum DecimalOp { ADD, MULTIPLY, DIVIDE, MODULO }

  /**
   * The result of decimal arithmetic when at least one operand is DECIMAL and the other is an
   * exact number (integers count as {@link DecimalRules#forType}); null (Calcite's default
   * rules) otherwise.
   */
  private static RelDataType decimalArithmetic(RelDataTypeFactory f, RelDataType a, RelDataType b, DecimalOp op) {
    if (!SqlTypeUtil.isExactNumeric(a) || !SqlTypeUtil.isExactNumeric(b)) return null;
    if (!SqlTypeUtil.isDecimal(a) && !SqlTypeUtil.isDecimal(b)) return null;
    DataType x = DecimalRules.forType(TypeMapping.toEmber(a));
    DataType y = DecimalRules.forType(TypeMapping.toEmber(b));
    DataType result = switch (op) {
      case ADD -> DecimalRules.add(x, y);
      case MULTIPLY -> DecimalRules.multiply(x, y);
      case DIVIDE -> DecimalRules.divide(x, y);
      case MODULO -> DecimalRules.modulo(x, y);
    };
    return decimal(f, result, a.isNullable() || b.isNullable());
  }

  private static RelDataType decimal(RelDataTypeFactory f, DataType t, boolean nullable) {
    return f.createTypeWithNullability(f.createSqlType(SqlTypeName.DECIMAL, t.precision(), t.scale()), nullable);
  }

  private static RelDataType nullable(RelDataTypeFactory f, RelDataType t, RelDataType like) {
    return f.createTypeWithNullability(t, like.isNullable());
  }
}
