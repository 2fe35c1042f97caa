package dev.ember.catalyst.expr.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Floating-point arithmetic and the math functions. As in Spark's ANSI mode, dividing by zero is
 * an error for every numeric type, DOUBLE included; functions that have no real answer
 * (ln(0), sqrt(-1)) raise PostgreSQL's errors instead of returning NaN or NULL.
 */
public final class MathOps {
  private MathOps() {}

  public static double divide(double a, double b) {
    if (b == 0) throw EvalErrors.divisionByZero();
    return a / b;
  }

  public static float divide(float a, float b) {
    if (b == 0) throw EvalErrors.divisionByZero();
    return a / b;
  }

  public static double remainder(double a, double b) {
    if (b == 0) throw EvalErrors.divisionByZero();
    return a % b;
  }

  public static float remainder(float a, float b) {
    if (b == 0) throw EvalErrors.divisionByZero();
    return a % b;
  }

  public static double sqrt(double a) {
    if (a < 0) {
      throw EvalErrors.invalidArgument(EvalErrors.INVALID_ARGUMENT_FOR_POWER,
          "cannot take square root of a negative number");
    }
    return Math.sqrt(a);
  }

  public static double ln(double a) {
    checkLogArgument(a);
    return Math.log(a);
  }

  public static double log10(double a) {
    checkLogArgument(a);
    return Math.log10(a);
  }

  private static void checkLogArgument(double a) {
    if (a == 0) {
      throw EvalErrors.invalidArgument(EvalErrors.INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of zero");
    }
    if (a < 0) {
      throw EvalErrors.invalidArgument(EvalErrors.INVALID_ARGUMENT_FOR_LOG,
          "cannot take logarithm of a negative number");
    }
  }

  public static double exp(double a) {
    double r = Math.exp(a);
    if (Double.isInfinite(r) && !Double.isInfinite(a)) throw EvalErrors.outOfRange("DOUBLE");
    return r;
  }

  public static double power(double a, double b) {
    if (a == 0 && b < 0) {
      throw EvalErrors.invalidArgument(EvalErrors.INVALID_ARGUMENT_FOR_POWER,
          "zero raised to a negative power is undefined");
    }
    if (a < 0 && b != Math.rint(b) && !Double.isInfinite(b)) {
      throw EvalErrors.invalidArgument(EvalErrors.INVALID_ARGUMENT_FOR_POWER,
          "a negative number raised to a non-integer power yields a complex result");
    }
    double r = Math.pow(a, b);
    if (Double.isInfinite(r) && !Double.isInfinite(a) && !Double.isInfinite(b)) {
      throw EvalErrors.outOfRange("DOUBLE");
    }
    return r;
  }

  /**
   * Rounds half away from zero to {@code digits} after the point (negative: before it), on the
   * exact binary value of the double (as DuckDB: {@code round(1.005, 2)} is 1.0, since 1.005 is
   * really 1.00499…).
   */
  public static double round(double a, long digits) {
    if (Double.isNaN(a) || Double.isInfinite(a)) return a;
    if (digits > 300) return a;
    if (digits < -330) return 0.0 * Math.signum(a);
    double r = new BigDecimal(a).setScale((int) digits, RoundingMode.HALF_UP).doubleValue();
    return r == 0 ? 0.0 * Math.signum(a) : r;
  }

  public static float round(float a, long digits) {
    if (Float.isNaN(a) || Float.isInfinite(a)) return a;
    if (digits > 300) return a;
    if (digits < -330) return 0.0f * Math.signum(a);
    return new BigDecimal(Float.toString(a)).setScale((int) Math.max(digits, -60), RoundingMode.HALF_UP)
        .floatValue();
  }

  /** The sign as -1, 0 or 1 (NaN stays NaN). */
  public static double sign(double a) { return Math.signum(a); }

  public static float sign(float a) { return Math.signum(a); }

  /** Rounds an integral value half away from zero to {@code digits} (only negative ones change it). */
  public static long roundLong(long a, long digits) {
    if (digits >= 0) return a;
    if (digits < -18) return 0;
    long p = DecimalOps.POW10[(int) -digits];
    long q = a / p, rem = a % p;
    if (Math.abs(rem) * 2 >= p) q += a < 0 ? -1 : 1;
    return IntegralOps.multiplyLong(q, p);
  }

  /** {@code random()}: uniform in [0, 1). */
  public static double random() { return ThreadLocalRandom.current().nextDouble(); }
}
