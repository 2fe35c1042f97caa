package dev.ember.codegen.operator;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;

/**
 * sum of decimals with the input's scale, accumulated as a 128-bit two's-complement integer in
 * the DecimalVector's own slot: adding an unscaled {@code long} costs two loads, two stores and
 * a carry, with no BigDecimal. Wide inputs arrive as BigDecimal. The result precision is checked
 * when the value is read out ({@link #checkPrecision}).
 */
public final class SumDecimalAccumulator extends Accumulator {
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
  private final DecimalVector vector;
  private final DataType type;

  public SumDecimalAccumulator(String name, DataType type, BufferAllocator allocator) {
    this.type = type;
    vector = new DecimalVector(name, allocator, type.precision(), type.scale());
    vector.allocateNew(1024);
  }

  @Override public FieldVector vector() { return vector; }

  @Override public void initGroup(int g) {
    while (vector.getValueCapacity() <= g) vector.reAlloc();
  }

  /** Adds an unscaled value that has this sum's scale. */
  @Override public void updateLong(int g, long v) { add128(g, v >> 63, v); }

  /** Adds a 128-bit unscaled value (high and low words) that has this sum's scale. */
  public void updateWide(int g, long hi, long lo) { add128(g, hi, lo); }

  @Override public void updateObject(int g, Object v) {
    BigDecimal d = ((BigDecimal) v).setScale(type.scale());
    if (d.precision() <= DataType.MAX_LONG_DECIMAL_PRECISION) {
      // Fits a long: take it from BigDecimal's compact form without allocating a BigInteger.
      updateLong(g, d.scaleByPowerOfTen(type.scale()).longValueExact());
    } else {
      BigInteger u = d.unscaledValue();
      if (u.bitLength() > 127) throw overflow();
      add128(g, u.shiftRight(64).longValue(), u.longValue());
    }
  }

  @Override public void updateBoxed(int g, Object v) {
    if (v instanceof Long l) {
      updateLong(g, l);
    } else {
      updateObject(g, v);
    }
  }

  private void add128(int g, long hi, long lo) {
    ArrowBuf buf = vector.getDataBuffer();
    long at = (long) g * DecimalVector.TYPE_WIDTH;
    if (vector.isNull(g)) {
      buf.setLong(at, lo);
      buf.setLong(at + 8, hi);
      vector.setIndexDefined(g);
      return;
    }
    long curLo = buf.getLong(at), curHi = buf.getLong(at + 8);
    long newLo = curLo + lo;
    long carry = Long.compareUnsigned(newLo, curLo) < 0 ? 1 : 0;
    long newHi = curHi + hi + carry;
    // Signed overflow of the 128-bit sum: both operands had the same sign and the result differs.
    if (((curHi ^ newHi) & (hi ^ newHi)) < 0) throw overflow();
    buf.setLong(at, newLo);
    buf.setLong(at + 8, newHi);
  }

  /** Fails when a group's sum has more digits than the result type allows. */
  public void checkPrecision(int g) {
    if (vector.isNull(g)) return;
    ArrowBuf buf = vector.getDataBuffer();
    long at = (long) g * DecimalVector.TYPE_WIDTH;
    long hi = buf.getLong(at + 8), lo = buf.getLong(at);
    if (hi == (lo >> 63)) {
      // Fits in a long: at most 19 digits.
      if (type.precision() >= 19) return;
    }
    BigInteger u = BigInteger.valueOf(hi).multiply(TWO_64).add(new BigInteger(Long.toUnsignedString(lo)));
    if (u.abs().toString().length() > type.precision()) throw overflow();
  }

  private EmberException overflow() {
    return new EmberException(EmberException.NUMERIC_OUT_OF_RANGE, "sum() overflows " + type.sql());
  }
}
