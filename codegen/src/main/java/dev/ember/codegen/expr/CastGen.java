package dev.ember.codegen.expr;

import static dev.ember.codegen.expr.ExprCodegen.RT;

import dev.ember.catalyst.expr.Cast;
import dev.ember.catalyst.expr.eval.Casts;
import dev.ember.catalyst.expr.eval.EvalErrors;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.TypeId;
import java.util.List;

/**
 * CAST: a Java expression converting a non-null value, calling the same CastOps/TextCasts helpers
 * in the same order as {@link Casts#cast}. Also used by other generators to convert a helper's
 * result (e.g. an INT date field) to the call's declared type.
 */
final class CastGen {
  private static final String CAST = RT + "CastOps";
  private static final String TEXT = RT + "TextCasts";
  private static final String INTEGRAL = RT + "IntegralOps";
  private static final String DECIMAL = RT + "DecimalOps";

  private CastGen() {}

  static ExprCode cast(Cast c, CodegenContext ctx, InputAccessor input) {
    DataType from = c.child().dataType(), to = c.type();
    if (from.id() == TypeId.NULL) {
      return new ExprCode(ExprCodegen.comment(c), "true", CodegenContext.defaultValue(to));
    }
    return ExprCodegen.nullSafe(c, List.of(c.child()), ctx, input, v -> convert(v[0], from, to));
  }

  /** A Java expression of type {@code to} converting the non-null value {@code x} of type {@code from}. */
  static String convert(String x, DataType from, DataType to) {
    if (from.equals(to)) return x;
    if (!Casts.canCast(from, to)) throw EvalErrors.unsupportedCast(from, to);
    if (to.isString()) return toText(x, from);
    return switch (from.id()) {
      case VARCHAR -> fromText(x, to);
      case BOOLEAN -> to.isDecimal()
          ? (to.isLongDecimal() ? CAST + ".booleanToDecimal(" : CAST + ".booleanToBigDecimal(") + x + ", " + ps(to) + ")"
          : fromLong("(" + x + " ? 1L : 0L)", to);
      case TINYINT, SMALLINT, INT, BIGINT -> fromLong("(long) " + x, to);
      case FLOAT -> to.id() == TypeId.DOUBLE ? "(double) " + x : fromDouble("(double) " + x, to);
      case DOUBLE -> fromDouble(x, to);
      case DECIMAL -> from.isLongDecimal() ? fromLongDecimal(x, from, to) : fromBigDecimal(x, to);
      case DATE -> CAST + ".dateToTimestamp(" + x + ")";
      case TIMESTAMP, TIMESTAMP_TZ -> to.id() == TypeId.DATE ? CAST + ".timestampToDate(" + x + ")" : x;
      default -> throw EvalErrors.unsupportedCast(from, to);
    };
  }

  private static String ps(DataType t) { return t.precision() + ", " + t.scale(); }

  private static String toText(String x, DataType from) {
    return switch (from.id()) {
      case BOOLEAN -> TEXT + ".booleanToText(" + x + ")";
      case TINYINT, SMALLINT, INT, BIGINT -> TEXT + ".longToText((long) " + x + ")";
      case FLOAT -> TEXT + ".floatToText(" + x + ")";
      case DOUBLE -> TEXT + ".doubleToText(" + x + ")";
      case DECIMAL -> from.isLongDecimal() ? TEXT + ".decimalToText(" + x + ", " + from.scale() + ")"
          : TEXT + ".bigDecimalToText(" + x + ")";
      case DATE -> TEXT + ".dateToText(" + x + ")";
      case TIMESTAMP -> TEXT + ".timestampToText(" + x + ")";
      case TIMESTAMP_TZ -> TEXT + ".timestampTzToText(" + x + ")";
      case INTERVAL_YEAR_MONTH -> TEXT + ".intervalYearMonthToText(" + x + ")";
      case INTERVAL_DAY_TIME -> TEXT + ".intervalDayTimeToText(" + x + ")";
      case VARBINARY -> TEXT + ".binaryToText(" + x + ")";
      default -> throw EvalErrors.unsupportedCast(from, DataType.VARCHAR);
    };
  }

