package dev.ember.catalyst.expr.eval;

/**
 * Checked integer arithmetic with ANSI semantics: overflow raises NUMERIC_OUT_OF_RANGE and a
 * zero divisor raises DIVISION_BY_ZERO. TINYINT and SMALLINT compute in {@code int} and narrow
 * with a range check. Division truncates toward zero and the remainder takes the dividend's sign,
 * as in PostgreSQL.
 */
public final class IntegralOps {
  private IntegralOps() {}

  public static int addInt(int a, int b) {
    int r = a + b;
    if (((a ^ r) & (b ^ r)) < 0) throw EvalErrors.outOfRange("INT");
    return r;
  }

  public static long addLong(long a, long b) {
    long r = a + b;
    if (((a ^ r) & (b ^ r)) < 0) throw EvalErrors.outOfRange("BIGINT");
    return r;
  }

  public static int subtractInt(int a, int b) {
    int r = a - b;
    if (((a ^ b) & (a ^ r)) < 0) throw EvalErrors.outOfRange("INT");
    return r;
  }

  public static long subtractLong(long a, long b) {
    long r = a - b;
    if (((a ^ b) & (a ^ r)) < 0) throw EvalErrors.outOfRange("BIGINT");
    return r;
  }

  public static int multiplyInt(int a, int b) {
    long r = (long) a * (long) b;
    if ((int) r != r) throw EvalErrors.outOfRange("INT");
    return (int) r;
  }

  public static long multiplyLong(long a, long b) {
    long hi = Math.multiplyHigh(a, b), lo = a * b;
    if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) return lo;
    throw EvalErrors.outOfRange("BIGINT");
  }

  public static int divideInt(int a, int b) {
    if (b == 0) throw EvalErrors.divisionByZero();
    if (a == Integer.MIN_VALUE && b == -1) throw EvalErrors.outOfRange("INT");
    return a / b;
  }

  public static long divideLong(long a, long b) {
    if (b == 0) throw EvalErrors.divisionByZero();
    if (a == Long.MIN_VALUE && b == -1) throw EvalErrors.outOfRange("BIGINT");
    return a / b;
  }

  public static int remainderInt(int a, int b) {
    if (b == 0) throw EvalErrors.divisionByZero();
    return b == -1 ? 0 : a % b;
  }

  public static long remainderLong(long a, long b) {
    if (b == 0) throw EvalErrors.divisionByZero();
    return b == -1 ? 0 : a % b;
  }

  public static int negateInt(int a) {
    if (a == Integer.MIN_VALUE) throw EvalErrors.outOfRange("INT");
    return -a;
  }

  public static long negateLong(long a) {
    if (a == Long.MIN_VALUE) throw EvalErrors.outOfRange("BIGINT");
    return -a;
  }

  public static int absInt(int a) { return a < 0 ? negateInt(a) : a; }

  public static long absLong(long a) { return a < 0 ? negateLong(a) : a; }

  /** Narrows to TINYINT or fails. */
  public static byte toByte(long v) {
    if (v < Byte.MIN_VALUE || v > Byte.MAX_VALUE) throw EvalErrors.outOfRange("TINYINT");
    return (byte) v;
  }

  /** Narrows to SMALLINT or fails. */
  public static short toShort(long v) {
    if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) throw EvalErrors.outOfRange("SMALLINT");
    return (short) v;
  }

  /** Narrows to INT or fails. */
  public static int toInt(long v) {
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw EvalErrors.outOfRange("INT");
    return (int) v;
  }
}
