package dev.ember.codegen.operator;

import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.eval.DecimalOps;
import dev.ember.catalyst.expr.eval.EvalErrors;
import dev.ember.catalyst.types.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A mutable signed 128-bit unscaled decimal: the scratch register of generated wide-decimal
 * arithmetic (DECIMAL(p &gt; 18) results of {@code +}, {@code -} and {@code *} that need no
 * rounding), so that {@code l_extendedprice * (1 - l_discount) * (1 + l_tax)} costs a few
 * multiplications instead of three BigDecimals per row. Each generated operation owns one
 * instance (a field of the generated class), so values never alias.
 *
 * <p>Semantics are exactly those of {@link DecimalOps#arithmetic}: the exact result is checked
 * against the result precision and fails with the same NUMERIC_OUT_OF_RANGE error. Rare cases the
 * 128-bit fast path does not cover exactly (an intermediate beyond 128 bits) are recomputed
 * through BigDecimal.
 */
public final class WideDecimal {
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
  /** 10^p as (high, low) words for p = 0 … 38. */
  private static final long[] POW10_HI = new long[39];
  private static final long[] POW10_LO = new long[39];

  static {
    for (int p = 0; p < POW10_HI.length; p++) {
      BigInteger v = BigInteger.TEN.pow(p);
      POW10_HI[p] = v.shiftRight(64).longValue();
      POW10_LO[p] = v.longValue();
    }
  }

  /** The high word (two's complement, carries the sign). */
  public long hi;
  /** The low word (unsigned). */
  public long lo;

  /** Holds a long unscaled value. */
  public WideDecimal set(long v) {
    hi = v >> 63;
    lo = v;
    return this;
  }

  /** {@code a * b} at scale {@code sa + sb}, checked against DECIMAL(p, s). */
  public WideDecimal multiply(long a, long b, int p, int s) {
    lo = a * b;
    hi = Math.multiplyHigh(a, b);
    return check(p, s);
  }

  /** {@code a * b} where {@code a} is wide: at scale {@code sa + sb}, checked against DECIMAL(p, s). */
  public WideDecimal multiply(WideDecimal a, int sa, long b, int sb, int p, int s) {
    if (!multiplyInto(a.hi, a.lo, b)) return slow(BinaryOp.Op.MULTIPLY, a.toBig(sa), BigDecimal.valueOf(b, sb), p, s);
    return check(p, s);
  }

  /** {@code a * b} with both wide. */
  public WideDecimal multiply(WideDecimal a, int sa, WideDecimal b, int sb, int p, int s) {
    boolean ok;
    if (b.fitsLong()) {
      ok = multiplyInto(a.hi, a.lo, b.lo);
    } else if (a.fitsLong()) {
      ok = multiplyInto(b.hi, b.lo, a.lo);
    } else {
      ok = false;
    }
    if (!ok) return slow(BinaryOp.Op.MULTIPLY, a.toBig(sa), b.toBig(sb), p, s);
    return check(p, s);
  }

  /**
   * {@code a ± b} where either operand may be a long (pass {@code null} for the wide one to use
   * {@code al}/{@code bl}), each scaled up to the result scale {@code s}, checked against DECIMAL(p, s).
   */
  public WideDecimal addOrSubtract(boolean subtract, WideDecimal a, long al, int sa, WideDecimal b, long bl, int sb,
      int p, int s) {
    long ah = a == null ? al >> 63 : a.hi, alo = a == null ? al : a.lo;
    long bh = b == null ? bl >> 63 : b.hi, blo = b == null ? bl : b.lo;
    boolean ok = true;
    if (s > sb) {
      ok = scaleInto(bh, blo, s - sb);
      bh = hi;
      blo = lo;
    }
    if (ok && s > sa) {
      ok = scaleInto(ah, alo, s - sa);
      ah = hi;
      alo = lo;
    }
    if (ok) {
      if (subtract) {
        // a - b = a + (~b + 1); -2^127 has no negation (and is never a DECIMAL(38) value).
        ok = !(bh == Long.MIN_VALUE && blo == 0);
        bh = ~bh;
        blo = ~blo + 1;
        if (blo == 0) bh++;
      }
      long newLo = alo + blo;
      long carry = Long.compareUnsigned(newLo, alo) < 0 ? 1 : 0;
      long newHi = ah + bh + carry;
      // Signed overflow: the operands had the same sign and the result's differs.
      ok &= ((ah ^ newHi) & (bh ^ newHi)) >= 0;
      hi = newHi;
      lo = newLo;
    }
    if (!ok) {
      BigDecimal x = a == null ? BigDecimal.valueOf(al, sa) : a.toBig(sa);
      BigDecimal y = b == null ? BigDecimal.valueOf(bl, sb) : b.toBig(sb);
      return slow(subtract ? BinaryOp.Op.SUBTRACT : BinaryOp.Op.ADD, x, y, p, s);
    }
    return check(p, s);
  }

  /** The value as a BigDecimal of scale {@code s}. */
  public BigDecimal toBig(int s) {
    if (fitsLong()) return BigDecimal.valueOf(lo, s);
    BigInteger u = BigInteger.valueOf(hi).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo)));
    return new BigDecimal(u, s);
  }

  /** True when the value fits a signed long. */
  public boolean fitsLong() { return hi == (lo >> 63); }

  // ---- internals ------------------------------------------------------------------------------

  /** this = (xh:xl) * b; false when the product leaves 128 bits. */
  private boolean multiplyInto(long xh, long xl, long b) {
    // (xh * 2^64 + xl_unsigned) * b; the unsigned low word times b has a high word that fits a long.
    long lowHigh = Math.multiplyHigh(xl, b) + (xl < 0 ? b : 0);
    long highLow = xh * b;
    if (Math.multiplyHigh(xh, b) != (highLow >> 63)) return false;
    long h = highLow + lowHigh;
    if (((highLow ^ h) & (lowHigh ^ h)) < 0) return false;
    hi = h;
    lo = xl * b;
    return true;
  }

  /** this = (xh:xl) * 10^digits; false when it leaves 128 bits. */
  private boolean scaleInto(long xh, long xl, int digits) {
    hi = xh;
    lo = xl;
    while (digits > 0) {
      int d = Math.min(18, digits);
      if (!multiplyInto(hi, lo, DecimalOps.POW10[d])) return false;
      digits -= d;
    }
    return true;
  }

  /** Fails unless |this| &lt; 10^p. */
  private WideDecimal check(int p, int s) {
    long h = hi, l = lo;
    if (h < 0) {
      if (h == Long.MIN_VALUE && l == 0) throw EvalErrors.outOfRange(DataType.decimal(p, s));
      h = ~h;
      l = ~l + 1;
      if (l == 0) h++;
    }
    if (h > POW10_HI[p] || (h == POW10_HI[p] && Long.compareUnsigned(l, POW10_LO[p]) >= 0)) {
      throw EvalErrors.outOfRange(DataType.decimal(p, s));
    }
    return this;
  }

  /** The exact BigDecimal computation (which throws when out of range), then held here. */
  private WideDecimal slow(BinaryOp.Op op, BigDecimal a, BigDecimal b, int p, int s) {
    BigInteger u = DecimalOps.arithmetic(op, a, b, p, s).unscaledValue();
    // Within DECIMAL(38) the value fits 127 bits.
    hi = u.shiftRight(64).longValue();
    lo = u.longValue();
    return this;
  }

  /** For tests: the value as a BigInteger. */
  BigInteger unscaled() {
    return BigInteger.valueOf(hi).multiply(TWO_64).add(new BigInteger(Long.toUnsignedString(lo)));
  }
}
