package dev.ember.catalyst.optimizer.cbo;

import dev.ember.catalyst.types.DataType;
import java.math.BigDecimal;

/**
 * Puts values of ordered types on one number line, so that ranges can be compared and
 * interpolated: numbers as themselves (decimals unscaled), dates as days, timestamps as
 * microseconds, booleans as 0 and 1. Strings and other types have no position (NaN): filters
 * on them use distinct counts only.
 */
public final class StatValues {
  private StatValues() {}

  public static double toDouble(Object v, DataType type) {
    if (v == null) return Double.NaN;
    if (type.isDecimal()) {
      if (v instanceof BigDecimal b) return b.doubleValue();
      if (v instanceof Long l) return BigDecimal.valueOf(l, type.scale()).doubleValue();
      return Double.NaN;
    }
    if (v instanceof Boolean b) return b ? 1 : 0;
    if (v instanceof Number n && (type.isNumeric() || type.isDatetime() || type.isInterval())) return n.doubleValue();
    return Double.NaN;
  }

  /** Whether values of {@code type} have positions (ranges and interpolation apply). */
  public static boolean ordered(DataType type) {
    return type.isNumeric() || type.isDatetime() || type.isInterval() || type.id() == dev.ember.catalyst.types.TypeId.BOOLEAN;
  }

  /** Bytes a value of {@code type} takes in a batch, with {@code avgLen} for variable-width types when known. */
  public static double width(DataType type, double avgLen) {
    return switch (type.id()) {
      case BOOLEAN, TINYINT -> 1;
      case SMALLINT -> 2;
      case INT, DATE, FLOAT, INTERVAL_YEAR_MONTH -> 4;
      case DECIMAL -> type.isLongDecimal() ? 8 : 16;
      case VARCHAR, VARBINARY -> Double.isNaN(avgLen) ? 20 : 4 + avgLen;
      default -> 8;
    };
  }
}
