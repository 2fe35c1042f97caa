package dev.ember.codegen.expr;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Utf8String;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;

/**
 * Seeded random values of every type for the interpreted-vs-generated tests: about 20% NULLs,
 * a good share of edge values (0, -1, MIN/MAX, NaN, ±0.0, empty and multi-byte strings) and
 * strings that parse as numbers, dates, booleans and intervals so casts and functions see both
 * good and bad input.
 */
final class RandomValues {
  static final long MICROS_PER_DAY = 86_400_000_000L;

  private static final String[] WORDS = {
      "", " ", "a", "ab", "abc", "ABC", "aBc", "hello world", "  padded  ", "xx%yy", "a_b", "50%",
      "ñ", "ñandú", "日本語", "日本", "😀", "a😀b", "straße", "İstanbul", "x\\y", "it's", "\t tab",
      "0", "1", "-1", "42", " 7 ", "+12", "1.5", "-0.25", "1e3", "nan", "inf", "-inf", "1e400",
      "99999999999999999999", "2147483647", "2147483648", "-9223372036854775808", "128", "-129",
      "true", "false", "t", "no", "yes", "off", "maybe",
      "2024-02-29", "2023-02-29", "1999-12-31", " 2024-01-02 ", "2024-01-02 10:11:12", "2024-01-02T10:11:12.5",
      "2024-01-02 10:11:12.123456789", "2024-01-02 10:11:12+02:00", "0001-01-01", "10000-01-01", "2024-13-01",
      "1 day", "3 days 01:02:03.5", "1 year 2 months", "-14 months", "01:00:00", "2 weeks", "5 parsecs",
      "\\x41\\xFF", "a,b,c", ",a,,b,", "aaa", "abcabc", "%", "_", "a%", "%a", "%b%", "a_c", "^a.*", "(b)+",
      "[", "a|b"};

  private final Random random;
  private final double nullRate;

  RandomValues(long seed) { this(seed, 0.2); }

  RandomValues(long seed, double nullRate) {
    this.random = new Random(seed);
    this.nullRate = nullRate;
  }

  Random random() { return random; }

  /** A boxed value of {@code t}, or null at the null rate. */
  Object next(DataType t) {
    if (random.nextDouble() < nullRate) return null;
    return nonNull(t);
  }

  Object nonNull(DataType t) {
    return switch (t.id()) {
      case NULL -> null;
      case BOOLEAN -> random.nextBoolean();
      case TINYINT -> (byte) integral(Byte.MIN_VALUE, Byte.MAX_VALUE);
      case SMALLINT -> (short) integral(Short.MIN_VALUE, Short.MAX_VALUE);
      case INT -> (int) integral(Integer.MIN_VALUE, Integer.MAX_VALUE);
      case BIGINT -> integral(Long.MIN_VALUE, Long.MAX_VALUE);
      case FLOAT -> (float) floating(true);
      case DOUBLE -> floating(false);
      case DECIMAL -> decimal(t);
      case DATE -> date();
      case TIMESTAMP, TIMESTAMP_TZ -> (long) date() * MICROS_PER_DAY + (long) (random.nextDouble() * MICROS_PER_DAY);
      case INTERVAL_YEAR_MONTH -> random.nextInt(20) == 0 ? (random.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE)
          : random.nextInt(1001) - 500;
      case INTERVAL_DAY_TIME -> random.nextInt(20) == 0 ? (random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE)
          : (long) ((random.nextDouble() - 0.5) * 2e12) * (random.nextBoolean() ? 1 : 1_000_000);
      case VARCHAR -> string();
      case VARBINARY -> bytes();
      case ARRAY -> array(t.elementType());
    };
  }

  private java.util.List<Object> array(DataType element) {
    java.util.List<Object> out = new java.util.ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) out.add(next(element));
    return java.util.Collections.unmodifiableList(out);
  }

  private long integral(long min, long max) {
    int k = random.nextInt(10);
    if (k < 3) {
      long[] edges = {0, 1, -1, min, max, min + 1, max - 1, 2, 10, 100};
      return edges[random.nextInt(edges.length)];
    }
    if (k < 7) return Math.max(min, Math.min(max, random.nextInt(201) - 100));
    long span = max - min;
    if (span > 0 && span < Long.MAX_VALUE) return min + (long) (random.nextDouble() * (span + 1));
    return random.nextLong();
  }

  private double floating(boolean asFloat) {
    int k = random.nextInt(10);
    if (k < 3) {
      double[] edges = {0.0, -0.0, 1.0, -1.0, 0.5, 2.5, -2.5, Double.NaN, Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY, asFloat ? Float.MAX_VALUE : Double.MAX_VALUE, asFloat ? Float.MIN_VALUE : Double.MIN_VALUE,
          1e-5, 1e16, 123456789.0, 0.1};
      return edges[random.nextInt(edges.length)];
    }
    if (k < 7) return Math.round(random.nextGaussian() * 1000) / 100.0;
    return random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
  }

  private Object decimal(DataType t) {
    BigInteger max = BigInteger.TEN.pow(t.precision()).subtract(BigInteger.ONE);
    BigInteger u;
    int k = random.nextInt(10);
    if (k < 3) {
      BigInteger[] edges = {BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate(), max, max.negate(),
          BigInteger.TEN.pow(t.scale()), BigInteger.valueOf(5).multiply(BigInteger.TEN.pow(Math.max(0, t.scale() - 1)))};
      u = edges[random.nextInt(edges.length)];
    } else if (k < 7) {
      u = BigInteger.valueOf(random.nextInt(200001) - 100000).min(max).max(max.negate());
    } else {
      u = new BigInteger(max.bitLength() + 1, random).mod(max.add(BigInteger.ONE));
      if (random.nextBoolean()) u = u.negate();
    }
    return t.isLongDecimal() ? (Object) u.longValueExact() : new BigDecimal(u, t.scale());
  }

  private int date() {
    int k = random.nextInt(10);
    if (k < 2) {
      int[] edges = {0, -1, 1, 19_782, 11_016, -719_162, 2_932_896, 10_957, 19_416, 19_417};
      return edges[random.nextInt(edges.length)];
    }
    if (k < 8) return random.nextInt(40_000) - 10_000; // 1942 … 2079
    return random.nextInt(3_652_059) - 719_162; // 0001-01-01 … 9999-12-31
  }

  private Utf8String string() {
    if (random.nextInt(4) > 0) return Utf8String.of(WORDS[random.nextInt(WORDS.length)]);
    String alphabet = "ab%_ ñ日😀c,\\";
    int[] cps = alphabet.codePoints().toArray();
    StringBuilder sb = new StringBuilder();
    int n = random.nextInt(8);
    for (int i = 0; i < n; i++) sb.appendCodePoint(cps[random.nextInt(cps.length)]);
    return Utf8String.of(sb.toString());
  }

  private byte[] bytes() {
    byte[] b = new byte[random.nextInt(6)];
    random.nextBytes(b);
    return b;
  }
}
