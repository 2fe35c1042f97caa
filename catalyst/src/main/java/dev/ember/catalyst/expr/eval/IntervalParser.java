package dev.ember.catalyst.expr.eval;

import dev.ember.catalyst.types.DataType;
import java.util.Locale;

/**
 * Parses interval text: a sequence of {@code <number> <unit>} (year, month, week, day, hour,
 * minute, second, millisecond, microsecond; singular, plural or PostgreSQL's short forms) and an
 * optional {@code [-]HH:MM[:SS[.ffffff]]} part, e.g. {@code 1 year 2 months},
 * {@code 3 days 01:02:03.5}. A YEAR TO MONTH interval accepts only years and months; a DAY TO
 * SECOND interval accepts everything but them (Ember keeps the two kinds apart).
 */
final class IntervalParser {
  private IntervalParser() {}

  static int parseYearMonth(String text) {
    long[] parts = parse(text, DataType.INTERVAL_YEAR_MONTH);
    if (parts[1] != 0) throw EvalErrors.invalidText(text, DataType.INTERVAL_YEAR_MONTH);
    return IntegralOps.toInt(parts[0]);
  }

  static long parseDayTime(String text) {
    long[] parts = parse(text, DataType.INTERVAL_DAY_TIME);
    if (parts[0] != 0) throw EvalErrors.invalidText(text, DataType.INTERVAL_DAY_TIME);
    return parts[1];
  }

  /** {months, micros}. */
  private static long[] parse(String text, DataType target) {
    String[] tokens = text.trim().toLowerCase(Locale.ROOT).split("\\s+");
    if (tokens.length == 0 || tokens[0].isEmpty()) throw EvalErrors.invalidText(text, target);
    long months = 0, micros = 0;
    try {
      for (int i = 0; i < tokens.length; i++) {
        String t = tokens[i];
        if (t.indexOf(':') >= 0) {
          micros = Math.addExact(micros, time(t, text, target));
          continue;
        }
        if (i + 1 >= tokens.length) throw EvalErrors.invalidText(text, target);
        String unit = tokens[++i];
        java.math.BigDecimal n = new java.math.BigDecimal(t);
        switch (unit) {
          case "year": case "years": case "y": case "yr": case "yrs":
            months = Math.addExact(months, n.multiply(java.math.BigDecimal.valueOf(12)).longValueExact()); break;
          case "month": case "months": case "mon": case "mons":
            months = Math.addExact(months, n.longValueExact()); break;
          case "week": case "weeks": case "w":
            micros = Math.addExact(micros, scaled(n, 7 * CastOps.MICROS_PER_DAY)); break;
          case "day": case "days": case "d":
            micros = Math.addExact(micros, scaled(n, CastOps.MICROS_PER_DAY)); break;
          case "hour": case "hours": case "h": case "hr": case "hrs":
            micros = Math.addExact(micros, scaled(n, 3_600_000_000L)); break;
          case "minute": case "minutes": case "min": case "mins": case "m":
            micros = Math.addExact(micros, scaled(n, 60_000_000L)); break;
          case "second": case "seconds": case "sec": case "secs": case "s":
            micros = Math.addExact(micros, scaled(n, 1_000_000L)); break;
          case "millisecond": case "milliseconds": case "ms": case "msec": case "msecs":
            micros = Math.addExact(micros, scaled(n, 1_000L)); break;
          case "microsecond": case "microseconds": case "us": case "usec": case "usecs":
            micros = Math.addExact(micros, n.longValueExact()); break;
          default:
            throw EvalErrors.invalidText(text, target);
        }
      }
    } catch (NumberFormatException | ArithmeticException e) {
      throw EvalErrors.invalidText(text, target);
    }
    return new long[] {months, micros};
  }

  private static long scaled(java.math.BigDecimal n, long unitMicros) {
    return n.multiply(java.math.BigDecimal.valueOf(unitMicros)).setScale(0, java.math.RoundingMode.HALF_UP)
        .longValueExact();
  }

  private static long time(String t, String text, DataType target) {
    boolean neg = t.startsWith("-");
    String[] hms = (neg || t.startsWith("+") ? t.substring(1) : t).split(":");
    if (hms.length < 2 || hms.length > 3) throw EvalErrors.invalidText(text, target);
    long h = Long.parseLong(hms[0]), m = Long.parseLong(hms[1]);
    java.math.BigDecimal sec = hms.length == 3 ? new java.math.BigDecimal(hms[2]) : java.math.BigDecimal.ZERO;
    if (h < 0 || m < 0 || m > 59 || sec.signum() < 0 || sec.compareTo(java.math.BigDecimal.valueOf(60)) >= 0) {
      throw EvalErrors.invalidText(text, target);
    }
    long micros = Math.addExact(Math.multiplyExact(h * 60 + m, 60_000_000L), scaled(sec, 1_000_000L));
    return neg ? -micros : micros;
  }
}
