package dev.ember.catalyst.expr.eval;

import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.types.DataType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Decimal arithmetic on Ember's two representations: an unscaled {@code long} for precision up to
 * 18, a {@link BigDecimal} beyond. Results are rescaled to the result type with HALF_UP rounding
 * and fail with NUMERIC_OUT_OF_RANGE when they need more digits than its precision.
 *
 * <p>The long fast paths ({@link #useLongPath}) apply when both operands and the result are long
 * decimals and no digits are cut; every other case goes through BigDecimal. The interpreter and
 * generated code both pick the path with {@link #useLongPath} so they can never disagree.
 */
public final class DecimalOps {
  /** 10^0 … 10^18. */
  public static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) POW10[i] = POW10[i - 1] * 10;
  }

  private DecimalOps() {}

  // ---- representation changes ----

  public static BigDecimal toBig(long unscaled, int scale) { return BigDecimal.valueOf(unscaled, scale); }

  /** Rescales (HALF_UP) to DECIMAL(p, s) held as a long: the unscaled value, or an error. */
  public static long toLong(BigDecimal v, int precision, int scale) {
    BigDecimal r = v.setScale(scale, RoundingMode.HALF_UP);
    // precision() and a scale-0 longValueExact() stay on BigDecimal's compact long form, where
    // unscaledValue() would allocate a BigInteger per value.
    if (r.precision() > precision) throw EvalErrors.outOfRange(DataType.decimal(precision, scale));
    return r.scaleByPowerOfTen(scale).longValueExact();
  }

  /** Rescales (HALF_UP) to DECIMAL(p, s) held as a BigDecimal, or an error. */
  public static BigDecimal toBig(BigDecimal v, int precision, int scale) {
    BigDecimal r = v.scale() == scale ? v : v.setScale(scale, RoundingMode.HALF_UP);
    // The number of digits of the unscaled value, without materialising it as a BigInteger.
    if (r.precision() > precision) throw EvalErrors.outOfRange(DataType.decimal(precision, scale));
    return r;
  }

  /** Checks that an unscaled long fits {@code precision} digits. */
  public static long checkLong(long unscaled, int precision, int scale) {
    if (unscaled >= POW10[precision] || unscaled <= -POW10[precision]) {
      throw EvalErrors.outOfRange(DataType.decimal(precision, scale));
    }
    return unscaled;
  }

  /** Rescales an unscaled long from scale {@code s} to DECIMAL(p, s2) (HALF_UP), checked. */
  public static long rescale(long unscaled, int s, int p2, int s2) {
    if (s2 >= s) {
      int d = s2 - s;
      if (d > 18) return unscaled == 0 ? 0 : toLong(toBig(unscaled, s), p2, s2);
      long hi = Math.multiplyHigh(unscaled, POW10[d]), lo = unscaled * POW10[d];
      if (!((hi == 0 && lo >= 0) || (hi == -1 && lo < 0))) throw EvalErrors.outOfRange(DataType.decimal(p2, s2));
      return checkLong(lo, p2, s2);
    }
    int d = s - s2;
    if (d > 18) return 0;
    long p = POW10[d];
    long q = unscaled / p, rem = unscaled % p;
    if (Math.abs(rem) >= (p + 1) / 2) q += unscaled < 0 ? -1 : 1;
    return checkLong(q, p2, s2);
  }

  // ---- arithmetic ----

  /** True when {@code op} on these types runs on unscaled longs without rounding. */
  public static boolean useLongPath(BinaryOp.Op op, DataType l, DataType r, DataType result) {
    if (!l.isLongDecimal() || !r.isLongDecimal() || !result.isLongDecimal()) return false;
    return switch (op) {
      case ADD, SUBTRACT, MODULO -> result.scale() == Math.max(l.scale(), r.scale());
      case MULTIPLY -> result.scale() == l.scale() + r.scale();
      default -> false;
    };
  }

  public static long add(long a, int sa, long b, int sb, int rp, int rs) {
    try {
      long x = Math.multiplyExact(a, POW10[rs - sa]), y = Math.multiplyExact(b, POW10[rs - sb]);
      return checkLong(Math.addExact(x, y), rp, rs);
    } catch (ArithmeticException e) {
      return toLong(toBig(a, sa).add(toBig(b, sb)), rp, rs);
    }
  }

  public static long subtract(long a, int sa, long b, int sb, int rp, int rs) {
    try {
      long x = Math.multiplyExact(a, POW10[rs - sa]), y = Math.multiplyExact(b, POW10[rs - sb]);
      return checkLong(Math.subtractExact(x, y), rp, rs);
    } catch (ArithmeticException e) {
      return toLong(toBig(a, sa).subtract(toBig(b, sb)), rp, rs);
    }
  }

  public static long multiply(long a, int sa, long b, int sb, int rp, int rs) {
    long hi = Math.multiplyHigh(a, b), lo = a * b;
    if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) return checkLong(lo, rp, rs);
    return toLong(toBig(a, sa).multiply(toBig(b, sb)), rp, rs);
  }

  public static long remainder(long a, int sa, long b, int sb, int rp, int rs) {
    if (b == 0) throw EvalErrors.divisionByZero();
    try {
      long x = Math.multiplyExact(a, POW10[rs - sa]), y = Math.multiplyExact(b, POW10[rs - sb]);
      return checkLong(x % y, rp, rs);
    } catch (ArithmeticException e) {
      return toLong(toBig(a, sa).remainder(toBig(b, sb)), rp, rs);
    }
  }

  public static BigDecimal add(BigDecimal a, BigDecimal b, int rp, int rs) { return toBig(a.add(b), rp, rs); }

  public static BigDecimal subtract(BigDecimal a, BigDecimal b, int rp, int rs) {
    return toBig(a.subtract(b), rp, rs);
  }

  public static BigDecimal multiply(BigDecimal a, BigDecimal b, int rp, int rs) {
    return toBig(a.multiply(b), rp, rs);
  }

  /** {@code a / b} rounded HALF_UP at the result scale. */
  public static BigDecimal divide(BigDecimal a, BigDecimal b, int rp, int rs) {
    if (b.signum() == 0) throw EvalErrors.divisionByZero();
    return toBig(a.divide(b, rs, RoundingMode.HALF_UP), rp, rs);
  }

  /** The remainder with the dividend's sign, as PostgreSQL and DuckDB give it. */
  public static BigDecimal remainder(BigDecimal a, BigDecimal b, int rp, int rs) {
    if (b.signum() == 0) throw EvalErrors.divisionByZero();
    return toBig(a.remainder(b), rp, rs);
  }

  /**
   * The BigDecimal-path operation for any decimal representation: what the interpreter and the
   * generated code both call when {@link #useLongPath} is false.
   */
  public static BigDecimal arithmetic(BinaryOp.Op op, BigDecimal a, BigDecimal b, int rp, int rs) {
    return switch (op) {
      case ADD -> add(a, b, rp, rs);
      case SUBTRACT -> subtract(a, b, rp, rs);
      case MULTIPLY -> multiply(a, b, rp, rs);
      case DIVIDE -> divide(a, b, rp, rs);
      case MODULO -> remainder(a, b, rp, rs);
      default -> throw new IllegalArgumentException("not decimal arithmetic: " + op);
    };
  }

  // ---- functions ----

  public static long negate(long a) { return -a; }

  public static BigDecimal negate(BigDecimal a) { return a.negate(); }

  public static long abs(long a) { return Math.abs(a); }

  public static BigDecimal abs(BigDecimal a) { return a.abs(); }

  /** ROUND/FLOOR/CEIL of DECIMAL(p, s) to {@code digits}, then held as DECIMAL(rp, rs). */
  public static BigDecimal round(BigDecimal a, long digits, RoundingMode mode, int rp, int rs) {
    int d = (int) Math.max(-80, Math.min(80, digits));
    BigDecimal r = d >= a.scale() ? a : a.setScale(d, mode);
    return toBig(r, rp, rs);
  }

  public static long round(long unscaled, int s, long digits, RoundingMode mode, int rp, int rs) {
    if (digits >= s && rs >= s) return rescale(unscaled, s, rp, rs);
    return toLong(round(toBig(unscaled, s), digits, mode, 38, Math.min(38, Math.max(0, (int) Math.min(digits, s)))),
        rp, rs);
  }

  public static int compare(BigDecimal a, BigDecimal b) { return a.compareTo(b); }
}
