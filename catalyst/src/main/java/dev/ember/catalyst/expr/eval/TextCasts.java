package dev.ember.catalyst.expr.eval;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Utf8String;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Values to and from text, in the forms PostgreSQL and DuckDB print: dates {@code YYYY-MM-DD},
 * timestamps {@code YYYY-MM-DD HH:MM:SS[.ffffff]} (trailing zeros of the fraction dropped,
 * {@code +00} after a TIMESTAMP WITH TIME ZONE, which Ember shows in UTC), decimals plain with
 * their scale, booleans {@code true}/{@code false}, doubles in the shortest form that reads back
 * (scientific below 1e-4 and from 1e16, as DuckDB). Parsing trims surrounding whitespace; bad text
 * fails with INVALID_TEXT_REPRESENTATION naming the value and the target type.
 */
public final class TextCasts {
  private TextCasts() {}

  // ---- formatting ----

  public static Utf8String booleanToText(boolean b) { return Utf8String.of(b ? "true" : "false"); }

  public static Utf8String longToText(long v) { return Utf8String.of(Long.toString(v)); }

  public static Utf8String doubleToText(double d) { return Utf8String.of(formatDouble(d)); }

  public static Utf8String floatToText(float f) {
    if (Float.isNaN(f) || Float.isInfinite(f)) return doubleToText(f);
    return Utf8String.of(formatDigits(shortest(f, 9, true), f));
  }

  public static String formatDouble(double d) {
    if (Double.isNaN(d)) return "nan";
    if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
    return formatDigits(shortest(d, 17, false), d);
  }

  /**
   * The decimal with the fewest significant digits that reads back as the same double (or
   * float): Java 17's {@code Double.toString} sometimes prints one digit more than needed.
   */
  private static BigDecimal shortest(double d, int maxDigits, boolean asFloat) {
    if (d == 0) return BigDecimal.ZERO;
    BigDecimal exact = new BigDecimal(d);
    for (int p = 1; p <= maxDigits; p++) {
      BigDecimal c = exact.round(new java.math.MathContext(p, java.math.RoundingMode.HALF_EVEN));
      if (asFloat ? Float.parseFloat(c.toString()) == (float) d : Double.parseDouble(c.toString()) == d) return c;
    }
    return new BigDecimal(asFloat ? Float.toString((float) d) : Double.toString(d));
  }

  /** Python/DuckDB style: fixed notation with at least one fraction digit, or d.ddde±XX. */
  private static String formatDigits(BigDecimal v, double sign) {
    if (v.signum() == 0) return (1 / sign) < 0 ? "-0.0" : "0.0";
    v = v.stripTrailingZeros();
    int exp = v.precision() - v.scale() - 1;
    if (exp < -4 || exp >= 16) {
      String digits = v.unscaledValue().abs().toString();
      StringBuilder sb = new StringBuilder();
      if (v.signum() < 0) sb.append('-');
      sb.append(digits.charAt(0));
      if (digits.length() > 1) sb.append('.').append(digits, 1, digits.length());
      sb.append('e').append(exp < 0 ? '-' : '+');
      int a = Math.abs(exp);
      if (a < 10) sb.append('0');
      return sb.append(a).toString();
    }
    String s = v.toPlainString();
    return s.indexOf('.') < 0 ? s + ".0" : s;
  }

  public static Utf8String decimalToText(long unscaled, int scale) {
    return Utf8String.of(BigDecimal.valueOf(unscaled, scale).toPlainString());
  }

  public static Utf8String bigDecimalToText(BigDecimal v) { return Utf8String.of(v.toPlainString()); }

  public static Utf8String dateToText(int days) { return Utf8String.of(formatDate(days)); }

  public static String formatDate(int days) {
    LocalDate d = LocalDate.ofEpochDay(days);
    int y = d.getYear();
    String md = String.format(Locale.ROOT, "-%02d-%02d", d.getMonthValue(), d.getDayOfMonth());
    if (y <= 0) return pad4(1 - y) + md + " (BC)";
    return pad4(y) + md;
  }

  private static String pad4(int y) {
    String s = Integer.toString(y);
    return s.length() >= 4 ? s : "0000".substring(s.length()) + s;
  }

  public static Utf8String timestampToText(long micros) { return Utf8String.of(formatTimestamp(micros)); }

  public static Utf8String timestampTzToText(long micros) { return Utf8String.of(formatTimestamp(micros) + "+00"); }

  public static String formatTimestamp(long micros) {
    int days = CastOps.timestampToDate(micros);
    long inDay = micros - days * CastOps.MICROS_PER_DAY;
    String date = formatDate(days);
    String bc = "";
    if (date.endsWith(" (BC)")) {
      bc = " (BC)";
      date = date.substring(0, date.length() - 5);
    }
    return date + " " + formatTime(inDay) + bc;
  }

