package dev.ember.cli;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Utf8String;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Turns Ember's boxed values into text: the one place every output format (table, CSV, JSON)
 * gets its spelling of a value from, so the formats never disagree.
 *
 * <pre>
 * BOOLEAN                   true / false
 * TINYINT … BIGINT          decimal digits
 * FLOAT, DOUBLE             Java's Float/Double.toString (1.5, 1.0E20, NaN, Infinity)
 * DECIMAL(p,s)              plain digits with exactly s fraction digits (12.30, never 1.23E+1)
 * DATE                      2024-03-01
 * TIMESTAMP                 2024-03-01 12:34:56, fraction only when non-zero, trailing zeros
 *                           dropped (12:34:56.5), as DuckDB and PostgreSQL print it
 * TIMESTAMP WITH TIME ZONE  the same in UTC, suffixed +00
 * VARCHAR                   the text itself
 * VARBINARY                 \x followed by lower-case hex (PostgreSQL's bytea output)
 * INTERVAL YEAR TO MONTH    SQL standard Y-M, e.g. 1-2, -0-3
 * INTERVAL DAY TO SECOND    SQL standard D HH:MM:SS[.f], e.g. 3 04:05:06.25
 * ARRAY&lt;T&gt;                  [1, 2, null] as Spark shows it: elements' text, null for NULL
 *                           (in JSON a JSON array of the elements' JSON literals)
 * </pre>
 * NULL has no text here: each format decides how to show it.
 */
public final class ValueFormatter {
  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private ValueFormatter() {}

  /** The text of a non-null value of type {@code type}. */
  public static String text(Object value, DataType type) {
    return switch (type.id()) {
      case NULL -> "NULL";
      case BOOLEAN, TINYINT, SMALLINT, INT, BIGINT, FLOAT, DOUBLE, VARCHAR -> value.toString();
      case DECIMAL -> decimal(value, type.scale()).toPlainString();
      case DATE -> date((Integer) value);
      case TIMESTAMP -> timestamp((Long) value);
      case TIMESTAMP_TZ -> timestamp((Long) value) + "+00";
      case VARBINARY -> hex((byte[]) value);
      case INTERVAL_YEAR_MONTH -> yearMonth((Integer) value);
      case INTERVAL_DAY_TIME -> dayTime((Long) value);
      case ARRAY -> array((java.util.List<?>) value, type.elementType(), false);
    };
  }

  /** {@code [e1, e2]} (text) or {@code [e1,e2]} (JSON literals). */
  private static String array(java.util.List<?> values, DataType element, boolean json) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) b.append(json ? "," : ", ");
      Object e = values.get(i);
      b.append(json ? json(e, element) : e == null ? "null" : text(e, element));
    }
    return b.append(']').toString();
  }

  /**
   * The value as a JSON literal: numbers and booleans bare (decimals exact, never rounded through
   * a double), non-finite floating-point values and everything else as JSON strings of
   * {@link #text}, null as {@code null}.
   */
  public static String json(Object value, DataType type) {
    if (value == null) return "null";
    switch (type.id()) {
      case BOOLEAN, TINYINT, SMALLINT, INT, BIGINT, DECIMAL:
        return text(value, type);
      case FLOAT, DOUBLE: {
        double d = ((Number) value).doubleValue();
        return Double.isFinite(d) ? text(value, type) : jsonString(text(value, type));
      }
      case ARRAY:
        return array((java.util.List<?>) value, type.elementType(), true);
      default:
        return jsonString(text(value, type));
    }
  }

  /** True for types whose values read best right-aligned in a table (numbers). */
  public static boolean rightAligned(DataType type) { return type.isNumeric(); }

  /** A JSON string literal holding {@code s}, escaped per RFC 8259. */
  public static String jsonString(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            b.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
                .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** A decimal value (unscaled long or BigDecimal) as a BigDecimal with exactly {@code scale}. */
  static BigDecimal decimal(Object value, int scale) {
    if (value instanceof Long unscaled) return BigDecimal.valueOf(unscaled, scale);
    return ((BigDecimal) value).setScale(scale);
  }

  static String date(int daysSinceEpoch) { return LocalDate.ofEpochDay(daysSinceEpoch).toString(); }

  static String timestamp(long micros) {
    long days = Math.floorDiv(micros, MICROS_PER_DAY);
    long inDay = Math.floorMod(micros, MICROS_PER_DAY);
    StringBuilder b = new StringBuilder(26).append(LocalDate.ofEpochDay(days)).append(' ');
    appendTime(b, inDay);
    return b.toString();
  }

  static String yearMonth(int months) {
    String sign = months < 0 ? "-" : "";
    long abs = Math.abs((long) months);
    return sign + abs / 12 + "-" + abs % 12;
  }

  static String dayTime(long micros) {
    StringBuilder b = new StringBuilder();
    if (micros < 0) b.append('-');
    // Math.abs(Long.MIN_VALUE) stays negative: read the magnitude as an unsigned value.
    long abs = Math.abs(micros);
    long days = Long.divideUnsigned(abs, MICROS_PER_DAY);
    long inDay = Long.remainderUnsigned(abs, MICROS_PER_DAY);
    b.append(days).append(' ');
    appendTime(b, inDay);
    return b.toString();
  }

  static String hex(byte[] bytes) {
    char[] out = new char[2 + bytes.length * 2];
    out[0] = '\\';
    out[1] = 'x';
    for (int i = 0; i < bytes.length; i++) {
      out[2 + 2 * i] = HEX[bytes[i] >> 4 & 0xF];
      out[3 + 2 * i] = HEX[bytes[i] & 0xF];
    }
    return new String(out);
  }

  /** Appends HH:MM:SS and, when non-zero, a fraction without trailing zeros. */
  private static void appendTime(StringBuilder b, long microsInDay) {
    long seconds = microsInDay / MICROS_PER_SECOND;
    long fraction = microsInDay % MICROS_PER_SECOND;
    two(b, seconds / 3600).append(':');
    two(b, seconds / 60 % 60).append(':');
    two(b, seconds % 60);
    if (fraction != 0) {
      String digits = Long.toString(fraction + MICROS_PER_SECOND).substring(1);
      int end = digits.length();
      while (digits.charAt(end - 1) == '0') end--;
      b.append('.').append(digits, 0, end);
    }
  }

  private static StringBuilder two(StringBuilder b, long v) {
    if (v < 10) b.append('0');
    return b.append(v);
  }
}
