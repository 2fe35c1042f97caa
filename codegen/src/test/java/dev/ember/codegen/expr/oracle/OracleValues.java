package dev.ember.codegen.expr.oracle;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Utf8String;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;

/**
 * Seeded values in the domain where Ember and DuckDB mean the same thing (years 1900–2100,
 * strings without LIKE-escape ambiguity, …), about 10% NULLs.
 */
final class OracleValues {
  private static final String[] WORDS = {"", " ", "a", "abc", "ABC", "Hello World", "  padded  ", "x,y,,z",
      "ñandú", "日本語", "a😀b", "ÀÉÎ", "ab%c", "a_c", "banana", "mississippi", "aaa", "1", "-42", " 7 ", "3.25",
      "1e3", "-0.5", "12", "+5", "0", "255", "-128", "2.5", "t", "f", "yes", "2000-01-01", "1970-01-01", "2024-02-29", "1999-12-31", "true", "no", "abc123", "ABCabc", "ééé", "The quick brown fox"};

  private final Random random;

  OracleValues(long seed) { random = new Random(seed); }

  Object next(DataType t) {
    if (random.nextInt(10) == 0) return null;
    return switch (t.id()) {
      case BOOLEAN -> random.nextBoolean();
      case TINYINT -> (byte) (random.nextInt(256) - 128);
      case SMALLINT -> (short) (random.nextInt(2001) - 1000);
      case INT -> random.nextInt(8) == 0 ? (random.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE + 1)
          : random.nextInt(20001) - 10000;
      case BIGINT -> random.nextInt(8) == 0 ? (random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE + 1)
          : (long) random.nextInt(2_000_001) - 1_000_000;
      case DOUBLE -> doubleValue();
      case FLOAT -> (float) doubleValue();
      case DECIMAL -> decimal(t);
      case VARCHAR -> Utf8String.of(WORDS[random.nextInt(WORDS.length)]);
      case DATE -> random.nextInt(73_000) - 25_567; // 1900 … 2099
      case TIMESTAMP, TIMESTAMP_TZ -> (long) (random.nextInt(73_000) - 25_567) * 86_400_000_000L
          + (random.nextBoolean() ? random.nextInt(86_400) * 1_000_000L : (long) (random.nextDouble() * 86_400_000_000L));
      case INTERVAL_YEAR_MONTH -> random.nextInt(121) - 60;
      default -> throw new IllegalArgumentException("no oracle values for " + t);
    };
  }

  private double doubleValue() {
    return switch (random.nextInt(4)) {
      case 0 -> random.nextInt(2001) - 1000;
      case 1 -> Math.round(random.nextGaussian() * 1e4) / 100.0;
      case 2 -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
      default -> new double[] {0.0, 1.0, -1.0, 0.1, 1e16, 1.5e15, 1e-5, 1e-4, 123456789.0, 1e300, -2.5e-300}[random.nextInt(11)];
    };
  }

  private Object decimal(DataType t) {
    BigInteger max = BigInteger.TEN.pow(t.precision());
    BigInteger u = new BigInteger(max.bitLength() + 8, random).mod(max);
    if (random.nextInt(3) == 0) u = u.mod(BigInteger.TEN.pow(Math.min(t.precision(), t.scale() + 3)));
    if (random.nextBoolean()) u = u.negate();
    return t.isLongDecimal() ? (Object) u.longValueExact() : new BigDecimal(u, t.scale());
  }
}
