package dev.ember.execution.operator;

import dev.ember.catalyst.types.DataType;
import dev.ember.datasources.arrow.ArrowValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.arrow.vector.FieldVector;

/** Numbers in the boxed representation of a window function's result type, and their output columns. */
final class WindowValues {
  private WindowValues() {}

  /** Fills {@code to} (freshly allocated) with the {@code len} values of {@code values} from {@code from}. */
  static void fill(FieldVector to, DataType t, Object[] values, int from, int len) {
    to.setInitialCapacity(len);
    to.allocateNew();
    for (int i = 0; i < len; i++) ArrowValues.set(to, i, t, values[from + i]);
    to.setValueCount(len);
  }

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
