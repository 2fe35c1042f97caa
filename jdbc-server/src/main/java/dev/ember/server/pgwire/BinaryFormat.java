package dev.ember.server.pgwire;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Utf8String;
import io.netty.buffer.ByteBuf;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's binary send format of Ember values: big-endian integers and IEEE floats, numeric
 * as base-10000 digit groups, dates as days and timestamps as microseconds since 2000-01-01,
 * intervals as (microseconds, days, months); one-dimensional arrays as PostgreSQL's array_send
 * lays them out. Arrays of arrays (sent as text) have no binary form.
 */
public final class BinaryFormat {
  /** Days from 1970-01-01 to PostgreSQL's epoch 2000-01-01. */
  static final int PG_EPOCH_DAYS = 10_957;
  static final long PG_EPOCH_MICROS = PG_EPOCH_DAYS * 86_400_000_000L;
  private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);
  private static final short NUMERIC_POS = 0x0000;
  private static final short NUMERIC_NEG = 0x4000;

  private BinaryFormat() {}

  /** Writes the binary form of a non-null value (without its length word). */
  public static void write(ByteBuf out, Object v, DataType t) {
    switch (t.id()) {
      case NULL -> { }
      case BOOLEAN -> out.writeByte(((Boolean) v) ? 1 : 0);
      case TINYINT -> out.writeShort((Byte) v);
      case SMALLINT -> out.writeShort((Short) v);
      case INT -> out.writeInt((Integer) v);
      case BIGINT -> out.writeLong((Long) v);
      case FLOAT -> out.writeFloat((Float) v);
      case DOUBLE -> out.writeDouble((Double) v);
      case DECIMAL -> writeNumeric(out, TextFormat.decimal(v, t));
      case DATE -> out.writeInt((Integer) v - PG_EPOCH_DAYS);
      case TIMESTAMP, TIMESTAMP_TZ -> out.writeLong((Long) v - PG_EPOCH_MICROS);
      case VARCHAR -> out.writeBytes(((Utf8String) v).bytes());
      case VARBINARY -> out.writeBytes((byte[]) v);
      case INTERVAL_YEAR_MONTH -> {
        out.writeLong(0);
        out.writeInt(0);
        out.writeInt((Integer) v);
      }
      case INTERVAL_DAY_TIME -> {
        long micros = (Long) v;
        out.writeLong(micros % 86_400_000_000L);
        out.writeInt((int) (micros / 86_400_000_000L));
        out.writeInt(0);
      }
      case ARRAY -> writeArray(out, (List<?>) v, t.elementType());
    }
  }

  /**
   * array_send: dimensions (0 for an empty array, else 1), a has-nulls flag, the element OID,
   * the length and lower bound (1) of the dimension, then each element as a length word (-1 for
   * NULL) and its binary form.
   */
  private static void writeArray(ByteBuf out, List<?> values, DataType element) {
    if (element.isArray()) {
      throw dev.ember.catalyst.errors.EmberException.notSupported("binary format for arrays of arrays; request text");
    }
    out.writeInt(values.isEmpty() ? 0 : 1);
    boolean hasNull = false;
    for (Object e : values) hasNull |= e == null;
    out.writeInt(hasNull ? 1 : 0);
    out.writeInt(PgType.of(element).oid());
    if (!values.isEmpty()) {
      out.writeInt(values.size());
      out.writeInt(1);
    }
    for (Object e : values) {
      if (e == null) {
        out.writeInt(-1);
        continue;
      }
      int lengthAt = out.writerIndex();
      out.writeInt(0);
      write(out, e, element);
      out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
    }
  }

  /** The numeric wire form: ndigits, weight, sign, dscale, then the base-10000 digits. */
  static void writeNumeric(ByteBuf out, BigDecimal value) {
    int dscale = Math.max(value.scale(), 0);
    BigDecimal abs = value.abs().setScale(dscale);
    // Align the fraction to whole groups of four decimal digits.
    int fracGroups = (dscale + 3) / 4;
    BigInteger scaled = abs.movePointRight(fracGroups * 4).toBigIntegerExact();
    List<Integer> groups = new ArrayList<>(); // least significant first
    while (scaled.signum() > 0) {
      BigInteger[] qr = scaled.divideAndRemainder(TEN_THOUSAND);
      groups.add(qr[1].intValue());
      scaled = qr[0];
    }
    int weight = groups.size() - 1 - fracGroups;
    int low = 0;
    while (low < groups.size() && groups.get(low) == 0) low++;
    int n = groups.size() - low;
    out.writeShort(n);
    out.writeShort(n == 0 ? 0 : weight);
    out.writeShort(value.signum() < 0 ? NUMERIC_NEG : NUMERIC_POS);
    out.writeShort(dscale);
    for (int i = groups.size() - 1; i >= low; i--) out.writeShort(groups.get(i));
  }

  /** Reads a numeric in wire form back into a BigDecimal (for bound parameters). */
  static BigDecimal readNumeric(ByteBuf in) {
    int n = in.readUnsignedShort();
    int weight = in.readShort();
    int sign = in.readUnsignedShort();
    int dscale = in.readUnsignedShort();
    if (sign == 0xC000) throw new NumberFormatException("NaN is not a supported numeric value");
    BigDecimal v = BigDecimal.ZERO;
    for (int i = 0; i < n; i++) {
      int digit = in.readUnsignedShort();
      v = v.add(BigDecimal.valueOf(digit).scaleByPowerOfTen(4 * (weight - i)));
    }
    v = v.setScale(dscale, java.math.RoundingMode.UNNECESSARY);
    return sign == NUMERIC_NEG ? v.negate() : v;
  }
}
