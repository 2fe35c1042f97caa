package dev.ember.codegen.pipeline;

import dev.ember.catalyst.types.DataType;

/** Java source snippets that read and write Arrow vectors of each Ember type. */
final class VectorCode {
  private VectorCode() {}

  private static final String V = "org.apache.arrow.vector.";
  private static final String VALUES = "dev.ember.datasources.arrow.ArrowValues";

  /** The vector class holding values of {@code t}. */
  static String vectorClass(DataType t) {
    return V + switch (t.id()) {
      case NULL -> "NullVector";
      case BOOLEAN -> "BitVector";
      case TINYINT -> "TinyIntVector";
      case SMALLINT -> "SmallIntVector";
      case INT -> "IntVector";
      case BIGINT -> "BigIntVector";
      case FLOAT -> "Float4Vector";
      case DOUBLE -> "Float8Vector";
      case DECIMAL -> "DecimalVector";
      case DATE -> "DateDayVector";
      case TIMESTAMP, TIMESTAMP_TZ -> "TimeStampVector";
      case VARCHAR -> "VarCharVector";
      case VARBINARY -> "VarBinaryVector";
      case INTERVAL_YEAR_MONTH -> "IntervalYearVector";
      case INTERVAL_DAY_TIME -> "DurationVector";
      case ARRAY -> "complex.ListVector";
    };
  }

  /** The element type of a list vector, read from its child field (so sources stay type-free). */
  private static String elementType(String vec) {
    return "dev.ember.datasources.arrow.ArrowTypes.emberType(" + vec + ".getDataVector().getField())";
  }

  /** An expression reading the non-null value at {@code idx} as Ember's Java representation. */
  static String read(String vec, String idx, DataType t) {
    return switch (t.id()) {
      case NULL -> "null";
      case BOOLEAN -> "(" + vec + ".get(" + idx + ") != 0)";
      case DECIMAL -> t.isLongDecimal() ? VALUES + ".getLongDecimal(" + vec + ", " + idx + ")"
          : vec + ".getObject(" + idx + ")";
      case VARCHAR -> "dev.ember.catalyst.types.Utf8String.wrap(" + vec + ".get(" + idx + "))";
      case INTERVAL_DAY_TIME -> V + "DurationVector.get(" + vec + ".getDataBuffer(), " + idx + ")";
      case ARRAY -> VALUES + ".getList(" + vec + ", " + idx + ", " + elementType(vec) + ")";
      default -> vec + ".get(" + idx + ")";
    };
  }

  /**
   * An expression reading the value at {@code idx} of a fixed-width type straight from the
   * vector's data buffer {@code data} (an ArrowBuf local), or null for other types.
   */
  static String readBuffer(String data, String idx, DataType t) {
    return switch (t.id()) {
      case TINYINT -> data + ".getByte(" + idx + ")";
      case SMALLINT -> data + ".getShort((long) " + idx + " * 2)";
      case INT, DATE, INTERVAL_YEAR_MONTH -> data + ".getInt((long) " + idx + " * 4)";
      case BIGINT, TIMESTAMP, TIMESTAMP_TZ, INTERVAL_DAY_TIME -> data + ".getLong((long) " + idx + " * 8)";
      case FLOAT -> data + ".getFloat((long) " + idx + " * 4)";
      case DOUBLE -> data + ".getDouble((long) " + idx + " * 8)";
      case DECIMAL -> t.isLongDecimal() ? data + ".getLong((long) " + idx + " * 16)" : null;
      default -> null;
    };
  }

  /**
   * A statement writing a non-null {@code value} at {@code idx}. Fixed-width vectors must have
   * the capacity already; variable-width ones grow.
   */
  static String write(String vec, String idx, DataType t, String value) {
    return switch (t.id()) {
      case NULL -> vec + ".setNull(" + idx + ");";
      case BOOLEAN -> vec + ".set(" + idx + ", " + value + " ? 1 : 0);";
      case DECIMAL -> t.isLongDecimal() ? VALUES + ".setLongDecimal(" + vec + ", " + idx + ", " + value + ");"
          : vec + ".setSafe(" + idx + ", " + value + ");";
      case VARCHAR -> "{ byte[] b_ = " + value + ".bytes(); " + vec + ".setSafe(" + idx + ", b_, 0, b_.length); }";
      case VARBINARY -> vec + ".setSafe(" + idx + ", " + value + ");";
      case ARRAY -> VALUES + ".setList(" + vec + ", " + idx + ", " + elementType(vec) + ", " + value + ");";
      default -> vec + ".set(" + idx + ", " + value + ");";
    };
  }

  /** A boolean expression: do two non-null values of {@code t} equal (as keys)? */
  static String keyEquals(String a, String b, DataType t) {
    return switch (t.id()) {
      case FLOAT, DOUBLE -> "(" + a + " == " + b + " || (" + a + " != " + a + " && " + b + " != " + b + "))";
      case DECIMAL -> t.isLongDecimal() ? "(" + a + " == " + b + ")" : "(" + a + ".compareTo(" + b + ") == 0)";
      case VARCHAR -> a + ".equals(" + b + ")";
      case VARBINARY -> "java.util.Arrays.equals(" + a + ", " + b + ")";
      case ARRAY -> a + ".equals(" + b + ")";
      default -> "(" + a + " == " + b + ")";
    };
  }

  /** Whether the non-null cell {@code idx} of {@code vec} equals the non-null key {@code value}. */
  static String cellEquals(String vec, String idx, String value, DataType t) {
    if (t.isString()) return "dev.ember.codegen.operator.VectorKeys.equalsUtf8(" + vec + ", " + idx + ", " + value + ")";
    return keyEquals(read(vec, idx, t), value, t);
  }

  /** A default value of the Java type of {@code t}, for null slots. */
  static String zero(DataType t) {
    return switch (t.id()) {
      case BOOLEAN -> "false";
      case TINYINT -> "(byte) 0";
      case SMALLINT -> "(short) 0";
      case INT, DATE, INTERVAL_YEAR_MONTH -> "0";
      case BIGINT, TIMESTAMP, TIMESTAMP_TZ, INTERVAL_DAY_TIME -> "0L";
      case FLOAT -> "0.0f";
      case DOUBLE -> "0.0";
      case DECIMAL -> t.isLongDecimal() ? "0L" : "((java.math.BigDecimal) null)";
      case VARCHAR -> "((dev.ember.catalyst.types.Utf8String) null)";
      case VARBINARY -> "((byte[]) null)";
      case ARRAY -> "((java.util.List) null)";
      default -> "null";
    };
  }
}
