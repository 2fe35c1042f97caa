package dev.ember.datasources.parquet;

import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Utf8String;
import java.math.BigDecimal;
import java.util.Arrays;
import org.apache.parquet.column.statistics.Statistics;

/**
 * What a row group's statistics say about one column, in Ember's value representation: the
 * smallest and largest non-null values (null when unknown) and how many rows are NULL (-1 when
 * unknown).
 */
record ColumnRange(DataType type, Object min, Object max, long nullCount, long rowCount) {

  /** The range described by {@code stats}, or null when they say nothing usable (always for lists). */
  static ColumnRange of(ParquetColumn column, Statistics<?> stats, long rowCount) {
    // A list's leaf statistics describe its elements (NULL elements and lists counted alike), not rows.
    if (stats == null || stats.isEmpty() || column.isList()) return null;
    long nulls = stats.isNumNullsSet() ? stats.getNumNulls() : -1;
    Object min = null;
    Object max = null;
    if (stats.hasNonNullValue() && column.conversion() != Conversion.INT96_TIMESTAMP) {
      min = ParquetValues.emberValue(column.conversion(), column.type(), stats.genericGetMin());
      max = ParquetValues.emberValue(column.conversion(), column.type(), stats.genericGetMax());
      if (isNaN(min) || isNaN(max)) {
        min = null;
        max = null;
      }
    }
    return new ColumnRange(column.type(), min, max, nulls, rowCount);
  }

  private static boolean isNaN(Object v) {
    return (v instanceof Double d && d.isNaN()) || (v instanceof Float f && f.isNaN());
  }

  /** Every row is NULL: known only when the null count equals the row count. */
  boolean allNull() { return nullCount >= 0 && nullCount == rowCount; }

  boolean mightHaveNull() { return nullCount != 0; }

  boolean mightHaveNonNull() { return !allNull(); }

  /** Could some row satisfy {@code column op value} (value non-null, of this column's type)? */
  boolean mightSatisfy(BinaryOp.Op op, Object value) {
    if (allNull()) return false;
    if (min == null || max == null) return true;
    int vsMin = compare(value, min);
    int vsMax = compare(value, max);
    return switch (op) {
      case EQ -> vsMin >= 0 && vsMax <= 0;
      case NE -> !(vsMin == 0 && vsMax == 0);
      case LT -> vsMin > 0;
      case LE -> vsMin >= 0;
      case GT -> vsMax < 0;
      case GE -> vsMax <= 0;
      default -> true;
    };
  }

  /** The same range with integer values converted to the wider integer type {@code to}. */
  ColumnRange widenTo(DataType to) {
    return new ColumnRange(to, widen(min, to), widen(max, to), nullCount, rowCount);
  }

  private static Object widen(Object v, DataType to) {
    if (v == null) return null;
    long l = ((Number) v).longValue();
    return switch (to.id()) {
      case TINYINT -> (byte) l;
      case SMALLINT -> (short) l;
      case INT -> (int) l;
      default -> l;
    };
  }

  /** Orders two non-null values of one Ember type the way SQL comparison does. */
  static int compare(Object a, Object b) {
    if (a instanceof Utf8String x && b instanceof Utf8String y) return x.compareTo(y);
    if (a instanceof byte[] x && b instanceof byte[] y) return Arrays.compareUnsigned(x, y);
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) return x.compareTo(y);
    if (a instanceof Boolean x && b instanceof Boolean y) return Boolean.compare(x, y);
    if ((a instanceof Double || a instanceof Float) && (b instanceof Double || b instanceof Float)) {
      // -0.0 and 0.0 are equal in SQL; Double.compare would order them.
      double x = ((Number) a).doubleValue() + 0.0;
      double y = ((Number) b).doubleValue() + 0.0;
      return Double.compare(x, y);
    }
    if (a instanceof Number x && b instanceof Number y) return Long.compare(x.longValue(), y.longValue());
    throw new IllegalArgumentException("cannot compare " + a.getClass() + " with " + b.getClass());
  }
}
