package dev.ember.execution.operator;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.WindowFunction.WinFn;
import dev.ember.catalyst.types.DataType;
import dev.ember.codegen.operator.BoxedAccumulator;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The running state of one aggregate window function (COUNT, SUM, AVG, MIN, MAX) over boxed
 * values: values are added one at a time (NULLs skipped, as in SQL) and the result can be read
 * after any addition, which is what running frames need.
 */
final class WindowAggregate {
  private final WinFn fn;
  private final DataType argType;
  private final DataType type;
  private long count;
  private long longSum;
  private double doubleSum;
  private BigDecimal decimalSum;
  private Object extreme;

  /** Whether {@code fn} is an aggregate a window frame accumulates (COUNT, SUM, AVG, MIN, MAX). */
  static boolean isAggregate(WinFn fn) {
    return fn == WinFn.COUNT || fn == WinFn.SUM || fn == WinFn.AVG || fn == WinFn.MIN || fn == WinFn.MAX;
  }

  /** Window column {@code col}'s aggregate, or null when its function is not one. */
  static WindowAggregate of(WindowColumn col) {
    if (!isAggregate(col.fn())) return null;
    DataType argType = col.args().isEmpty() ? col.type() : col.args().get(0).type();
    return new WindowAggregate(col.fn(), argType, col.type());
  }

  WindowAggregate(WinFn fn, DataType argType, DataType type) {
    this.fn = fn;
    this.argType = argType;
    this.type = type;
    reset();
  }

  void reset() {
    count = 0;
    longSum = 0;
    doubleSum = 0;
    decimalSum = BigDecimal.ZERO;
    extreme = null;
  }

  /** Adds one value; for count(*) pass any non-null marker. */
  void add(Object v) {
    if (v == null) return;
    count++;
    switch (fn) {
      case COUNT -> { }
      case MIN -> extreme = extreme == null || BoxedAccumulator.compare(v, extreme) < 0 ? v : extreme;
      case MAX -> extreme = extreme == null || BoxedAccumulator.compare(v, extreme) > 0 ? v : extreme;
      case SUM, AVG -> addToSum(v);
      default -> throw new IllegalStateException("not an aggregate: " + fn);
    }
  }

  private void addToSum(Object v) {
    if (argType.isDecimal()) {
      decimalSum = decimalSum.add(v instanceof BigDecimal b ? b : BigDecimal.valueOf(((Number) v).longValue(), argType.scale()));
    } else if (argType.isFloatingPoint()) {
      doubleSum += ((Number) v).doubleValue();
    } else {
      try {
        longSum = Math.addExact(longSum, ((Number) v).longValue());
      } catch (ArithmeticException e) {
        throw new EmberException(EmberException.NUMERIC_OUT_OF_RANGE, "sum over a window out of range for BIGINT");
      }
    }
  }

  Object result() {
    if (fn == WinFn.COUNT) return WindowValues.integral(count, type);
    if (count == 0) return null;
    if (fn == WinFn.MIN || fn == WinFn.MAX) return extreme;
    BigDecimal exact = argType.isDecimal() ? decimalSum : argType.isFloatingPoint() ? null : BigDecimal.valueOf(longSum);
    if (fn == WinFn.SUM) {
      if (exact == null) return WindowValues.floating(doubleSum, type);
      return type.isDecimal() ? WindowValues.decimal(exact, type) : WindowValues.integral(exact.longValueExact(), type);
    }
    if (exact == null || type.isFloatingPoint()) {
      double sum = exact == null ? doubleSum : exact.doubleValue();
      return WindowValues.floating(sum / count, type);
    }
    BigDecimal avg = exact.divide(BigDecimal.valueOf(count), MathContext.DECIMAL128);
    return WindowValues.decimal(avg.setScale(type.scale(), RoundingMode.HALF_UP), type);
  }
}
