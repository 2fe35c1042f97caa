package dev.ember.catalyst.expr.eval;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Utf8String;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Total orders for SQL comparison. Floating point follows PostgreSQL and Spark: NaN equals NaN
 * and sorts above every number, and -0.0 equals 0.0. Strings compare by unsigned UTF-8 bytes
 * (code-point order), binaries by unsigned bytes.
 */
public final class Compare {
  private Compare() {}

  public static int compareDouble(double a, double b) {
    if (a < b) return -1;
    if (a > b) return 1;
    if (a == b) return 0;
    boolean na = Double.isNaN(a), nb = Double.isNaN(b);
    return na == nb ? 0 : na ? 1 : -1;
  }

  public static int compareFloat(float a, float b) { return compareDouble(a, b); }

  public static boolean equalDouble(double a, double b) { return a == b || (Double.isNaN(a) && Double.isNaN(b)); }

  public static boolean equalFloat(float a, float b) { return a == b || (Float.isNaN(a) && Float.isNaN(b)); }

  public static int compareBoolean(boolean a, boolean b) { return Boolean.compare(a, b); }

  public static int compareString(Utf8String a, Utf8String b) { return a.compareTo(b); }

  public static int compareBinary(byte[] a, byte[] b) { return Arrays.compareUnsigned(a, b); }

  public static boolean equalBinary(byte[] a, byte[] b) { return Arrays.equals(a, b); }

  public static int compareDecimal(BigDecimal a, BigDecimal b) { return a.compareTo(b); }

  /** Compares two non-null boxed values of the same type {@code t}. */
  public static int compareValues(Object a, Object b, DataType t) {
    return switch (t.id()) {
      case BOOLEAN -> Boolean.compare((Boolean) a, (Boolean) b);
      case TINYINT -> Byte.compare((Byte) a, (Byte) b);
      case SMALLINT -> Short.compare((Short) a, (Short) b);
      case INT, DATE, INTERVAL_YEAR_MONTH -> Integer.compare((Integer) a, (Integer) b);
      case BIGINT, TIMESTAMP, TIMESTAMP_TZ, INTERVAL_DAY_TIME -> Long.compare((Long) a, (Long) b);
      case FLOAT -> compareFloat((Float) a, (Float) b);
      case DOUBLE -> compareDouble((Double) a, (Double) b);
      case DECIMAL -> a instanceof Long x ? Long.compare(x, (Long) b) : ((BigDecimal) a).compareTo((BigDecimal) b);
      case VARCHAR -> ((Utf8String) a).compareTo((Utf8String) b);
      case VARBINARY -> compareBinary((byte[]) a, (byte[]) b);
      case NULL -> 0;
      case ARRAY -> compareArrays((java.util.List<?>) a, (java.util.List<?>) b, t.elementType());
    };
  }

  /** Element by element (a NULL element before any value), then the shorter list first, as Spark. */
  public static int compareArrays(java.util.List<?> a, java.util.List<?> b, DataType element) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      Object x = a.get(i), y = b.get(i);
      if (x == null || y == null) {
        if (x != y) return x == null ? -1 : 1;
        continue;
      }
      int c = compareValues(x, y, element);
      if (c != 0) return c;
    }
    return Integer.compare(a.size(), b.size());
  }

  /** SQL equality of two non-null boxed values of the same type. */
  public static boolean equalValues(Object a, Object b, DataType t) { return compareValues(a, b, t) == 0; }
}
