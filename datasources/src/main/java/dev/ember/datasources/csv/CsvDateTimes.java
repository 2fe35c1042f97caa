package dev.ember.datasources.csv;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Date and timestamp parsing for CSV: the user's {@code dateFormat}/{@code timestampFormat}
 * (DateTimeFormatter patterns, as Spark takes them) or ISO-like defaults. Parsing is strict: no
 * 2021-02-30.
 */
final class CsvDateTimes {
  private static final DateTimeFormatter DEFAULT_DATE = DateTimeFormatter.ISO_LOCAL_DATE;
  /** yyyy-MM-dd, then 'T' or ' ', then HH:mm[:ss[.fraction]], then an optional offset or Z. */
  private static final DateTimeFormatter DEFAULT_TIMESTAMP = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
      .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .optionalEnd()
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .toFormatter()
      .withResolverStyle(ResolverStyle.STRICT);

  private final DateTimeFormatter date;
  private final DateTimeFormatter timestamp;

  CsvDateTimes(CsvOptions options) {
    this.date = options.dateFormat() == null ? DEFAULT_DATE : strict(options.dateFormat());
    this.timestamp = options.timestampFormat() == null ? DEFAULT_TIMESTAMP : strict(options.timestampFormat());
  }

  /** Days since 1970-01-01; throws DateTimeParseException when the text is not a date. */
  int days(String text) {
    return Math.toIntExact(LocalDate.from(date.parse(text)).toEpochDay());
  }

  /**
   * Microseconds since the epoch of a local date-time (an offset, when present, is applied). A
   * plain date is its midnight, so a column inferred TIMESTAMP from dates and timestamps reads.
   */
  long localMicros(String text) {
    TemporalAccessor t;
    try {
      t = timestamp.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return Math.multiplyExact((long) days(text), 86_400_000_000L);
      } catch (DateTimeParseException notADate) {
        throw e;
      }
    }
    LocalDateTime local = LocalDateTime.from(t);
    if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
      int offset = t.get(ChronoField.OFFSET_SECONDS);
      return micros(local.minusSeconds(offset));
    }
    return micros(local);
  }

  /** True when the text carries a time zone offset. */
  boolean hasOffset(String text) {
    return timestamp.parse(text).isSupported(ChronoField.OFFSET_SECONDS);
  }

  private static long micros(LocalDateTime t) {
    return Math.addExact(Math.multiplyExact(t.toEpochSecond(ZoneOffset.UTC), 1_000_000L), t.getNano() / 1000);
  }

  /** A strict formatter for a Spark-style pattern: 'y' (year of era) is read as 'u' (year). */
  private static DateTimeFormatter strict(String pattern) {
    StringBuilder p = new StringBuilder(pattern.length());
    boolean inQuote = false;
    for (char c : pattern.toCharArray()) {
      if (c == '\'') inQuote = !inQuote;
      p.append(!inQuote && c == 'y' ? 'u' : c);
    }
    return DateTimeFormatter.ofPattern(p.toString()).withResolverStyle(ResolverStyle.STRICT);
  }
}
