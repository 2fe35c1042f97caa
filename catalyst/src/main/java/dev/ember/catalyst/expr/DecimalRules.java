package dev.ember.catalyst.expr;

import dev.ember.catalyst.types.DataType;

/**
 * Result precision and scale of decimal arithmetic, as Spark derives them (from the SQL standard
 * and Hive), including Spark's adjustment when the exact result would need more than 38 digits:
 * keep the integral digits and cut the scale, but never below 6.
 */
public final class DecimalRules {
  private static final int MAX = DataType.MAX_DECIMAL_PRECISION;
  private static final int MIN_ADJUSTED_SCALE = 6;

  private DecimalRules() {}

  public static DataType add(DataType a, DataType b) {
    int scale = Math.max(a.scale(), b.scale());
    int precision = Math.max(a.precision() - a.scale(), b.precision() - b.scale()) + scale + 1;
    return adjust(precision, scale);
  }

  public static DataType subtract(DataType a, DataType b) { return add(a, b); }

  public static DataType multiply(DataType a, DataType b) {
    return adjust(a.precision() + b.precision() + 1, a.scale() + b.scale());
  }

  public static DataType divide(DataType a, DataType b) {
    int scale = Math.max(MIN_ADJUSTED_SCALE, a.scale() + b.precision() + 1);
    int precision = a.precision() - a.scale() + b.scale() + scale;
    return adjust(precision, scale);
  }

  public static DataType modulo(DataType a, DataType b) {
    int scale = Math.max(a.scale(), b.scale());
    int precision = Math.min(a.precision() - a.scale(), b.precision() - b.scale()) + scale;
    return adjust(precision, scale);
  }

  /** sum(DECIMAL(p, s)) is DECIMAL(min(38, p + 10), s). */
  public static DataType sum(DataType a) { return DataType.decimal(Math.min(MAX, a.precision() + 10), a.scale()); }

  /** avg(DECIMAL(p, s)) is DECIMAL(p + 4, s + 4), bounded. */
  public static DataType avg(DataType a) { return adjust(a.precision() + 4, a.scale() + 4); }

  /** The decimal type that holds every value of an integral or decimal type exactly. */
  public static DataType forType(DataType t) {
    return switch (t.id()) {
      case TINYINT -> DataType.decimal(3, 0);
      case SMALLINT -> DataType.decimal(5, 0);
      case INT -> DataType.decimal(10, 0);
      case BIGINT -> DataType.decimal(20, 0);
      case DECIMAL -> t;
      default -> throw new IllegalArgumentException("no exact decimal for " + t);
    };
  }

  static DataType adjust(int precision, int scale) {
    if (precision <= MAX) return DataType.decimal(Math.max(precision, 1), scale);
    int intDigits = precision - scale;
    int minScale = Math.min(scale, MIN_ADJUSTED_SCALE);
    int adjustedScale = Math.max(MAX - intDigits, minScale);
    return DataType.decimal(MAX, adjustedScale);
  }
}