  private static String fromText(String x, DataType to) {
    return switch (to.id()) {
      case BOOLEAN -> TEXT + ".textToBoolean(" + x + ")";
      case TINYINT -> TEXT + ".textToByte(" + x + ")";
      case SMALLINT -> TEXT + ".textToShort(" + x + ")";
      case INT -> TEXT + ".textToInt(" + x + ")";
      case BIGINT -> TEXT + ".textToBigint(" + x + ")";
      case FLOAT -> TEXT + ".textToFloat(" + x + ")";
      case DOUBLE -> TEXT + ".textToDouble(" + x + ")";
      case DECIMAL -> (to.isLongDecimal() ? TEXT + ".textToDecimal(" : TEXT + ".textToBigDecimal(") + x + ", " + ps(to) + ")";
      case DATE -> TEXT + ".textToDate(" + x + ")";
      case TIMESTAMP -> TEXT + ".textToTimestamp(" + x + ")";
      case TIMESTAMP_TZ -> TEXT + ".textToTimestampTz(" + x + ")";
      case INTERVAL_YEAR_MONTH -> TEXT + ".textToIntervalYearMonth(" + x + ")";
      case INTERVAL_DAY_TIME -> TEXT + ".textToIntervalDayTime(" + x + ")";
      case VARBINARY -> TEXT + ".textToBinary(" + x + ")";
      default -> throw EvalErrors.unsupportedCast(DataType.VARCHAR, to);
    };
  }

  /** {@code x} is a Java long expression. */
  private static String fromLong(String x, DataType to) {
    return switch (to.id()) {
      case BOOLEAN -> "(" + x + " != 0L)";
      case TINYINT -> INTEGRAL + ".toByte(" + x + ")";
      case SMALLINT -> INTEGRAL + ".toShort(" + x + ")";
      case INT -> INTEGRAL + ".toInt(" + x + ")";
      case BIGINT -> "(" + x + ")";
      case FLOAT -> "(float) (" + x + ")";
      case DOUBLE -> "(double) (" + x + ")";
      case DECIMAL -> (to.isLongDecimal() ? CAST + ".longToDecimal(" : CAST + ".longToBigDecimal(") + x + ", " + ps(to) + ")";
      default -> throw EvalErrors.unsupportedCast(DataType.BIGINT, to);
    };
  }

  private static String fromDouble(String x, DataType to) {
    return switch (to.id()) {
      case BOOLEAN -> "(" + x + " != 0.0)";
      case TINYINT -> CAST + ".doubleToByte(" + x + ")";
      case SMALLINT -> CAST + ".doubleToShort(" + x + ")";
      case INT -> CAST + ".doubleToInt(" + x + ")";
      case BIGINT -> CAST + ".doubleToLong(" + x + ")";
      case FLOAT -> CAST + ".doubleToFloat(" + x + ")";
      case DOUBLE -> x;
      case DECIMAL -> (to.isLongDecimal() ? CAST + ".doubleToDecimal(" : CAST + ".doubleToBigDecimal(") + x + ", " + ps(to) + ")";
      default -> throw EvalErrors.unsupportedCast(DataType.DOUBLE, to);
    };
  }

  private static String fromLongDecimal(String x, DataType from, DataType to) {
    int s = from.scale();
    String asLong = CAST + ".decimalToLong(" + x + ", " + s + ")";
    return switch (to.id()) {
      case BOOLEAN -> "(" + x + " != 0L)";
      case TINYINT -> INTEGRAL + ".toByte(" + asLong + ")";
      case SMALLINT -> INTEGRAL + ".toShort(" + asLong + ")";
      case INT -> INTEGRAL + ".toInt(" + asLong + ")";
      case BIGINT -> asLong;
      case FLOAT -> CAST + ".decimalToFloat(" + x + ", " + s + ")";
      case DOUBLE -> CAST + ".decimalToDouble(" + x + ", " + s + ")";
      case DECIMAL -> to.isLongDecimal() ? DECIMAL + ".rescale(" + x + ", " + s + ", " + ps(to) + ")"
          : DECIMAL + ".toBig(" + DECIMAL + ".toBig(" + x + ", " + s + "), " + ps(to) + ")";
      default -> throw EvalErrors.unsupportedCast(from, to);
    };
  }

  private static String fromBigDecimal(String x, DataType to) {
    return switch (to.id()) {
      case BOOLEAN -> "(" + x + ".signum() != 0)";
      case TINYINT -> INTEGRAL + ".toByte(" + CAST + ".bigDecimalToLong(" + x + ", \"TINYINT\"))";
      case SMALLINT -> INTEGRAL + ".toShort(" + CAST + ".bigDecimalToLong(" + x + ", \"SMALLINT\"))";
      case INT -> INTEGRAL + ".toInt(" + CAST + ".bigDecimalToLong(" + x + ", \"INT\"))";
      case BIGINT -> CAST + ".bigDecimalToLong(" + x + ", \"BIGINT\")";
      case FLOAT -> CAST + ".bigDecimalToFloat(" + x + ")";
      case DOUBLE -> CAST + ".bigDecimalToDouble(" + x + ")";
      case DECIMAL -> (to.isLongDecimal() ? DECIMAL + ".toLong(" : DECIMAL + ".toBig(") + x + ", " + ps(to) + ")";
      default -> throw EvalErrors.unsupportedCast(DataType.decimal(38, 0), to);
    };
  }
}
