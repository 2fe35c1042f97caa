package dev.ember.datasources.parquet;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Utf8String;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.io.api.Binary;

/**
 * Single-value conversions from Parquet's physical values to Ember's representation, shared by the
 * decoders (per value, in their loops) and by row-group statistics (min/max).
 */
final class ParquetValues {
  /** Julian day number of 1970-01-01, for INT96 timestamps. */
  static final long JULIAN_EPOCH_DAY = 2_440_588L;
  static final long MICROS_PER_DAY = 86_400_000_000L;

  private ParquetValues() {}

  static long timestampMicros(Conversion c, long raw) {
    return switch (c) {
      case TIMESTAMP_MILLIS -> raw * 1000;
      case TIMESTAMP_NANOS -> Math.floorDiv(raw, 1000L);
      default -> raw;
    };
  }

  /** INT96: 8 bytes of nanoseconds within the day, then a 4-byte Julian day, little-endian. */
  static long int96Micros(Binary b) {
    ByteBuffer buf = b.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    long nanosOfDay = buf.getLong(buf.position());
    int julianDay = buf.getInt(buf.position() + 8);
    return (julianDay - JULIAN_EPOCH_DAY) * MICROS_PER_DAY + Math.floorDiv(nanosOfDay, 1000L);
  }

  /** A big-endian two's-complement unscaled value of at most 8 significant bytes, sign-extended. */
  static long unscaledLong(Binary b) {
    ByteBuffer buf = b.toByteBuffer();
    int start = buf.position();
    int length = buf.remaining();
    long v = length == 0 ? 0 : buf.get(start); // sign-extends the first byte
    for (int i = 1; i < length; i++) v = (v << 8) | (buf.get(start + i) & 0xFF);
    return v;
  }

  static BigDecimal bigDecimal(Binary b, int scale) {
    return new BigDecimal(new BigInteger(b.getBytes()), scale);
  }

  static BigDecimal unsignedLong(long raw) {
    return new BigDecimal(new BigInteger(Long.toUnsignedString(raw)));
  }

  /**
   * A statistics value ({@code Integer}, {@code Long}, {@code Float}, {@code Double},
   * {@code Boolean} or {@code Binary}) as Ember's boxed value of {@code type}.
   */
  static Object emberValue(Conversion c, DataType type, Object raw) {
    return switch (c) {
      case BOOLEAN -> (Boolean) raw;
      case INT32, DATE -> (Integer) raw;
      case INT32_TO_TINYINT -> (byte) (int) (Integer) raw;
      case INT32_TO_SMALLINT -> (short) (int) (Integer) raw;
      case UINT32_TO_BIGINT -> Integer.toUnsignedLong((Integer) raw);
      case INT64 -> (Long) raw;
      case UINT64_TO_DECIMAL -> unsignedLong((Long) raw);
      case FLOAT -> (Float) raw;
      case DOUBLE -> (Double) raw;
      case DECIMAL_INT32 -> decimal(type, ((Integer) raw).longValue());
      case DECIMAL_INT64 -> decimal(type, (Long) raw);
      case DECIMAL_BYTES -> type.isLongDecimal() ? (Object) unscaledLong((Binary) raw)
          : bigDecimal((Binary) raw, type.scale());
      case TIMESTAMP_MILLIS, TIMESTAMP_MICROS, TIMESTAMP_NANOS -> timestampMicros(c, (Long) raw);
      case INT96_TIMESTAMP -> int96Micros((Binary) raw);
      case STRING -> Utf8String.wrap(((Binary) raw).getBytes());
      case BYTES -> ((Binary) raw).getBytes();
    };
  }

  private static Object decimal(DataType type, long unscaled) {
    return type.isLongDecimal() ? (Object) unscaled : BigDecimal.valueOf(unscaled, type.scale());
  }
}
