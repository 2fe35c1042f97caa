package dev.ember.execution.operator;

import dev.ember.catalyst.types.DataType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers in the boxed representation of a window function's result type. */
final class WindowValues {
  private WindowValues() {}

  static Object integral(long v, DataType t) {
    return switch (t.id()) {
      case TINYINT -> (byte) v;
      case SMALLINT -> (short) v;
      case INT -> (int) v;
      case FLOAT -> (float) v;
      case DOUBLE -> (double) v;
      case DECIMAL -> decimal(BigDecimal.valueOf(v), t);
      default -> v;
    };
  }

  static Object floating(double v, DataType t) {
    return switch (t.id()) {
      case FLOAT -> (float) v;
      case DECIMAL -> decimal(BigDecimal.valueOf(v), t);
      default -> v;
    };
  }

  static Object decimal(BigDecimal v, DataType t) {
    if (!t.isDecimal()) return t.isFloatingPoint() ? floating(v.doubleValue(), t) : integral(v.longValueExact(), t);
    BigDecimal scaled = v.setScale(t.scale(), RoundingMode.HALF_UP);
    return t.isLongDecimal() ? (Object) scaled.unscaledValue().longValueExact() : scaled;
  }
}
