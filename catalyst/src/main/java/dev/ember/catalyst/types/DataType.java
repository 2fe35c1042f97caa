package dev.ember.catalyst.types;

import static java.util.Objects.requireNonNull;

/**
 * A SQL data type. Precision and scale are meaningful only for {@link TypeId#DECIMAL}, the element
 * type only for {@link TypeId#ARRAY}; every other type carries zeros and null there, so two types
 * are equal exactly when they describe the same values.
 *
 * <p>The Java representation of a value (in generated code, in the interpreter and in rows) is
 * given by {@link #javaClass()}; nulls are tracked separately from values. An ARRAY value is an
 * unmodifiable {@code java.util.List} of its elements' boxed values ({@link #boxedClass()} of
 * the element type), nulls included.
 *
 * @param elementType the type of an ARRAY's elements; null for every other type
 */
public record DataType(TypeId id, int precision, int scale, DataType elementType) implements java.io.Serializable {
  public static final int MAX_DECIMAL_PRECISION = 38;
  /** Decimals up to this precision are held as an unscaled {@code long}. */
  public static final int MAX_LONG_DECIMAL_PRECISION = 18;

  public static final DataType NULL = of(TypeId.NULL);
  public static final DataType BOOLEAN = of(TypeId.BOOLEAN);
  public static final DataType TINYINT = of(TypeId.TINYINT);
  public static final DataType SMALLINT = of(TypeId.SMALLINT);
  public static final DataType INT = of(TypeId.INT);
  public static final DataType BIGINT = of(TypeId.BIGINT);
  public static final DataType FLOAT = of(TypeId.FLOAT);
  public static final DataType DOUBLE = of(TypeId.DOUBLE);
  public static final DataType DATE = of(TypeId.DATE);
  public static final DataType TIMESTAMP = of(TypeId.TIMESTAMP);
  public static final DataType TIMESTAMP_TZ = of(TypeId.TIMESTAMP_TZ);
  public static final DataType VARCHAR = of(TypeId.VARCHAR);
  public static final DataType VARBINARY = of(TypeId.VARBINARY);
  public static final DataType INTERVAL_YEAR_MONTH = of(TypeId.INTERVAL_YEAR_MONTH);
  public static final DataType INTERVAL_DAY_TIME = of(TypeId.INTERVAL_DAY_TIME);

  public DataType {
    requireNonNull(id);
    if ((id == TypeId.ARRAY) != (elementType != null)) {
      throw new IllegalArgumentException(id == TypeId.ARRAY ? "ARRAY needs an element type" : id + " has no element type");
    }
    if (id == TypeId.DECIMAL) {
      if (precision < 1 || precision > MAX_DECIMAL_PRECISION || scale < 0 || scale > precision) {
        throw new IllegalArgumentException("invalid DECIMAL(" + precision + "," + scale + ")");
      }
    } else if (precision != 0 || scale != 0) {
      throw new IllegalArgumentException(id + " takes no precision or scale");
    }
  }

  /** A scalar type (every type but ARRAY). */
  public DataType(TypeId id, int precision, int scale) {
    this(id, precision, scale, null);
  }

  private static DataType of(TypeId id) {
    return new DataType(id, 0, 0);
  }

  public static DataType decimal(int precision, int scale) {
    return new DataType(TypeId.DECIMAL, precision, scale);
  }

  /** {@code ARRAY<element>}. */
  public static DataType array(DataType element) {
    return new DataType(TypeId.ARRAY, 0, 0, requireNonNull(element));
  }

  public boolean isArray() { return id == TypeId.ARRAY; }

  public boolean isDecimal() { return id == TypeId.DECIMAL; }

  /** A decimal held as an unscaled {@code long}. */
  public boolean isLongDecimal() { return id == TypeId.DECIMAL && precision <= MAX_LONG_DECIMAL_PRECISION; }

  public boolean isIntegral() {
    return switch (id) {
      case TINYINT, SMALLINT, INT, BIGINT -> true;
      default -> false;
    };
  }

  public boolean isFloatingPoint() { return id == TypeId.FLOAT || id == TypeId.DOUBLE; }

  public boolean isNumeric() { return isIntegral() || isFloatingPoint() || isDecimal(); }

  public boolean isString() { return id == TypeId.VARCHAR; }

  public boolean isDatetime() {
    return id == TypeId.DATE || id == TypeId.TIMESTAMP || id == TypeId.TIMESTAMP_TZ;
  }

  public boolean isInterval() {
    return id == TypeId.INTERVAL_YEAR_MONTH || id == TypeId.INTERVAL_DAY_TIME;
  }

  /** The Java class that holds a non-null value of this type, unboxed where a primitive exists. */
  public Class<?> javaClass() {
    return switch (id) {
      case NULL -> Object.class;
      case BOOLEAN -> boolean.class;
      case TINYINT -> byte.class;
      case SMALLINT -> short.class;
      case INT, DATE, INTERVAL_YEAR_MONTH -> int.class;
      case BIGINT, TIMESTAMP, TIMESTAMP_TZ, INTERVAL_DAY_TIME -> long.class;
      case FLOAT -> float.class;
      case DOUBLE -> double.class;
      case DECIMAL -> isLongDecimal() ? long.class : java.math.BigDecimal.class;
      case VARCHAR -> Utf8String.class;
      case VARBINARY -> byte[].class;
      case ARRAY -> java.util.List.class;
    };
  }

  /** The boxed form of {@link #javaClass()}: what the interpreter and rows carry. */
  public Class<?> boxedClass() {
    Class<?> c = javaClass();
    if (!c.isPrimitive()) return c;
    if (c == boolean.class) return Boolean.class;
    if (c == byte.class) return Byte.class;
    if (c == short.class) return Short.class;
    if (c == int.class) return Integer.class;
    if (c == long.class) return Long.class;
    if (c == float.class) return Float.class;
    return Double.class;
  }

  /** SQL spelling, e.g. {@code DECIMAL(15,2)}. */
  public String sql() {
    return switch (id) {
      case DECIMAL -> "DECIMAL(" + precision + "," + scale + ")";
      case TIMESTAMP_TZ -> "TIMESTAMP WITH TIME ZONE";
      case INTERVAL_YEAR_MONTH -> "INTERVAL YEAR TO MONTH";
      case INTERVAL_DAY_TIME -> "INTERVAL DAY TO SECOND";
      case ARRAY -> "ARRAY<" + elementType.sql() + ">";
      default -> id.name();
    };
  }

  @Override public String toString() { return sql(); }
}
