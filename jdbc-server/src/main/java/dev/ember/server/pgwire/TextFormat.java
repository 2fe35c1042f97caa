package dev.ember.server.pgwire;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Utf8String;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * PostgreSQL's text output of Ember values, as a server with {@code DateStyle=ISO},
 * {@code IntervalStyle=postgres}, {@code TimeZone=UTC} and {@code extra_float_digits=1} prints
 * them: {@code t}/{@code f}, shortest round-trip floats, plain decimals, ISO dates and
 * timestamps, {@code \x}-hex bytea and {@code 1 year 2 mons 3 days 04:05:06} intervals; arrays
 * as {@code {1,2,NULL}} with elements double-quoted where PostgreSQL quotes them.
 */
public final class TextFormat {
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private TextFormat() {}

  /** The text form of a non-null value of type {@code t} (in its boxed Ember representation). */
  public static String format(Object v, DataType t) {
    return switch (t.id()) {
      case NULL -> "";
      case BOOLEAN -> ((Boolean) v) ? "t" : "f";
      case TINYINT, SMALLINT, INT, BIGINT -> v.toString();
      case FLOAT -> floating(((Float) v).doubleValue(), Float.toString((Float) v));
      case DOUBLE -> floating((Double) v, Double.toString((Double) v));
      case DECIMAL -> decimal(v, t).toPlainString();
      case DATE -> date((Integer) v);
      case TIMESTAMP -> timestamp((Long) v);
      case TIMESTAMP_TZ -> timestamp((Long) v) + "+00";
      case VARCHAR -> v.toString();
      case VARBINARY -> hex((byte[]) v);
      case INTERVAL_YEAR_MONTH -> yearMonth((Integer) v);
      case INTERVAL_DAY_TIME -> dayTime((Long) v);
      case ARRAY -> array((java.util.List<?>) v, t.elementType());
    };
  }

  /** PostgreSQL's array literal: {@code {e1,e2}}, NULL for a null element, quoting where needed. */
  static String array(java.util.List<?> values, DataType element) {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) b.append(',');
      Object e = values.get(i);
      if (e == null) {
        b.append("NULL");
      } else if (element.isArray()) {
        b.append(array((java.util.List<?>) e, element.elementType()));
      } else {
        quoteElement(b, format(e, element));
      }
    }
    return b.append('}').toString();
  }

  /** An element as array_out writes it: quoted when empty, NULL-like, or holding special characters. */
  private static void quoteElement(StringBuilder b, String text) {
    boolean quote = text.isEmpty() || text.equalsIgnoreCase("NULL");
    for (int i = 0; i < text.length() && !quote; i++) {
      char c = text.charAt(i);
      quote = c == '{' || c == '}' || c == ',' || c == '"' || c == '\\' || Character.isWhitespace(c);
    }
    if (!quote) {
      b.append(text);
      return;
    }
    b.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') b.append('\\');
      b.append(c);
    }
    b.append('"');
  }

  /** The value of a DECIMAL as a BigDecimal, whichever representation it has. */
  public static BigDecimal decimal(Object v, DataType t) {
    return v instanceof BigDecimal b ? b : BigDecimal.valueOf((Long) v, t.scale());
  }

  static String floating(double d, String javaText) {
    if (Double.isNaN(d)) return "NaN";
    if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
    if (d == 0) return (1 / d < 0) ? "-0" : "0";
    BigDecimal exact = new BigDecimal(javaText);
    double abs = Math.abs(d);
    if (abs >= 1e-4 && abs < 1e15) {
      String s = exact.stripTrailingZeros().toPlainString();
      return s;
    }
    BigDecimal unscaled = exact.stripTrailingZeros();
    int exponent = unscaled.precision() - unscaled.scale() - 1;
    String digits = unscaled.unscaledValue().abs().toString();
    StringBuilder sb = new StringBuilder();
    if (d < 0) sb.append('-');
    sb.append(digits.charAt(0));
    if (digits.length() > 1) sb.append('.').append(digits, 1, digits.length());
    sb.append(exponent < 0 ? "e-" : "e+");
    int e = Math.abs(exponent);
    if (e < 10) sb.append('0');
    return sb.append(e).toString();
  }

  public static String date(int days) { return LocalDate.ofEpochDay(days).toString(); }

  public static String timestamp(long micros) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), 0, ZoneOffset.UTC);
    int fraction = (int) Math.floorMod(micros, 1_000_000L);
    StringBuilder sb = new StringBuilder(32);
    sb.append(t.toLocalDate()).append(' ');
    two(sb, t.getHour()).append(':');
    two(sb, t.getMinute()).append(':');
    two(sb, t.getSecond());
    appendFraction(sb, fraction);
    return sb.toString();
  }

  static String yearMonth(int months) {
    if (months == 0) return "00:00:00";
    int years = months / 12;
    int mons = months % 12;
    StringBuilder sb = new StringBuilder();
    if (years != 0) sb.append(years).append(Math.abs(years) == 1 ? " year" : " years");
    if (mons != 0) {
      if (sb.length() > 0) sb.append(' ');
      sb.append(mons).append(Math.abs(mons) == 1 ? " mon" : " mons");
    }
    return sb.toString();
  }

  static String dayTime(long micros) {
    long days = micros / MICROS_PER_DAY;
    long rest = micros % MICROS_PER_DAY;
    StringBuilder sb = new StringBuilder();
    if (days != 0) sb.append(days).append(Math.abs(days) == 1 ? " day" : " days");
    if (rest != 0 || days == 0) {
      if (sb.length() > 0) sb.append(' ');
      if (rest < 0) sb.append('-');
      long abs = Math.abs(rest);
      long seconds = abs / 1_000_000L;
      two(sb, (int) (seconds / 3600)).append(':');
      two(sb, (int) (seconds / 60 % 60)).append(':');
      two(sb, (int) (seconds % 60));
      appendFraction(sb, (int) (abs % 1_000_000L));
    }
    return sb.toString();
  }

  static String hex(byte[] b) {
    StringBuilder sb = new StringBuilder(2 + b.length * 2).append("\\x");
    for (byte x : b) sb.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
    return sb.toString();
  }

  private static StringBuilder two(StringBuilder sb, int v) {
    if (v < 10) sb.append('0');
    return sb.append(v);
  }

  private static void appendFraction(StringBuilder sb, int micros) {
    if (micros == 0) return;
    String f = Integer.toString(micros + 1_000_000).substring(1);
    int end = f.length();
    while (f.charAt(end - 1) == '0') end--;
    sb.append('.').append(f, 0, end);
  }

  /** The UTF-8 bytes of a VARCHAR value without a copy through String. */
  static byte[] utf8(Object v) { return ((Utf8String) v).bytes(); }
}
