package dev.ember.catalyst.expr.eval;

import dev.ember.catalyst.types.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Conversions between numeric, boolean and datetime representations (text forms are in
 * {@link TextCasts}). Floating point to integer rounds half to even and decimal to integer rounds
 * half away from zero, as both PostgreSQL and DuckDB do; out-of-range values fail with
 * NUMERIC_OUT_OF_RANGE.
 */
public final class CastOps {
  public static final long MICROS_PER_DAY = 86_400_000_000L;

  private CastOps() {}

  // ---- from floating point ----

  public static long doubleToLong(double d) {
    double r = Math.rint(d);
    // 2^63 is exactly representable; every double below it fits a long.
    if (!(r >= -9.223372036854775808E18 && r < 9.223372036854775808E18)) throw EvalErrors.outOfRange("BIGINT");
    return (long) r;
  }

  public static int doubleToInt(double d) {
    double r = Math.rint(d);
    if (!(r >= Integer.MIN_VALUE && r <= Integer.MAX_VALUE)) throw EvalErrors.outOfRange("INT");
    return (int) r;
  }

  public static short doubleToShort(double d) {
    double r = Math.rint(d);
    if (!(r >= Short.MIN_VALUE && r <= Short.MAX_VALUE)) throw EvalErrors.outOfRange("SMALLINT");
    return (short) r;
  }

  public static byte doubleToByte(double d) {
    double r = Math.rint(d);
    if (!(r >= Byte.MIN_VALUE && r <= Byte.MAX_VALUE)) throw EvalErrors.outOfRange("TINYINT");
    return (byte) r;
  }

  public static float doubleToFloat(double d) {
    float f = (float) d;
    if (Float.isInfinite(f) && !Double.isInfinite(d)) throw EvalErrors.outOfRange("FLOAT");
    return f;
  }

  /** The exact binary value of {@code d}, rounded HALF_UP to DECIMAL(p, s) as an unscaled long. */
  public static long doubleToDecimal(double d, int p, int s) {
    return DecimalOps.toLong(exact(d, p, s), p, s);
  }

  public static BigDecimal doubleToBigDecimal(double d, int p, int s) {
    return DecimalOps.toBig(exact(d, p, s), p, s);
  }

  private static BigDecimal exact(double d, int p, int s) {
    if (Double.isNaN(d) || Double.isInfinite(d)) throw EvalErrors.outOfRange(DataType.decimal(p, s));
    return new BigDecimal(d);
  }

  // ---- from integral ----

  public static long longToDecimal(long v, int p, int s) {
    if (s <= 18) {
      long hi = Math.multiplyHigh(v, DecimalOps.POW10[s]), lo = v * DecimalOps.POW10[s];
      if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) return DecimalOps.checkLong(lo, p, s);
    }
    throw EvalErrors.outOfRange(DataType.decimal(p, s));
  }

  public static BigDecimal longToBigDecimal(long v, int p, int s) {
    return DecimalOps.toBig(BigDecimal.valueOf(v), p, s);
  }

  // ---- from decimal ----

  /** DECIMAL held as a long to an integer, rounding half away from zero. */
  public static long decimalToLong(long unscaled, int s) {
    if (s == 0) return unscaled;
    long p = DecimalOps.POW10[s];
    long q = unscaled / p, rem = unscaled % p;
    if (Math.abs(rem) >= (p + 1) / 2) q += unscaled < 0 ? -1 : 1;
    return q;
  }

  /** A BigDecimal to an integer, rounding half away from zero; {@code typeName} names the target. */
  public static long bigDecimalToLong(BigDecimal v, String typeName) {
    BigInteger i = v.setScale(0, RoundingMode.HALF_UP).unscaledValue();
    if (i.bitLength() > 63) throw EvalErrors.outOfRange(typeName);
    return i.longValue();
  }

  public static double decimalToDouble(long unscaled, int s) {
    if (s == 0) return (double) unscaled;
    // Both operands exact in a double: one correctly rounded division.
    if (Math.abs(unscaled) < (1L << 53)) return (double) unscaled / (double) DecimalOps.POW10[s];
    return BigDecimal.valueOf(unscaled, s).doubleValue();
  }

  public static float decimalToFloat(long unscaled, int s) { return BigDecimal.valueOf(unscaled, s).floatValue(); }

  public static double bigDecimalToDouble(BigDecimal v) { return v.doubleValue(); }

  public static float bigDecimalToFloat(BigDecimal v) { return v.floatValue(); }

  // ---- boolean ----

  public static long booleanToDecimal(boolean b, int p, int s) { return b ? longToDecimal(1, p, s) : 0L; }

  public static BigDecimal booleanToBigDecimal(boolean b, int p, int s) {
    return longToBigDecimal(b ? 1 : 0, p, s);
  }

  // ---- datetime ----

  public static long dateToTimestamp(int days) {
    long hi = Math.multiplyHigh(days, MICROS_PER_DAY), lo = (long) days * MICROS_PER_DAY;
    if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) return lo;
    throw EvalErrors.outOfRange("TIMESTAMP");
  }

  public static int timestampToDate(long micros) { return (int) Math.floorDiv(micros, MICROS_PER_DAY); }
}
