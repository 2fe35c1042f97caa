package dev.ember.catalyst.expr.eval;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.TypeId;
import dev.ember.catalyst.types.Utf8String;
import java.math.BigDecimal;

/**
 * The interpreter's cast: dispatches on the source and target types to the helpers of
 * {@link CastOps} and {@link TextCasts}, exactly as the generated code does.
 */
public final class Casts {
  private Casts() {}

  /** True when Ember can cast {@code from} to {@code to} (whatever the value). */
  public static boolean canCast(DataType from, DataType to) {
    if (from.equals(to) || from.id() == TypeId.NULL) return true;
    if (from.isArray() || to.isArray()) return false;
    if (from.isString() || to.isString()) return true;
    TypeId f = from.id(), t = to.id();
    if (f == TypeId.VARBINARY || t == TypeId.VARBINARY) return false;
    boolean fn = from.isNumeric() || f == TypeId.BOOLEAN, tn = to.isNumeric() || t == TypeId.BOOLEAN;
    if (fn && tn) return true;
    if (from.isDatetime() && to.isDatetime()) return true;
    return false;
  }

  /** Casts a non-null boxed value; {@code null} stays {@code null}. */
  public static Object cast(Object v, DataType from, DataType to) {
    if (v == null) return null;
    if (from.equals(to)) return v;
    if (!canCast(from, to)) throw EvalErrors.unsupportedCast(from, to);
    if (to.isString()) return toText(v, from);
    return switch (from.id()) {
      case NULL -> null;
      case VARCHAR -> fromText((Utf8String) v, to);
      case BOOLEAN -> fromBoolean((Boolean) v, to);
      case TINYINT, SMALLINT, INT, BIGINT -> fromLong(((Number) v).longValue(), to);
      case FLOAT -> fromFloat((Float) v, to);
      case DOUBLE -> fromDouble((Double) v, to);
      case DECIMAL -> from.isLongDecimal() ? fromLongDecimal((Long) v, from, to) : fromBigDecimal((BigDecimal) v, to);
      case DATE, TIMESTAMP, TIMESTAMP_TZ -> fromDatetime(v, from, to);
      default -> throw EvalErrors.unsupportedCast(from, to);
    };
  }

  private static Object toText(Object v, DataType from) {
    return switch (from.id()) {
      case NULL -> null;
      case BOOLEAN -> TextCasts.booleanToText((Boolean) v);
      case TINYINT, SMALLINT, INT, BIGINT -> TextCasts.longToText(((Number) v).longValue());
      case FLOAT -> TextCasts.floatToText((Float) v);
      case DOUBLE -> TextCasts.doubleToText((Double) v);
      case DECIMAL -> v instanceof Long l ? TextCasts.decimalToText(l, from.scale())
          : TextCasts.bigDecimalToText((BigDecimal) v);
      case DATE -> TextCasts.dateToText((Integer) v);
      case TIMESTAMP -> TextCasts.timestampToText((Long) v);
      case TIMESTAMP_TZ -> TextCasts.timestampTzToText((Long) v);
      case INTERVAL_YEAR_MONTH -> TextCasts.intervalYearMonthToText((Integer) v);
      case INTERVAL_DAY_TIME -> TextCasts.intervalDayTimeToText((Long) v);
      case VARBINARY -> TextCasts.binaryToText((byte[]) v);
      case VARCHAR -> v;
      case ARRAY -> throw EvalErrors.unsupportedCast(from, DataType.VARCHAR);
    };
  }

  private static Object fromText(Utf8String s, DataType to) {
    return switch (to.id()) {
      case BOOLEAN -> TextCasts.textToBoolean(s);
      case TINYINT -> TextCasts.textToByte(s);
      case SMALLINT -> TextCasts.textToShort(s);
      case INT -> TextCasts.textToInt(s);
      case BIGINT -> TextCasts.textToBigint(s);
      case FLOAT -> TextCasts.textToFloat(s);
      case DOUBLE -> TextCasts.textToDouble(s);
      case DECIMAL -> to.isLongDecimal() ? (Object) TextCasts.textToDecimal(s, to.precision(), to.scale())
          : TextCasts.textToBigDecimal(s, to.precision(), to.scale());
      case DATE -> TextCasts.textToDate(s);
      case TIMESTAMP -> TextCasts.textToTimestamp(s);
      case TIMESTAMP_TZ -> TextCasts.textToTimestampTz(s);
      case INTERVAL_YEAR_MONTH -> TextCasts.textToIntervalYearMonth(s);
      case INTERVAL_DAY_TIME -> TextCasts.textToIntervalDayTime(s);
      case VARBINARY -> TextCasts.textToBinary(s);
      default -> throw EvalErrors.unsupportedCast(DataType.VARCHAR, to);
    };
  }

