package dev.ember.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether Ember's answer to a query is DuckDB's answer.
 *
 * <ul>
 *   <li>Same number of columns and rows.
 *   <li>Values ({@link #same}): integers, strings and dates exactly; decimals numerically
 *       ({@code 1.50 = 1.5}); two doubles within a relative {@link #RELATIVE_TOLERANCE}; a decimal
 *       and a double (DuckDB answers {@code avg} in DOUBLE where Ember answers DECIMAL with a
 *       fixed scale s) within that relative tolerance or within half a unit of the decimal's last
 *       place, 0.5·10⁻ˢ, which is the rounding to s digits.
 *   <li>Rows are compared position by position; when that fails, both sides are sorted on every
 *       column and compared again, so rows that tie on the ORDER BY keys (or a query without
 *       ORDER BY) may come in another order. Such an answer agrees, with a note.
 * </ul>
 */
public final class AnswerCheck {
  public static final double RELATIVE_TOLERANCE = 1e-6;

  private AnswerCheck() {}

  /** The verdict: {@code agrees}, with a note when it needed re-sorting or when it failed. */
  public record Verdict(boolean agrees, String note) {
    static final Verdict EXACT = new Verdict(true, "");
  }

  public static Verdict check(Answer expected, Answer actual) {
    return check(expected, actual, "Ember");
  }

  /** As {@link #check(Answer, Answer)}, naming the engine that gave {@code actual} in the notes. */
  public static Verdict check(Answer expected, Answer actual, String actualEngine) {
    if (expected.columns().size() != actual.columns().size()) {
      return new Verdict(false, "columns: DuckDB " + expected.columns().size() + ", " + actualEngine + " " + actual.columns().size());
    }
    if (expected.rowCount() != actual.rowCount()) {
      return new Verdict(false, "rows: DuckDB " + expected.rowCount() + ", " + actualEngine + " " + actual.rowCount());
    }
    if (firstDifference(expected.rows(), actual.rows()) < 0) return Verdict.EXACT;
    List<List<Object>> exp = sorted(expected.rows());
    List<List<Object>> act = sorted(actual.rows());
    int at = firstDifference(exp, act);
    if (at < 0) return new Verdict(true, "same rows in another order");
    return new Verdict(false, "row " + at + " (sorted): DuckDB " + show(exp.get(at)) + " vs " + actualEngine + " " + show(act.get(at)));
  }

  /** Whether two canonical values are the same answer (see the class comment). */
  public static boolean same(Object a, Object b) {
    if (a == null || b == null) return a == b;
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) return x.compareTo(y) == 0;
    if (a instanceof Double x && b instanceof Double y) return closeDoubles(x, y);
    if (a instanceof BigDecimal x && b instanceof Double y) return decimalMatchesDouble(x, y);
    if (a instanceof Double x && b instanceof BigDecimal y) return decimalMatchesDouble(y, x);
    return Objects.equals(a, b);
  }

  static boolean closeDoubles(double x, double y) {
    if (Double.compare(x, y) == 0) return true;
    if (!Double.isFinite(x) || !Double.isFinite(y)) return false;
    return Math.abs(x - y) <= RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
  }

  static boolean decimalMatchesDouble(BigDecimal d, double x) {
    if (!Double.isFinite(x)) return false;
    double diff = Math.abs(d.doubleValue() - x);
    double halfUnit = 0.5 * Math.pow(10, -Math.max(d.scale(), 0));
    return diff <= halfUnit * (1 + 1e-9) || closeDoubles(d.doubleValue(), x);
  }

  private static int firstDifference(List<List<Object>> a, List<List<Object>> b) {
    for (int i = 0; i < a.size(); i++) {
      List<Object> x = a.get(i);
      List<Object> y = b.get(i);
      for (int c = 0; c < x.size(); c++) if (!same(x.get(c), y.get(c))) return i;
    }
    return -1;
  }

  private static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>(rows);
    copy.sort(ROWS);
    return copy;
  }

  /** Orders rows column by column; numbers of either kind by value, nulls first. */
  private static final Comparator<List<Object>> ROWS = (x, y) -> {
    for (int c = 0; c < x.size(); c++) {
      int r = compareValues(x.get(c), y.get(c));
      if (r != 0) return r;
    }
    return 0;
  };

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareValues(Object a, Object b) {
    if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
    if (a instanceof Number x && b instanceof Number y) {
      if (a instanceof BigDecimal p && b instanceof BigDecimal q) return p.compareTo(q);
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof Comparable ca && a.getClass() == b.getClass()) return ca.compareTo(b);
    return a.toString().compareTo(b.toString());
  }

  private static String show(List<Object> row) {
    return row.stream().map(CanonicalValues::show).collect(Collectors.joining(" | ", "[", "]"));
  }
}
