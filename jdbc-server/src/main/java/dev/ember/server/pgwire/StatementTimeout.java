package dev.ember.server.pgwire;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's {@code statement_timeout} value — milliseconds, or a number with a unit
 * ({@code 500ms}, {@code 2s}, {@code 1min}, {@code 1h}) — as the seconds of Ember's
 * {@code ember.sql.queryTimeout}.
 */
final class StatementTimeout {
  private static final Pattern VALUE = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|min|h|d)?\\s*");

  private StatementTimeout() {}

  static double seconds(String value) {
    Matcher m = VALUE.matcher(value.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new PgError(PgError.INVALID_PARAMETER_VALUE, "invalid value for parameter \"statement_timeout\": \"" + value + "\"");
    }
    double n = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "ms" : m.group(2);
    return switch (unit) {
      case "ms" -> n / 1000;
      case "s" -> n;
      case "min" -> n * 60;
      case "h" -> n * 3600;
      default -> n * 86400;
    };
  }
}