  private static Object fromBoolean(boolean b, DataType to) {
    if (to.isDecimal()) {
      return to.isLongDecimal() ? (Object) CastOps.booleanToDecimal(b, to.precision(), to.scale())
          : CastOps.booleanToBigDecimal(b, to.precision(), to.scale());
    }
    return fromLong(b ? 1 : 0, to);
  }

  private static Object fromLong(long v, DataType to) {
    return switch (to.id()) {
      case BOOLEAN -> v != 0;
      case TINYINT -> IntegralOps.toByte(v);
      case SMALLINT -> IntegralOps.toShort(v);
      case INT -> IntegralOps.toInt(v);
      case BIGINT -> v;
      case FLOAT -> (float) v;
      case DOUBLE -> (double) v;
      case DECIMAL -> to.isLongDecimal() ? (Object) CastOps.longToDecimal(v, to.precision(), to.scale())
          : CastOps.longToBigDecimal(v, to.precision(), to.scale());
      default -> throw EvalErrors.unsupportedCast(DataType.BIGINT, to);
    };
  }

  private static Object fromFloat(float f, DataType to) {
    if (to.id() == TypeId.DOUBLE) return (double) f;
    return fromDouble(f, to);
  }

  private static Object fromDouble(double d, DataType to) {
    return switch (to.id()) {
      case BOOLEAN -> d != 0;
      case TINYINT -> CastOps.doubleToByte(d);
      case SMALLINT -> CastOps.doubleToShort(d);
      case INT -> CastOps.doubleToInt(d);
      case BIGINT -> CastOps.doubleToLong(d);
      case FLOAT -> CastOps.doubleToFloat(d);
      case DOUBLE -> d;
      case DECIMAL -> to.isLongDecimal() ? (Object) CastOps.doubleToDecimal(d, to.precision(), to.scale())
          : CastOps.doubleToBigDecimal(d, to.precision(), to.scale());
      default -> throw EvalErrors.unsupportedCast(DataType.DOUBLE, to);
    };
  }

  private static Object fromLongDecimal(long u, DataType from, DataType to) {
    int s = from.scale();
    return switch (to.id()) {
      case BOOLEAN -> u != 0;
      case TINYINT -> IntegralOps.toByte(CastOps.decimalToLong(u, s));
      case SMALLINT -> IntegralOps.toShort(CastOps.decimalToLong(u, s));
      case INT -> IntegralOps.toInt(CastOps.decimalToLong(u, s));
      case BIGINT -> CastOps.decimalToLong(u, s);
      case FLOAT -> CastOps.decimalToFloat(u, s);
      case DOUBLE -> CastOps.decimalToDouble(u, s);
      case DECIMAL -> to.isLongDecimal() ? (Object) DecimalOps.rescale(u, s, to.precision(), to.scale())
          : DecimalOps.toBig(DecimalOps.toBig(u, s), to.precision(), to.scale());
      default -> throw EvalErrors.unsupportedCast(from, to);
    };
  }

  private static Object fromBigDecimal(BigDecimal v, DataType to) {
    return switch (to.id()) {
      case BOOLEAN -> v.signum() != 0;
      case TINYINT -> IntegralOps.toByte(CastOps.bigDecimalToLong(v, "TINYINT"));
      case SMALLINT -> IntegralOps.toShort(CastOps.bigDecimalToLong(v, "SMALLINT"));
      case INT -> IntegralOps.toInt(CastOps.bigDecimalToLong(v, "INT"));
      case BIGINT -> CastOps.bigDecimalToLong(v, "BIGINT");
      case FLOAT -> CastOps.bigDecimalToFloat(v);
      case DOUBLE -> CastOps.bigDecimalToDouble(v);
      case DECIMAL -> to.isLongDecimal() ? (Object) DecimalOps.toLong(v, to.precision(), to.scale())
          : DecimalOps.toBig(v, to.precision(), to.scale());
      default -> throw EvalErrors.unsupportedCast(DataType.decimal(38, 0), to);
    };
  }

  private static Object fromDatetime(Object v, DataType from, DataType to) {
    if (from.id() == TypeId.DATE) return CastOps.dateToTimestamp((Integer) v); // to a timestamp kind
    if (to.id() == TypeId.DATE) return CastOps.timestampToDate((Long) v);
    return v; // TIMESTAMP <-> TIMESTAMP WITH TIME ZONE: same instant, session zone UTC
  }
}
