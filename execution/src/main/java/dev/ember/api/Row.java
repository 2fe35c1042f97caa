package dev.ember.api;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One row of a result, as Spark's {@code Row}: values by position (or by name when the row has a
 * schema), as Java values — String for VARCHAR, BigDecimal for DECIMAL, LocalDate for DATE,
 * LocalDateTime for TIMESTAMP, boxed primitives otherwise. Immutable.
 */
public final class Row {
  private final Schema schema;
  private final Object[] values;

  Row(Schema schema, Object[] values) {
    this.schema = schema;
    this.values = values;
  }

  /** A row without a schema, for {@code createDataFrame(rows, schema)}. */
  public static Row of(Object... values) { return new Row(null, values.clone()); }

  /** The row's schema, or null for rows made with {@link #of}. */
  public Schema schema() { return schema; }

  public int size() { return values.length; }

  public int length() { return values.length; }

  public Object get(int i) { return values[i]; }

  @SuppressWarnings("unchecked")
  public <T> T getAs(int i) { return (T) values[i]; }

  public <T> T getAs(String name) { return getAs(fieldIndex(name)); }

  public boolean isNullAt(int i) { return values[i] == null; }

  /** The position of the column called {@code name} (case-insensitive). */
  public int fieldIndex(String name) {
    if (schema != null) {
      for (int i = 0; i < schema.size(); i++) if (schema.field(i).name().equalsIgnoreCase(name)) return i;
    }
    throw new EmberException(EmberException.UNDEFINED_COLUMN, "no column '" + name + "' in "
        + (schema == null ? "a row without a schema" : schema.names()));
  }

  public boolean getBoolean(int i) { return (Boolean) nonNull(i); }

  public byte getByte(int i) { return ((Number) nonNull(i)).byteValue(); }

  public short getShort(int i) { return ((Number) nonNull(i)).shortValue(); }

  public int getInt(int i) { return ((Number) nonNull(i)).intValue(); }

  public long getLong(int i) { return ((Number) nonNull(i)).longValue(); }

  public float getFloat(int i) { return ((Number) nonNull(i)).floatValue(); }

  public double getDouble(int i) { return ((Number) nonNull(i)).doubleValue(); }

  public String getString(int i) { return values[i] == null ? null : values[i].toString(); }

  public BigDecimal getDecimal(int i) {
    Object v = values[i];
    return v == null || v instanceof BigDecimal ? (BigDecimal) v : new BigDecimal(v.toString());
  }

  public LocalDate getDate(int i) { return (LocalDate) values[i]; }

  public LocalDateTime getTimestamp(int i) { return (LocalDateTime) values[i]; }

  /** An ARRAY value: its elements in their Java forms (as {@link #get}), or null. */
  @SuppressWarnings("unchecked")
  public <T> List<T> getList(int i) { return (List<T>) values[i]; }

  /** The values as a list (Java forms). */
  public List<Object> toList() { return Arrays.asList(values.clone()); }

  private Object nonNull(int i) {
    Object v = values[i];
    if (v == null) throw new NullPointerException("value at index " + i + " is null");
    return v;
  }

  @Override public boolean equals(Object o) { return o instanceof Row r && Arrays.deepEquals(values, r.values); }

  @Override public int hashCode() { return Arrays.deepHashCode(values); }

  /** {@code [v1,v2,…]}, as Spark prints rows. */
  @Override public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      if (i > 0) sb.append(',');
      sb.append(Objects.toString(values[i]));
    }
    return sb.append(']').toString();
  }
}
