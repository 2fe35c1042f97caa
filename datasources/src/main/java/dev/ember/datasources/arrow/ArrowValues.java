package dev.ember.datasources.arrow;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Utf8String;
import java.math.BigDecimal;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.DurationVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.IntervalYearVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;

/**
 * Reading and writing single values of Arrow vectors in Ember's boxed representation (see
 * {@link DataType#boxedClass()}). For the slow paths: the interpreter, literal rows, result
 * printing and tests. Generated code reads vectors directly.
 */
public final class ArrowValues {
  private ArrowValues() {}

  /** The value at {@code row} as Ember's boxed value, or null. */
  public static Object get(FieldVector v, int row, DataType t) {
    if (v.isNull(row)) return null;
    return switch (t.id()) {
      case NULL -> null;
      case BOOLEAN -> ((BitVector) v).get(row) != 0;
      case TINYINT -> ((TinyIntVector) v).get(row);
      case SMALLINT -> ((SmallIntVector) v).get(row);
      case INT -> ((IntVector) v).get(row);
      case BIGINT -> ((BigIntVector) v).get(row);
      case FLOAT -> ((Float4Vector) v).get(row);
      case DOUBLE -> ((Float8Vector) v).get(row);
      case DECIMAL -> t.isLongDecimal() ? (Object) getLongDecimal((DecimalVector) v, row)
          : ((DecimalVector) v).getObject(row);
      case DATE -> ((DateDayVector) v).get(row);
      case TIMESTAMP, TIMESTAMP_TZ -> ((TimeStampVector) v).get(row);
      case VARCHAR -> Utf8String.wrap(((VarCharVector) v).get(row));
      case VARBINARY -> ((VarBinaryVector) v).get(row);
      case INTERVAL_YEAR_MONTH -> ((IntervalYearVector) v).get(row);
      case INTERVAL_DAY_TIME -> DurationVector.get(((DurationVector) v).getDataBuffer(), row);
      case ARRAY -> getList((ListVector) v, row, t.elementType());
    };
  }

  /** The non-null list at {@code row}: its elements' boxed values, unmodifiable, nulls kept. */
  public static java.util.List<Object> getList(ListVector v, int row, DataType element) {
    int start = v.getElementStartIndex(row), end = v.getElementEndIndex(row);
    FieldVector data = v.getDataVector();
    java.util.ArrayList<Object> out = new java.util.ArrayList<>(end - start);
    for (int i = start; i < end; i++) out.add(get(data, i, element));
    return java.util.Collections.unmodifiableList(out);
  }

  /**
   * Appends the list {@code values} at {@code row} (rows must be written in increasing order, as
   * every writer of a batch does); elements are boxed values of {@code element}, nulls allowed.
   */
  public static void setList(ListVector v, int row, DataType element, java.util.List<?> values) {
    int start = v.startNewValue(row);
    FieldVector data = v.getDataVector();
    for (int i = 0; i < values.size(); i++) set(data, start + i, element, values.get(i));
    v.endValue(row, values.size());
  }

  /** Sets {@code row} to {@code value} (null sets NULL), growing the vector as needed. */
  public static void set(FieldVector v, int row, DataType t, Object value) {
    if (value == null) {
      setNullSafe(v, row);
      return;
    }
    switch (t.id()) {
      case NULL -> setNullSafe(v, row);
      case BOOLEAN -> ((BitVector) v).setSafe(row, ((Boolean) value) ? 1 : 0);
      case TINYINT -> ((TinyIntVector) v).setSafe(row, (Byte) value);
      case SMALLINT -> ((SmallIntVector) v).setSafe(row, (Short) value);
      case INT -> ((IntVector) v).setSafe(row, (Integer) value);
      case BIGINT -> ((BigIntVector) v).setSafe(row, (Long) value);
      case FLOAT -> ((Float4Vector) v).setSafe(row, (Float) value);
      case DOUBLE -> ((Float8Vector) v).setSafe(row, (Double) value);
      case DECIMAL -> {
        DecimalVector d = (DecimalVector) v;
        if (value instanceof Long l) {
          setLongDecimal(d, row, l);
        } else {
          d.setSafe(row, ((BigDecimal) value).setScale(t.scale()));
        }
      }
      case DATE -> ((DateDayVector) v).setSafe(row, (Integer) value);
      case TIMESTAMP, TIMESTAMP_TZ -> ((TimeStampVector) v).setSafe(row, (Long) value);
      case VARCHAR -> {
        byte[] b = ((Utf8String) value).bytes();
        ((VarCharVector) v).setSafe(row, b, 0, b.length);
      }
      case VARBINARY -> ((VarBinaryVector) v).setSafe(row, (byte[]) value);
      case INTERVAL_YEAR_MONTH -> ((IntervalYearVector) v).setSafe(row, (Integer) value);
      case INTERVAL_DAY_TIME -> ((DurationVector) v).setSafe(row, (Long) value);
      case ARRAY -> setList((ListVector) v, row, t.elementType(), (java.util.List<?>) value);
    }
  }

  private static void setNullSafe(FieldVector v, int row) {
    if (v instanceof org.apache.arrow.vector.NullVector) return; // every value of it is null
    while (v.getValueCapacity() <= row) v.reAlloc();
    v.setNull(row);
  }

  /**
   * Copies cell {@code fromRow} of {@code from} to {@code toRow} of {@code to} (same type),
   * growing {@code to} as needed. A NULL-typed column holds nothing to copy.
   */
  public static void copy(FieldVector from, int fromRow, FieldVector to, int toRow) {
    if (to instanceof org.apache.arrow.vector.NullVector) return;
    to.copyFromSafe(fromRow, toRow, from);
  }

  /** The unscaled value of a decimal that fits in a long (the low 8 bytes, little-endian). */
  public static long getLongDecimal(DecimalVector v, int row) {
    return v.getDataBuffer().getLong((long) row * DecimalVector.TYPE_WIDTH);
  }

  /** Writes an unscaled long into a 128-bit decimal slot (sign-extended) and marks it set. */
  public static void setLongDecimal(DecimalVector v, int row, long unscaled) {
    while (v.getValueCapacity() <= row) v.reAlloc();
    ArrowBuf buf = v.getDataBuffer();
    long at = (long) row * DecimalVector.TYPE_WIDTH;
    buf.setLong(at, unscaled);
    buf.setLong(at + 8, unscaled < 0 ? -1L : 0L);
    v.setIndexDefined(row);
  }

  /** The unscaled value of a wide decimal as a BigDecimal with the vector's scale. */
  public static BigDecimal getBigDecimal(DecimalVector v, int row) {
    return v.getObject(row);
  }

}