  /** HH:MM:SS[.ffffff] of a non-negative number of microseconds (hours may exceed 23). */
  static String formatTime(long micros) {
    long secs = micros / 1_000_000, frac = micros % 1_000_000;
    StringBuilder sb = new StringBuilder();
    long h = secs / 3600;
    if (h < 10) sb.append('0');
    sb.append(h).append(':');
    two(sb, (secs / 60) % 60).append(':');
    two(sb, secs % 60);
    if (frac != 0) {
      String f = String.format(Locale.ROOT, "%06d", frac);
      int end = f.length();
      while (f.charAt(end - 1) == '0') end--;
      sb.append('.').append(f, 0, end);
    }
    return sb.toString();
  }

  private static StringBuilder two(StringBuilder sb, long v) {
    if (v < 10) sb.append('0');
    return sb.append(v);
  }

  /** DuckDB's form: {@code 1 year 2 months}, {@code -1 year -2 months}, {@code 00:00:00} for zero. */
  public static Utf8String intervalYearMonthToText(int months) {
    if (months == 0) return Utf8String.of("00:00:00");
    int y = months / 12, m = months % 12;
    StringBuilder sb = new StringBuilder();
    if (y != 0) sb.append(y).append(Math.abs(y) == 1 ? " year" : " years");
    if (m != 0) {
      if (sb.length() > 0) sb.append(' ');
      sb.append(m).append(Math.abs(m) == 1 ? " month" : " months");
    }
    return Utf8String.of(sb.toString());
  }

  /** Days then the time of day: {@code 3 days 01:02:03.5}, {@code -1 day}, {@code 00:00:00}. */
  public static Utf8String intervalDayTimeToText(long micros) {
    long days = micros / CastOps.MICROS_PER_DAY, rest = micros % CastOps.MICROS_PER_DAY;
    StringBuilder sb = new StringBuilder();
    if (days != 0) sb.append(days).append(Math.abs(days) == 1 ? " day" : " days");
    if (rest != 0 || days == 0) {
      if (sb.length() > 0) sb.append(' ');
      if (rest < 0) sb.append('-');
      sb.append(formatTime(Math.abs(rest)));
    }
    return Utf8String.of(sb.toString());
  }

  /** Printable ASCII as is, every other byte (and the backslash) as {@code \xHH}, as DuckDB. */
  public static Utf8String binaryToText(byte[] b) {
    StringBuilder sb = new StringBuilder(b.length);
    for (byte x : b) {
      int u = x & 0xFF;
      if (u >= 32 && u < 127 && u != '\\') sb.append((char) u);
      else sb.append("\\x").append(Character.toUpperCase(Character.forDigit(u >> 4, 16)))
          .append(Character.toUpperCase(Character.forDigit(u & 15, 16)));
    }
    return Utf8String.of(sb.toString());
  }

  // ---- parsing ----

