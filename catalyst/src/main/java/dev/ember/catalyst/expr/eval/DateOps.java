package dev.ember.catalyst.expr.eval;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.Utf8String;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Date and timestamp functions on Ember's representations (DATE: days since the epoch;
 * TIMESTAMP: microseconds, read in UTC for TIMESTAMP WITH TIME ZONE). Day of week counts from
 * Sunday = 0 and weeks start on Monday, as in PostgreSQL and DuckDB. Month arithmetic clamps to
 * the end of the month (Jan 31 + 1 month = Feb 28/29).
 */
public final class DateOps {
  /** {@code DATE_TRUNC} units, resolved once from their text by {@link #truncUnit}. */
  public static final int MICROSECOND = 0, MILLISECOND = 1, SECOND = 2, MINUTE = 3, HOUR = 4, DAY = 5,
      WEEK = 6, MONTH = 7, QUARTER = 8, YEAR = 9, DECADE = 10, CENTURY = 11, MILLENNIUM = 12;

  private static final long MICROS_PER_DAY = CastOps.MICROS_PER_DAY;

  private DateOps() {}

  private static LocalDate date(int days) { return LocalDate.ofEpochDay(days); }

  public static int year(int days) { return date(days).getYear(); }

  public static int quarter(int days) { return (date(days).getMonthValue() + 2) / 3; }

  public static int month(int days) { return date(days).getMonthValue(); }

  public static int day(int days) { return date(days).getDayOfMonth(); }

  /** 0 = Sunday … 6 = Saturday. */
  public static int dayOfWeek(int days) { return (int) Math.floorMod(days + 4L, 7L); }

  public static int dayOfYear(int days) { return date(days).getDayOfYear(); }

  public static int daysOf(long micros) { return CastOps.timestampToDate(micros); }

  /** Microseconds since midnight. */
  public static long timeOfDay(long micros) { return Math.floorMod(micros, MICROS_PER_DAY); }

  public static int hour(long micros) { return (int) (timeOfDay(micros) / 3_600_000_000L); }

  public static int minute(long micros) { return (int) (timeOfDay(micros) / 60_000_000L % 60); }

  /** Whole seconds of the minute. */
  public static int second(long micros) { return (int) (timeOfDay(micros) / 1_000_000L % 60); }

  /** Seconds of the minute with the fraction, as microseconds (a DECIMAL(8,6) unscaled value). */
  public static long secondMicros(long micros) { return timeOfDay(micros) % 60_000_000L; }

  public static int truncUnit(Utf8String unit) {
    String u = unit.toString().trim().toLowerCase(Locale.ROOT);
    if (u.endsWith("s") && !u.equals("s")) u = u.substring(0, u.length() - 1);
    switch (u) {
      case "microsecond": case "us": return MICROSECOND;
      case "millisecond": case "ms": return MILLISECOND;
      case "second": return SECOND;
      case "minute": return MINUTE;
      case "hour": return HOUR;
      case "day": return DAY;
      case "week": return WEEK;
      case "month": return MONTH;
      case "quarter": return QUARTER;
      case "year": return YEAR;
      case "decade": return DECADE;
      case "century": return CENTURY;
      case "millennium": case "millennia": return MILLENNIUM;
      default:
        throw new EmberException(EvalErrors.INVALID_PARAMETER_VALUE, "unit \"" + unit + "\" not recognized for date_trunc");
    }
  }

  /** Truncates a date to the start of the unit (units below a day leave it unchanged). */
  public static int truncDate(int unit, int days) {
    if (unit <= DAY) return days;
    LocalDate d = date(days);
    LocalDate r = switch (unit) {
      case WEEK -> d.minusDays(Math.floorMod(days + 3L, 7L)); // back to Monday
      case MONTH -> d.withDayOfMonth(1);
      case QUARTER -> LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1);
      case YEAR -> LocalDate.of(d.getYear(), 1, 1);
      case DECADE -> LocalDate.of(Math.floorDiv(d.getYear(), 10) * 10, 1, 1);
      case CENTURY -> LocalDate.of(d.getYear() > 0 ? (d.getYear() - 1) / 100 * 100 + 1 : d.getYear() / 100 * 100 - 99, 1, 1);
      case MILLENNIUM -> LocalDate.of(d.getYear() > 0 ? (d.getYear() - 1) / 1000 * 1000 + 1 : d.getYear() / 1000 * 1000 - 999, 1, 1);
      default -> throw new IllegalArgumentException("unit " + unit);
    };
    return (int) r.toEpochDay();
  }

  public static long truncTimestamp(int unit, long micros) {
    return switch (unit) {
      case MICROSECOND -> micros;
      case MILLISECOND -> Math.floorDiv(micros, 1_000L) * 1_000L;
      case SECOND -> Math.floorDiv(micros, 1_000_000L) * 1_000_000L;
      case MINUTE -> Math.floorDiv(micros, 60_000_000L) * 60_000_000L;
      case HOUR -> Math.floorDiv(micros, 3_600_000_000L) * 3_600_000_000L;
      default -> truncDate(unit, daysOf(micros)) * MICROS_PER_DAY;
    };
  }

  public static int addMonths(int days, int months) {
    try {
      long r = date(days).plusMonths(months).toEpochDay();
      return IntegralOps.toInt(r);
    } catch (DateTimeException | ArithmeticException e) {
      throw EvalErrors.outOfRange("DATE");
    }
  }

  public static long addMonths(long micros, int months) {
    int days = daysOf(micros);
    long inDay = micros - days * MICROS_PER_DAY;
    return IntegralOps.addLong(CastOps.dateToTimestamp(addMonths(days, months)), inDay);
  }

  /** {@code DATE_ADD(date, n)}. */
  public static int addDays(int days, long n) {
    long r = days + n;
    if ((int) r != r || (n > 0 && r < days) || (n < 0 && r > days)) throw EvalErrors.outOfRange("DATE");
    return (int) r;
  }

  /** A date plus a day-time interval that is a whole number of days, as a DATE. */
  public static int addIntervalToDate(int days, long micros) {
    return addDays(days, Math.floorDiv(micros, MICROS_PER_DAY));
  }

  /** {@code DATEDIFF(end, start)}: days from start to end. */
  public static int dateDiff(int end, int start) { return IntegralOps.subtractInt(end, start); }

  /** Microseconds of a TIMESTAMP ± a day-time interval, checked. */
  public static long addMicros(long micros, long interval) { return IntegralOps.addLong(micros, interval); }
}
