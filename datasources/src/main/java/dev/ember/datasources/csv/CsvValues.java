package dev.ember.datasources.csv;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Utf8String;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Text to Ember values, for reading a typed column and for inferring types: one place decides
 * what "is an INT" or "is a DATE" so inference never picks a type reading then rejects.
 */
public final class CsvValues {
  /** Decimal notation Spark accepts for floating point, plus NaN and (signed) Infinity. */
  private static final Pattern FLOATING = Pattern.compile(
      "[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|NaN|[+-]?Infinity|[+-]?Inf");

  private final CsvDateTimes dateTimes;

  public CsvValues(CsvOptions options) { this.dateTimes = new CsvDateTimes(options); }

  /**
   * The value of {@code text} as {@code type} (boxed as Ember holds it), or an
   * INVALID_TEXT_REPRESENTATION error saying what was expected.
   */
  public Object parse(String text, DataType type) {
    try {
      return switch (type.id()) {
        case BOOLEAN -> parseBoolean(text);
        case TINYINT -> Byte.parseByte(text.trim());
        case SMALLINT -> Short.parseShort(text.trim());
        case INT -> Integer.parseInt(text.trim());
        case BIGINT -> Long.parseLong(text.trim());
        case FLOAT -> (float) parseDouble(text);
        case DOUBLE -> parseDouble(text);
        case DECIMAL -> decimal(text, type);
        case DATE -> dateTimes.days(text.trim());
        case TIMESTAMP, TIMESTAMP_TZ -> dateTimes.localMicros(text.trim());
        case VARCHAR -> Utf8String.of(text);
        case VARBINARY -> text.getBytes(StandardCharsets.UTF_8);
        default -> throw EmberException.notSupported("CSV column of type " + type.sql());
      };
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      throw new EmberException(EmberException.INVALID_TEXT_REPRESENTATION,
          "'" + text + "' is not a valid " + type.sql());
    }
  }

  private static boolean parseBoolean(String text) {
    String t = text.trim();
    if (t.equalsIgnoreCase("true")) return true;
    if (t.equalsIgnoreCase("false")) return false;
    throw new NumberFormatException(text);
  }

  private static double parseDouble(String text) {
    String t = text.trim();
    if (!FLOATING.matcher(t).matches()) throw new NumberFormatException(text);
    if (t.endsWith("Inf")) return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    return Double.parseDouble(t);
  }

  private static Object decimal(String text, DataType type) {
    BigDecimal v = new BigDecimal(text.trim()).setScale(type.scale(), RoundingMode.HALF_UP);
    if (v.precision() > type.precision()) throw new ArithmeticException("precision");
    return type.isLongDecimal() ? (Object) v.unscaledValue().longValueExact() : v;
  }

  /**
   * The most specific type of a non-null field, in Spark's order: INT, BIGINT, DOUBLE, BOOLEAN,
   * DATE, TIMESTAMP, else VARCHAR. Timestamps with an offset stay VARCHAR (Ember's TIMESTAMP has
   * no zone); declare the column TIMESTAMP WITH TIME ZONE to read them.
   */
  DataType infer(String text) {
    String t = text.trim();
    if (t.isEmpty()) return DataType.VARCHAR;
    if (looksIntegral(t)) {
      try {
        Integer.parseInt(t);
        return DataType.INT;
      } catch (NumberFormatException e) {
        // wider
      }
      try {
        Long.parseLong(t);
        return DataType.BIGINT;
      } catch (NumberFormatException e) {
        return DataType.DOUBLE;
      }
    }
    if (FLOATING.matcher(t).matches()) return DataType.DOUBLE;
    if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) return DataType.BOOLEAN;
    try {
      dateTimes.days(t);
      return DataType.DATE;
    } catch (DateTimeParseException | ArithmeticException e) {
      // not a date
    }
    try {
      return dateTimes.hasOffset(t) ? DataType.VARCHAR : DataType.TIMESTAMP;
    } catch (DateTimeParseException | ArithmeticException e) {
      return DataType.VARCHAR;
    }
  }

  private static boolean looksIntegral(String t) {
    int start = t.charAt(0) == '-' || t.charAt(0) == '+' ? 1 : 0;
    if (start == t.length()) return false;
    for (int i = start; i < t.length(); i++) if (!Character.isDigit(t.charAt(i)) || t.charAt(i) > '9') return false;
    return true;
  }

  /** The type both values fit: numbers widen, DATE widens to TIMESTAMP, anything else is VARCHAR. */
  static DataType merge(DataType a, DataType b) {
    if (a == null) return b;
    if (b == null || a.equals(b)) return a;
    if (isInferredNumber(a) && isInferredNumber(b)) return a.id().ordinal() > b.id().ordinal() ? a : b;
    if (a.isDatetime() && b.isDatetime()) return DataType.TIMESTAMP;
    return DataType.VARCHAR;
  }

  private static boolean isInferredNumber(DataType t) {
    return t.equals(DataType.INT) || t.equals(DataType.BIGINT) || t.equals(DataType.DOUBLE);
  }
}
