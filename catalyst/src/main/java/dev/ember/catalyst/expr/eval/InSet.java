package dev.ember.catalyst.expr.eval;

import dev.ember.catalyst.types.DataType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The constant elements of a long {@code IN} list, for lookups without a comparison per element:
 * sorted primitive arrays for numbers and datetimes (binary search, no boxing), a hash set for
 * the rest. Equality is SQL's ({@link Compare}): NaN equals NaN, -0.0 equals 0.0. NULL elements
 * only set {@link #hasNull()}.
 */
public final class InSet {
  private final long[] longs;
  private final double[] doubles;
  private final Set<Object> objects;
  private final boolean hasNull;

  private InSet(long[] longs, double[] doubles, Set<Object> objects, boolean hasNull) {
    this.longs = longs;
    this.doubles = doubles;
    this.objects = objects;
    this.hasNull = hasNull;
  }

  /** A set of boxed values of type {@code t} (nulls allowed). */
  public static InSet of(List<Object> values, DataType t) {
    boolean hasNull = false;
    int n = 0;
    long[] longs = null;
    double[] doubles = null;
    Set<Object> objects = null;
    boolean primitiveLong = usesLongs(t), primitiveDouble = t.isFloatingPoint();
    if (primitiveLong) longs = new long[values.size()];
    else if (primitiveDouble) doubles = new double[values.size()];
    else objects = new HashSet<>();
    for (Object v : values) {
      if (v == null) {
        hasNull = true;
      } else if (primitiveLong) {
        longs[n++] = v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).longValue();
      } else if (primitiveDouble) {
        doubles[n++] = normalize(((Number) v).doubleValue());
      } else {
        objects.add(key(v));
      }
    }
    if (longs != null) {
      longs = Arrays.copyOf(longs, n);
      Arrays.sort(longs);
    }
    if (doubles != null) {
      doubles = Arrays.copyOf(doubles, n);
      Arrays.sort(doubles);
    }
    return new InSet(longs, doubles, objects, hasNull);
  }

  /** True when values of {@code t} are looked up with {@link #contains(long)}. */
  public static boolean usesLongs(DataType t) {
    return t.isIntegral() || t.isLongDecimal() || t.isDatetime() || t.isInterval() || t.id() == dev.ember.catalyst.types.TypeId.BOOLEAN;
  }

  private static double normalize(double d) {
    if (Double.isNaN(d)) return Double.NaN;
    return d == 0 ? 0.0 : d;
  }

  private static Object key(Object v) {
    if (v instanceof byte[] b) return ByteBuffer.wrap(b);
    if (v instanceof BigDecimal d) return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    return v;
  }

  public boolean hasNull() { return hasNull; }

  public boolean contains(long v) { return Arrays.binarySearch(longs, v) >= 0; }

  public boolean contains(boolean v) { return contains(v ? 1L : 0L); }

  public boolean contains(double v) { return Arrays.binarySearch(doubles, normalize(v)) >= 0; }

  public boolean contains(Object v) { return objects.contains(key(v)); }

  /** Boxed lookup for the interpreter and tests. */
  public boolean containsValue(Object v) {
    if (longs != null) return contains(v instanceof Boolean b ? (b ? 1L : 0L) : ((Number) v).longValue());
    if (doubles != null) return contains(((Number) v).doubleValue());
    return contains(v);
  }
}
