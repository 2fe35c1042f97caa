package dev.ember.datasources.write;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Utf8String;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Ember values as text for the text formats (CSV, JSON): ISO-8601 dates ({@code 2024-02-29}) and
 * timestamps ({@code 2024-02-29T13:45:00.123456}, fraction trimmed, {@code Z} appended WITH TIME
 * ZONE), decimals in plain notation with their scale, floats as Java spells them
 * ({@code 1.0E10}, {@code NaN}, {@code Infinity}) — all of which Ember's and DuckDB's readers parse.
 */
public final class TextValues {
  private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T')
      .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
      .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
      .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true)
      .toFormatter();

  private TextValues() {}

  /** The text of a non-null boxed value of {@code type} (VARBINARY is not text: callers decide). */
  public static String text(DataType type, Object value) {
    return switch (type.id()) {
      case DECIMAL -> decimal(type, value).toPlainString();
      case DATE -> date((Integer) value);
      case TIMESTAMP -> timestamp((Long) value, false);
      case TIMESTAMP_TZ -> timestamp((Long) value, true);
      case VARCHAR -> ((Utf8String) value).toString();
      default -> String.valueOf(value);
    };
  }

  public static BigDecimal decimal(DataType type, Object value) {
    return value instanceof Long l ? BigDecimal.valueOf(l, type.scale()) : ((BigDecimal) value).setScale(type.scale());
  }

  public static String date(int days) {
    return LocalDate.ofEpochDay(days).toString();
  }

  public static String timestamp(long micros, boolean utc) {
    Instant i = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    String s = TIMESTAMP.format(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
    return utc ? s + "Z" : s;
  }
}