  public static boolean textToBoolean(Utf8String s) {
    String t = s.toString().trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "true": case "t": case "yes": case "y": case "on": case "1": return true;
      case "false": case "f": case "no": case "n": case "off": case "0": return false;
      default: throw EvalErrors.invalidText(s.toString(), DataType.BOOLEAN);
    }
  }

  /**
   * An integer with an optional sign; a number with a fraction or exponent is rounded half away
   * from zero (as DuckDB and Spark accept it). {@code target} names the type in errors.
   */
  public static long textToLong(Utf8String s, DataType target) {
    String t = s.toString().trim();
    int i = 0, n = t.length();
    if (n > 0 && (t.charAt(0) == '+' || t.charAt(0) == '-')) i++;
    if (i == n) throw EvalErrors.invalidText(s.toString(), target);
    boolean digitsOnly = true;
    for (int j = i; j < n && digitsOnly; j++) digitsOnly = t.charAt(j) >= '0' && t.charAt(j) <= '9';
    if (!digitsOnly) {
      if (!isNumber(t.substring(i).toLowerCase(Locale.ROOT))) throw EvalErrors.invalidText(s.toString(), target);
      BigDecimal v = boundedDecimal(t, target);
      if (v.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) throw EvalErrors.outOfRange(target);
      return CastOps.bigDecimalToLong(v, target.sql());
    }
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException e) {
      throw EvalErrors.outOfRange(target);
    }
  }

  public static byte textToByte(Utf8String s) { return IntegralOps.toByte(textToLong(s, DataType.TINYINT)); }

  public static short textToShort(Utf8String s) { return IntegralOps.toShort(textToLong(s, DataType.SMALLINT)); }

  public static int textToInt(Utf8String s) { return IntegralOps.toInt(textToLong(s, DataType.INT)); }

  public static long textToBigint(Utf8String s) { return textToLong(s, DataType.BIGINT); }

  public static double textToDouble(Utf8String s) { return parseDouble(s, DataType.DOUBLE); }

  public static float textToFloat(Utf8String s) { return CastOps.doubleToFloat(parseDouble(s, DataType.FLOAT)); }

  private static double parseDouble(Utf8String s, DataType target) {
    String t = s.toString().trim().toLowerCase(Locale.ROOT);
    String u = t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t;
    boolean neg = t.startsWith("-");
    if (u.equals("nan")) return Double.NaN;
    if (u.equals("inf") || u.equals("infinity")) return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    if (!isNumber(u)) throw EvalErrors.invalidText(s.toString(), target);
    return Double.parseDouble(t);
  }

  /** digits[.digits][e[+-]digits] or .digits[…], without sign. */
  private static boolean isNumber(String u) {
    int i = 0, n = u.length(), digits = 0;
    while (i < n && Character.isDigit(u.charAt(i)) && u.charAt(i) < 128) { i++; digits++; }
    if (i < n && u.charAt(i) == '.') {
      i++;
      while (i < n && Character.isDigit(u.charAt(i)) && u.charAt(i) < 128) { i++; digits++; }
    }
    if (digits == 0) return false;
    if (i < n && u.charAt(i) == 'e') {
      i++;
      if (i < n && (u.charAt(i) == '+' || u.charAt(i) == '-')) i++;
      int e = 0;
      while (i < n && Character.isDigit(u.charAt(i)) && u.charAt(i) < 128) { i++; e++; }
      if (e == 0) return false;
    }
    return i == n;
  }

  private static BigDecimal parseDecimal(Utf8String s, int p, int sc) {
    String t = s.toString().trim();
    String u = t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t;
    if (!isNumber(u.toLowerCase(Locale.ROOT))) throw EvalErrors.invalidText(s.toString(), DataType.decimal(p, sc));
    return boundedDecimal(t, DataType.decimal(p, sc));
  }

  /**
   * Parses numeric text whose syntax is already checked, keeping absurd exponents from costing
   * time: beyond 10^100 is out of range for every type, below 10^-100 rounds to zero.
   */
  private static BigDecimal boundedDecimal(String t, DataType target) {
    BigDecimal v;
    try {
      v = new BigDecimal(t);
    } catch (NumberFormatException e) {
      throw EvalErrors.outOfRange(target);
    }
    long magnitude = (long) v.precision() - v.scale();
    if (v.signum() != 0 && magnitude > 100) throw EvalErrors.outOfRange(target);
    if (magnitude < -100) return BigDecimal.ZERO;
    return v;
  }

  public static long textToDecimal(Utf8String s, int p, int sc) { return DecimalOps.toLong(parseDecimal(s, p, sc), p, sc); }

  public static BigDecimal textToBigDecimal(Utf8String s, int p, int sc) {
    return DecimalOps.toBig(parseDecimal(s, p, sc), p, sc);
  }

  public static int textToDate(Utf8String s) { return DateTimeParser.parseDate(s.toString(), DataType.DATE); }

  public static long textToTimestamp(Utf8String s) {
    return DateTimeParser.parseTimestamp(s.toString(), DataType.TIMESTAMP, false);
  }

  public static long textToTimestampTz(Utf8String s) {
    return DateTimeParser.parseTimestamp(s.toString(), DataType.TIMESTAMP_TZ, true);
  }

  public static int textToIntervalYearMonth(Utf8String s) { return IntervalParser.parseYearMonth(s.toString()); }

  public static long textToIntervalDayTime(Utf8String s) { return IntervalParser.parseDayTime(s.toString()); }

  /** {@code \xHH} escapes become bytes; everything else is taken as its UTF-8 bytes. */
  public static byte[] textToBinary(Utf8String s) {
    byte[] in = s.bytes();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(in.length);
    for (int i = 0; i < in.length; i++) {
      if (in[i] == '\\' && i + 3 < in.length && in[i + 1] == 'x'
          && Character.digit(in[i + 2], 16) >= 0 && Character.digit(in[i + 3], 16) >= 0) {
        out.write(Character.digit(in[i + 2], 16) * 16 + Character.digit(in[i + 3], 16));
        i += 3;
      } else if (in[i] == '\\') {
        throw EvalErrors.invalidText(s.toString(), DataType.VARBINARY);
      } else {
        out.write(in[i]);
      }
    }
    return out.toByteArray();
  }

  /** Day-of-epoch from calendar fields, or an invalid-text error for impossible dates. */
  static int epochDay(String text, DataType target, int y, int m, int d) {
    try {
      return (int) LocalDate.of(y, m, d).toEpochDay();
    } catch (DateTimeException e) {
      throw EvalErrors.invalidText(text, target);
    }
  }
}
