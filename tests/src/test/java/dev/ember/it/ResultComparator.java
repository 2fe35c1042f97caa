package dev.ember.it;

import dev.ember.bench.CanonicalValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Compares an expected answer (DuckDB's) with an actual one (Ember's) under an {@link OrderSpec}.
 *
 * <ul>
 *   <li>Same number of columns and rows.
 *   <li>Row by row, the ORDER BY columns must be the same values ({@link ValueEquality}): this
 *       checks the order itself.
 *   <li>Rows whose ORDER BY values tie (all rows when there is no ORDER BY) may come in any order,
 *       so each such run is compared as a multiset: both sides sorted by every column, exact
 *       columns first (an approximate column cannot reorder rows unless everything exact ties),
 *       then compared row by row.
 *   <li>With a LIMIT that the answer reaches, the last run may legitimately hold different rows
 *       of the same ORDER BY values; it is checked on those values only.
 * </ul>
 *
 * A mismatch is described with the first differing row and a few rows around it from both engines.
 */
public final class ResultComparator {
  /** Rows shown from each engine around the first difference. */
  static final int CONTEXT_ROWS = 5;

  private ResultComparator() {}

  /** Empty when {@code actual} is a right answer; otherwise what differs. */
  public static Optional<String> compare(QueryRows expected, QueryRows actual, OrderSpec order) {
    int width = expected.columns().size();
    if (actual.columns().size() != width) {
      return Optional.of("column count differs: expected " + width + " " + expected.columns()
          + ", actual " + actual.columns().size() + " " + actual.columns());
    }
    List<List<Object>> exp = new ArrayList<>(expected.rows());
    List<List<Object>> act = new ArrayList<>(actual.rows());
    int[] keys = order.keyColumns().stream().mapToInt(Integer::intValue).toArray();
    int n = Math.min(exp.size(), act.size());
    for (int i = 0; i < n; i++) {
      if (!sameColumns(exp.get(i), act.get(i), keys)) {
        return Optional.of(describe("rows out of order or wrong in ORDER BY columns " + names(expected, keys), expected, exp, act, i));
      }
    }
    if (exp.size() != act.size()) {
      return Optional.of(describe("row count differs: expected " + exp.size() + ", actual " + act.size(), expected, exp, act, n));
    }
    int[] sortOrder = exactColumnsFirst(exp, act, width);
    int start = 0;
    while (start < n) {
      int end = start + 1;
      while (end < n && sameColumns(exp.get(start), exp.get(end), keys)) end++;
      boolean truncatedTail = end == n && order.hasLimit() && n == order.limit();
      if (!truncatedTail) {
        exp.subList(start, end).sort(ValueOrder.rows(sortOrder));
        act.subList(start, end).sort(ValueOrder.rows(sortOrder));
        for (int i = start; i < end; i++) {
          if (!sameColumns(exp.get(i), act.get(i), sortOrder)) {
            String what = keys.length == 0 ? "rows differ (compared as multisets, rows sorted)"
                : "rows differ among rows tied on ORDER BY " + names(expected, keys) + " (rows " + start + ".." + (end - 1)
                    + ", sorted)";
            return Optional.of(describe(what, expected, exp, act, i));
          }
        }
      }
      start = end;
    }
    return Optional.empty();
  }

  private static boolean sameColumns(List<Object> a, List<Object> b, int[] columns) {
    for (int c : columns) if (!ValueEquality.same(a.get(c), b.get(c))) return false;
    return true;
  }

  /** All columns, those holding only exact values on both sides first. */
  private static int[] exactColumnsFirst(List<List<Object>> exp, List<List<Object>> act, int width) {
    List<Integer> exact = new ArrayList<>();
    List<Integer> approximate = new ArrayList<>();
    for (int c = 0; c < width; c++) {
      (hasDouble(exp, c) || hasDouble(act, c) ? approximate : exact).add(c);
    }
    exact.addAll(approximate);
    return exact.stream().mapToInt(Integer::intValue).toArray();
  }

  private static boolean hasDouble(List<List<Object>> rows, int column) {
    for (List<Object> r : rows) if (r.get(column) instanceof Double) return true;
    return false;
  }

  private static String names(QueryRows rows, int[] columns) {
    List<String> names = new ArrayList<>();
    for (int c : columns) names.add(rows.columns().get(c));
    return names.toString();
  }

  private static String describe(String what, QueryRows expected, List<List<Object>> exp, List<List<Object>> act, int at) {
    int from = Math.max(0, at - 1);
    StringBuilder sb = new StringBuilder(what).append(" at row ").append(at).append('\n');
    sb.append("columns: ").append(expected.columns()).append('\n');
    sb.append("DuckDB (expected), ").append(exp.size()).append(" rows:\n");
    appendRows(sb, exp, from, at);
    sb.append("Ember (actual), ").append(act.size()).append(" rows:\n");
    appendRows(sb, act, from, at);
    return sb.toString();
  }

  private static void appendRows(StringBuilder sb, List<List<Object>> rows, int from, int marked) {
    int to = Math.min(rows.size(), from + CONTEXT_ROWS);
    if (from >= to) sb.append("  (no rows here)\n");
    for (int i = from; i < to; i++) {
      sb.append(i == marked ? "> " : "  ").append(i).append(": ")
          .append(rows.get(i).stream().map(CanonicalValues::show).collect(Collectors.joining(" | "))).append('\n');
    }
  }
}
