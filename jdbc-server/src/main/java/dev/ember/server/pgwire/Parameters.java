package dev.ember.server.pgwire;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bound parameter values become SQL literals of Ember's dialect, so a prepared statement runs
 * as the statement text with {@code $n} replaced ({@link SqlText#substitute}). The type comes from
 * Parse, or — when the client left it open (OID 0) — from a {@code CAST($n AS type)} around the
 * placeholder; otherwise the value is a string literal.
 */
final class Parameters {
  private static final Pattern DATE_PREFIX = Pattern.compile("^\\s*(\\d{4,}-\\d{2}-\\d{2})");
  private static final Pattern TS = Pattern.compile(
      "^\\s*(\\d{4,}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)\\s*([+-]\\d{2}(?::?\\d{2}(?::?\\d{2})?)?|Z)?\\s*$");
  private static final Pattern UNTYPED_DATE = Pattern.compile("\\d{4,}-\\d{2}-\\d{2} [+-]\\d{2}(?::\\d{2})?");
  private static final Pattern UNTYPED_TIMESTAMP = Pattern.compile(
      "\\d{4,}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?[+-]\\d{2}(?::\\d{2})?");
  private static final Pattern INTERVAL_PART = Pattern.compile(
      "([+-]?\\d+(?:\\.\\d+)?)\\s*(years?|mons?|months?|days?|hours?|mins?|minutes?|secs?|seconds?)");
  private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd HH:mm:ss").appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true).toFormatter();

  private Parameters() {}

  /** The SQL literal of one bound value; {@code type} null when unknown. */
  static String literal(byte[] value, short format, PgType type) {
    if (type != null && type.isArray()) {
      throw dev.ember.catalyst.errors.EmberException.notSupported("parameters of type " + type.sqlName());
    }
    if (value == null) return type == null || type == PgType.UNKNOWN ? "NULL" : "CAST(NULL AS " + sqlType(type) + ")";
    try {
      return format == Formats.BINARY ? binaryLiteral(value, type) : textLiteral(new String(value, UTF_8), type);
    } catch (RuntimeException e) {
      String shown = format == Formats.BINARY ? value.length + " bytes" : "\"" + new String(value, UTF_8) + "\"";
      throw new PgError(PgError.INVALID_PARAMETER_VALUE, "invalid input for parameter of type "
          + (type == null ? "unknown" : type.sqlName()) + ": " + shown);
    }
  }

  /** The Ember SQL type name used to cast NULLs and values of {@code t}. */
  static String sqlType(PgType t) {
    return switch (t) {
      case BOOL -> "BOOLEAN";
      case INT2 -> "SMALLINT";
      case INT4, OID -> "INTEGER";
      case INT8 -> "BIGINT";
      case FLOAT4 -> "REAL";
      case FLOAT8 -> "DOUBLE";
      case NUMERIC -> "DECIMAL(38,10)";
      case DATE -> "DATE";
      case TIMESTAMP, TIMESTAMPTZ -> "TIMESTAMP";
      case BYTEA -> "VARBINARY";
      case INTERVAL -> "INTERVAL DAY TO SECOND";
      case TEXT, VARCHAR, UNKNOWN -> "VARCHAR";
      default -> throw arrayParameter(t);
    };
  }

  private static String textLiteral(String s, PgType type) {
    if (type == null) return untyped(s);
    return switch (type) {
      case BOOL -> bool(s) ? "TRUE" : "FALSE";
      case INT2 -> "CAST(" + signed(Short.toString(Short.parseShort(s.trim()))) + " AS SMALLINT)";
      case INT4, OID -> signed(Integer.toString(Integer.parseInt(s.trim())));
      case INT8 -> "CAST(" + signed(Long.toString(Long.parseLong(s.trim()))) + " AS BIGINT)";
      case FLOAT4 -> floating(Float.parseFloat(s.trim()), "REAL");
      case FLOAT8 -> floating(Double.parseDouble(s.trim()), "DOUBLE");
      case NUMERIC -> decimal(new BigDecimal(s.trim()));
      case DATE -> date(s);
      case TIMESTAMP -> timestamp(s, false);
      case TIMESTAMPTZ -> timestamp(s, true);
      case BYTEA -> bytes(parseBytea(s));
      case INTERVAL -> interval(s);
      case TEXT, VARCHAR, UNKNOWN -> quote(s);
      default -> throw arrayParameter(type);
    };
  }

  private static String binaryLiteral(byte[] v, PgType type) {
    ByteBuf b = Unpooled.wrappedBuffer(v);
    if (type == null) type = PgType.BYTEA;
    String out = switch (type) {
      case BOOL -> b.readByte() != 0 ? "TRUE" : "FALSE";
      case INT2 -> "CAST(" + signed(Short.toString(b.readShort())) + " AS SMALLINT)";
      case INT4, OID -> signed(Integer.toString(b.readInt()));
      case INT8 -> "CAST(" + signed(Long.toString(b.readLong())) + " AS BIGINT)";
      case FLOAT4 -> floating(b.readFloat(), "REAL");
      case FLOAT8 -> floating(b.readDouble(), "DOUBLE");
      case NUMERIC -> decimal(BinaryFormat.readNumeric(b));
      case DATE -> "DATE '" + LocalDate.ofEpochDay(b.readInt() + (long) BinaryFormat.PG_EPOCH_DAYS) + "'";
      case TIMESTAMP, TIMESTAMPTZ -> "TIMESTAMP '" + TextFormat.timestamp(b.readLong() + BinaryFormat.PG_EPOCH_MICROS) + "'";
      case BYTEA -> {
        b.skipBytes(b.readableBytes());
        yield bytes(v);
      }
      case INTERVAL -> {
        long micros = b.readLong();
        int days = b.readInt();
        int months = b.readInt();
        yield intervalLiteral(months, days * 86_400_000_000L + micros);
      }
      case TEXT, VARCHAR, UNKNOWN -> {
        b.skipBytes(b.readableBytes());
        yield quote(new String(v, UTF_8));
      }
      default -> throw arrayParameter(type);
    };
    if (b.isReadable()) throw new IllegalArgumentException("trailing bytes");
    return out;
  }

  /** Array parameters are refused up front ({@link #literal}); this is for the switches' sake. */
  private static RuntimeException arrayParameter(PgType t) {
    return dev.ember.catalyst.errors.EmberException.notSupported("parameters of type " + t.sqlName());
  }

  /**
   * A value the client sent without a type. pgJDBC sends {@code setDate} and {@code setTimestamp}
   * that way ("1995-01-01 +00", "2020-01-02 03:04:05.12+01"), leaving the server to infer the type;
   * those shapes become DATE and TIMESTAMP literals, anything else a string literal.
   */
  private static String untyped(String s) {
    if (UNTYPED_DATE.matcher(s).matches()) return date(s);
    if (UNTYPED_TIMESTAMP.matcher(s).matches()) return timestamp(s, true);
    return quote(s);
  }

  static String quote(String s) { return "'" + s.replace("'", "''") + "'"; }

  private static String signed(String n) { return n.startsWith("-") ? "(" + n + ")" : n; }

  private static boolean bool(String s) {
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "t", "true", "1", "y", "yes", "on" -> true;
      case "f", "false", "0", "n", "no", "off" -> false;
      default -> throw new IllegalArgumentException("not a boolean");
    };
  }

  private static String floating(double d, String type) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("NaN and infinities are not supported as parameters");
    }
    return "CAST(" + signed(Double.toString(d)) + " AS " + type + ")";
  }

  private static String decimal(BigDecimal d) { return signed(d.toPlainString()); }

  private static String date(String s) {
    Matcher m = DATE_PREFIX.matcher(s);
    if (!m.find()) throw new IllegalArgumentException("not a date");
    return "DATE '" + LocalDate.parse(m.group(1)) + "'";
  }

  private static String timestamp(String s, boolean withZone) {
    Matcher m = TS.matcher(s);
    if (!m.matches()) {
      Matcher d = DATE_PREFIX.matcher(s);
      if (!d.find()) throw new IllegalArgumentException("not a timestamp");
      return "TIMESTAMP '" + LocalDate.parse(d.group(1)) + " 00:00:00'";
    }
    String time = m.group(2).length() == 5 ? m.group(2) + ":00" : m.group(2);
    LocalDateTime local = LocalDateTime.parse(m.group(1) + "T" + time);
    if (withZone && m.group(3) != null) {
      String z = m.group(3);
      ZoneOffset off = z.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(z.length() == 3 ? z + ":00" : z);
      local = OffsetDateTime.of(local, off).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
    return "TIMESTAMP '" + LOCAL.format(local) + "'";
  }

  private static byte[] parseBytea(String s) {
    if (s.startsWith("\\x")) {
      byte[] out = new byte[(s.length() - 2) / 2];
      for (int i = 0; i < out.length; i++) out[i] = (byte) Integer.parseInt(s.substring(2 + 2 * i, 4 + 2 * i), 16);
      return out;
    }
    return s.getBytes(UTF_8);
  }

  private static String bytes(byte[] v) { return "X'" + TextFormat.hex(v).substring(2) + "'"; }

  /** pgJDBC's PGInterval text ("1 years 2 mons 3 days 4 hours 5 mins 6.5 secs") or PostgreSQL's. */
  private static String interval(String s) {
    Matcher m = INTERVAL_PART.matcher(s.toLowerCase(Locale.ROOT));
    int months = 0;
    double micros = 0;
    boolean any = false;
    while (m.find()) {
      any = true;
      double v = Double.parseDouble(m.group(1));
      String unit = m.group(2);
      if (unit.startsWith("year")) months += (int) v * 12;
      else if (unit.startsWith("mon")) months += (int) v;
      else if (unit.startsWith("day")) micros += v * 86_400e6;
      else if (unit.startsWith("hour")) micros += v * 3_600e6;
      else if (unit.startsWith("min")) micros += v * 60e6;
      else micros += v * 1e6;
    }
    if (!any) throw new IllegalArgumentException("not an interval");
    return intervalLiteral(months, Math.round(micros));
  }

  private static String intervalLiteral(int months, long micros) {
    if (months != 0 && micros != 0) throw new IllegalArgumentException("mixed month and day intervals");
    if (months != 0) return "INTERVAL '" + months + "' MONTH(9)";
    BigDecimal seconds = BigDecimal.valueOf(micros, 6).stripTrailingZeros();
    return "INTERVAL '" + seconds.toPlainString() + "' SECOND(12, 6)";
  }
}
