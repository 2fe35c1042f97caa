package dev.ember.it.slt;

import dev.ember.catalyst.expr.eval.TextCasts;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * How a value is written in an expected-result line. Values come in the canonical forms of
 * {@link dev.ember.bench.CanonicalValues} (from Ember or from DuckDB), so both engines print through the
 * same code and Ember's own text forms ({@link TextCasts}, what {@code CAST(x AS VARCHAR)} gives):
 *
 * <ul>
 *   <li>NULL prints {@code NULL}; the empty string prints {@code (empty)} (as DuckDB's runner).
 *   <li>Integers print plainly; decimals with their scale ({@code 1.50} is not {@code 1.5}), so a
 *       file also checks Ember's decimal result types.
 *   <li>Doubles are first rounded to {@link #DOUBLE_DIGITS} significant digits and then printed in
 *       the shortest form that reads back ({@code 0.1 + 0.2} prints {@code 0.3}), so the last-bit
 *       differences between two engines' {@code ln} or between summation orders do not count;
 *       {@code nan}, {@code inf}, {@code -inf} as Ember prints them.
 *   <li>Booleans print {@code true}/{@code false}; dates {@code 1998-12-01}; timestamps
 *       {@code 1998-12-01 10:00:00[.ffffff]}.
 *   <li>A tab, newline or carriage return inside a string prints as {@code \t}, {@code \n}, {@code \r}
 *       (values in a row are separated by one tab).
 * </ul>
 */
final class SltText {
  /** Significant digits a double keeps before printing. */
  static final int DOUBLE_DIGITS = 12;

  /** Separates the values of one row on a line. */
  static final String SEPARATOR = "\t";

  private SltText() {}

  static String render(Object v) {
    if (v == null) return "NULL";
    if (v instanceof String s) return s.isEmpty() ? "(empty)" : escape(s);
    if (v instanceof BigDecimal d) return d.toPlainString();
    if (v instanceof Double d) return renderDouble(d);
    if (v instanceof Boolean b) return b ? "true" : "false";
    if (v instanceof LocalDate d) return TextCasts.formatDate(Math.toIntExact(d.toEpochDay()));
    if (v instanceof LocalDateTime t) {
      long micros = Math.addExact(Math.multiplyExact(t.toEpochSecond(ZoneOffset.UTC), 1_000_000L), t.getNano() / 1000);
      return TextCasts.formatTimestamp(micros);
    }
    return escape(v.toString());
  }

  static String renderDouble(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) return TextCasts.formatDouble(d);
    double rounded = new BigDecimal(d).round(new MathContext(DOUBLE_DIGITS)).doubleValue();
    return TextCasts.formatDouble(rounded);
  }

  private static String escape(String s) {
    return s.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }
}
