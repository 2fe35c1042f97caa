package dev.ember.codegen.operator;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Utf8String;
import dev.ember.datasources.arrow.ArrowValues;
import java.math.BigDecimal;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * The one hash function of keys, for join tables, aggregation tables and hash partitioning.
 * Generated code hashes primitive locals with the typed methods; hand-written code hashes
 * vector cells and boxed values with {@link #hashCell} and {@link #hashBoxed}, which must give
 * the same numbers. A key's hash is {@code finish(combine(...combine(SEED, h1)..., hn))}.
 */
public final class Hashing {
  public static final int SEED = 42;
  /** What a NULL key part contributes. */
  public static final int NULL_HASH = 0x6b43a9b5;

  private Hashing() {}

  public static int combine(int h, int part) { return h * 31 + part; }

  /** Final avalanche (murmur3 fmix32), so low bits are usable as bucket indexes. */
  public static int finish(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  public static int hashInt(int v) { return v * 0x9E3779B9; }

  public static int hashLong(long v) { return hashInt((int) (v ^ (v >>> 32))); }

  public static int hashBoolean(boolean v) { return v ? 1231 : 1237; }

  public static int hashDouble(double v) {
    if (v == 0.0) v = 0.0; // -0.0 equals 0.0
    if (Double.isNaN(v)) v = Double.NaN;
    return hashLong(Double.doubleToLongBits(v));
  }

  public static int hashFloat(float v) { return hashDouble(v); }

  public static int hashUtf8(Utf8String v) { return v.hashCode(); }

  public static int hashBytes(byte[] v) { return Arrays.hashCode(v); }

  public static int hashDecimal(BigDecimal v) { return v.unscaledValue().hashCode(); }

  /** Hash of a boxed Ember value of type {@code t} (null → {@link #NULL_HASH}). */
  public static int hashBoxed(Object v, DataType t) {
    if (v == null) return NULL_HASH;
    return switch (t.id()) {
      case BOOLEAN -> hashBoolean((Boolean) v);
      case TINYINT -> hashInt((Byte) v);
      case SMALLINT -> hashInt((Short) v);
      case INT, DATE, INTERVAL_YEAR_MONTH -> hashInt((Integer) v);
      case BIGINT, TIMESTAMP, TIMESTAMP_TZ, INTERVAL_DAY_TIME -> hashLong((Long) v);
      case FLOAT -> hashFloat((Float) v);
      case DOUBLE -> hashDouble((Double) v);
      case DECIMAL -> v instanceof Long l ? hashLong(l) : hashDecimal((BigDecimal) v);
      case VARCHAR -> hashUtf8((Utf8String) v);
      case VARBINARY -> hashBytes((byte[]) v);
      case NULL -> NULL_HASH;
      case ARRAY -> throw arrayKeys(t);
    };
  }

  /** Hash of one cell of a vector holding type {@code t}. */
  public static int hashCell(FieldVector v, int row, DataType t) {
    if (v.isNull(row)) return NULL_HASH;
    // Fast paths for the common key types; everything else through the boxed value.
    if (v instanceof BigIntVector b) return hashLong(b.get(row));
    if (v instanceof IntVector i) return hashInt(i.get(row));
    if (v instanceof DateDayVector d) return hashInt(d.get(row));
    if (v instanceof DecimalVector d && t.isLongDecimal()) return hashLong(ArrowValues.getLongDecimal(d, row));
    if (v instanceof VarCharVector s) return VectorKeys.hashUtf8(s, row);
    return hashBoxed(ArrowValues.get(v, row, t), t);
  }

  /**
   * Combines the hashes of rows {@code 0..n-1} of key column {@code v} into {@code h}: {@code
   * h[r] = combine(h[r], hashCell(v, r, t))}, with one typed loop over the buffers for 4- and
   * 8-byte keys instead of a type dispatch per cell (the shuffle's split hashes a batch this way).
   */
  public static void combineColumn(int[] h, FieldVector v, DataType t, int n) {
    int width = v instanceof BigIntVector || (v instanceof DecimalVector && t.isLongDecimal()) ? 8
        : v instanceof IntVector || v instanceof DateDayVector ? 4 : 0;
    if (width == 0) {
      for (int r = 0; r < n; r++) h[r] = combine(h[r], hashCell(v, r, t));
      return;
    }
    ArrowBuf data = v.getDataBuffer(), valid = v.getValidityBuffer();
    long stride = v instanceof DecimalVector ? DecimalVector.TYPE_WIDTH : width;
    boolean noNulls = v.getNullCount() == 0;
    for (int r = 0; r < n; r++) {
      int part;
      if (!noNulls && BitVectorHelper.get(valid, r) == 0) {
        part = NULL_HASH;
      } else {
        part = width == 8 ? hashLong(data.getLong(r * stride)) : hashInt(data.getInt(r * stride));
      }
      h[r] = combine(h[r], part);
    }
  }

  /** The name of the static method that hashes a non-null value of {@code t} in generated code. */
  public static String methodFor(DataType t) {
    return switch (t.id()) {
      case BOOLEAN -> "hashBoolean";
      case TINYINT, SMALLINT, INT, DATE, INTERVAL_YEAR_MONTH -> "hashInt";
      case BIGINT, TIMESTAMP, TIMESTAMP_TZ, INTERVAL_DAY_TIME -> "hashLong";
      case FLOAT -> "hashFloat";
      case DOUBLE -> "hashDouble";
      case DECIMAL -> t.isLongDecimal() ? "hashLong" : "hashDecimal";
      case VARCHAR -> "hashUtf8";
      case VARBINARY -> "hashBytes";
      case NULL -> "hashNull";
      case ARRAY -> throw arrayKeys(t);
    };
  }

  /** Arrays are not hashed: grouping, joining, DISTINCT and hash partitioning on them are refused. */
  private static dev.ember.catalyst.errors.EmberException arrayKeys(DataType t) {
    return dev.ember.catalyst.errors.EmberException.notSupported(
        "grouping, joining, DISTINCT or partitioning by a value of type " + t.sql());
  }

  /** A NULL-typed key: it is always NULL, so this is never reached for a value; it exists for code shape. */
  public static int hashNull(Object ignored) { return NULL_HASH; }
}
