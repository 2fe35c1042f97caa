package dev.ember.it.slt;

import dev.ember.catalyst.types.DataType;
import java.util.Locale;

/**
 * The column type letters of a {@code query} header: {@code I} integer (TINYINT … BIGINT,
 * DuckDB's HUGEINT), {@code R} real or decimal (FLOAT, DOUBLE, DECIMAL), {@code T} text,
 * {@code B} boolean, {@code D} date, {@code P} timestamp, {@code ?} anything else (intervals,
 * binary, untyped NULL). A header letter {@code ?} accepts any column. Ember's result types are
 * checked against the letters; DuckDB's only against their count, since the engines
 * legitimately differ (DuckDB's avg is a DOUBLE, Ember's a DECIMAL: both are {@code R}).
 */
final class SltTypes {
  private SltTypes() {}

  static char ofEmber(DataType type) {
    return switch (type.id()) {
      case TINYINT, SMALLINT, INT, BIGINT -> 'I';
      case FLOAT, DOUBLE, DECIMAL -> 'R';
      case VARCHAR -> 'T';
      case BOOLEAN -> 'B';
      case DATE -> 'D';
      case TIMESTAMP, TIMESTAMP_TZ -> 'P';
      case NULL, VARBINARY, INTERVAL_YEAR_MONTH, INTERVAL_DAY_TIME, ARRAY -> '?';
    };
  }

  /** The letter of a DuckDB JDBC column type name such as {@code DECIMAL(15,2)} or {@code BIGINT}. */
  static char ofDuckDb(String typeName) {
    String t = typeName.toUpperCase(Locale.ROOT);
    if (t.matches("(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT))")) return 'I';
    if (t.startsWith("DECIMAL") || t.equals("DOUBLE") || t.equals("FLOAT") || t.equals("REAL")) return 'R';
    if (t.equals("VARCHAR")) return 'T';
    if (t.equals("BOOLEAN")) return 'B';
    if (t.equals("DATE")) return 'D';
    if (t.startsWith("TIMESTAMP")) return 'P';
    return '?';
  }

  /** Whether the actual letters satisfy the header's letters. */
  static boolean matches(String expected, String actual) {
    if (expected.length() != actual.length()) return false;
    for (int i = 0; i < expected.length(); i++) {
      char e = expected.charAt(i);
      if (e != '?' && e != actual.charAt(i)) return false;
    }
    return true;
  }
}
