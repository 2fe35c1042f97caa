package dev.ember.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a query promises about the order of its rows: the output columns of its outermost
 * ORDER BY (empty when it has none, so any order is right), and its LIMIT, if any.
 *
 * <p>{@link #of} reads these from the SQL text: the last ORDER BY outside parentheses, each
 * item an output column's name or alias (optionally qualified), or a 1-based ordinal, with
 * ASC/DESC/NULLS ignored — the direction does not matter to a comparison that checks the rows
 * of both engines position by position. An ORDER BY on an expression fails loudly: give the
 * columns with {@link #columns} then.
 */
public record OrderSpec(List<Integer> keyColumns, long limit) {
  public static final long NO_LIMIT = -1;

  private static final Pattern ORDER_BY = Pattern.compile("\\border\\s+by\\b");
  private static final Pattern LIMIT = Pattern.compile("\\blimit\\s+(\\d+)");
  private static final Pattern DIRECTION = Pattern.compile("(\\s+(asc|desc))?(\\s+nulls\\s+(first|last))?\\s*$");
  private static final Pattern OFFSET = Pattern.compile("\\boffset\\s+\\d+");

  public OrderSpec { keyColumns = List.copyOf(keyColumns); }

  /** No order promised and no limit: compare as multisets. */
  public static OrderSpec unordered() { return new OrderSpec(List.of(), NO_LIMIT); }

  /** Ordered by these output columns (0-based). */
  public static OrderSpec columns(int... columns) {
    List<Integer> keys = new ArrayList<>();
    for (int c : columns) keys.add(c);
    return new OrderSpec(keys, NO_LIMIT);
  }

  public boolean ordered() { return !keyColumns.isEmpty(); }

  public boolean hasLimit() { return limit >= 0; }

  /** Derives the spec from {@code sql}, whose result has the given column labels. */
  public static OrderSpec of(String sql, List<String> outputColumns) {
    return of(sql, outputColumns, false);
  }

  private static OrderSpec of(String sql, List<String> outputColumns, boolean lenient) {
    String text = blankQuotedAndComments(sql).toLowerCase(Locale.ROOT);
    int orderAt = lastAtDepthZero(ORDER_BY, text);
    long limit = NO_LIMIT;
    int limitAt = lastAtDepthZero(LIMIT, text);
    if (limitAt >= 0) {
      Matcher m = LIMIT.matcher(text);
      m.find(limitAt);
      limit = Long.parseLong(m.group(1));
    }
    if (orderAt < 0 || orderAt < openingOfLastTopLevelQuery(text)) return new OrderSpec(List.of(), limit);
    int from = text.indexOf("by", orderAt) + 2;
    int offsetAt = lastAtDepthZero(OFFSET, text);
    int to = limitAt > orderAt ? limitAt : endOfStatement(text);
    if (offsetAt > orderAt && offsetAt < to) to = offsetAt;
    List<Integer> keys = new ArrayList<>();
    for (String item : splitAtDepthZero(text.substring(from, to))) {
      String key = DIRECTION.matcher(" " + item.trim()).replaceFirst("").trim();
      if (!lenient) {
        keys.add(resolve(key, outputColumns, sql));
        continue;
      }
      int column = resolveLeniently(key, outputColumns);
      if (column < 0) break;
      keys.add(column);
    }
    if (lenient && keys.isEmpty()) return unordered();
    return new OrderSpec(keys, limit);
  }

  /**
   * Like {@link #of}, for query texts one cannot annotate (TPC-DS): ORDER BY items that are not
   * output columns end the key list, so the order is checked on the leading items that are and
   * rows tied on those are compared as multisets. When not even the first item is an output
   * column, the whole answer is compared as a multiset, LIMIT or not (right as long as the
   * query's full ORDER BY leaves no tie at the cut-off, which the TPC-DS queries are written for).
   * An item also matches a column whose label is the item's text, as DuckDB labels unaliased
   * expressions ({@code substr(w_warehouse_name, 1, 20)}).
   */
  public static OrderSpec lenient(String sql, List<String> outputColumns) {
    return of(sql, outputColumns, true);
  }

  private static int resolveLeniently(String item, List<String> outputColumns) {
    try {
      return resolve(item, outputColumns, "");
    } catch (IllegalArgumentException notAColumn) {
      String wanted = item.replaceAll("[\\s\"]", "");
      for (int i = 0; i < outputColumns.size(); i++) {
        if (outputColumns.get(i).replaceAll("[\\s\"]", "").equalsIgnoreCase(wanted)) return i;
      }
      return -1;
    }
  }

  private static int resolve(String item, List<String> outputColumns, String sql) {
    if (item.matches("\\d+")) {
      int ordinal = Integer.parseInt(item);
      if (ordinal >= 1 && ordinal <= outputColumns.size()) return ordinal - 1;
    } else if (item.matches("[a-z_][a-z0-9_$]*(\\.[a-z_][a-z0-9_$]*)?|\"[^\"]+\"")) {
      String name = item.substring(item.lastIndexOf('.') + 1).replace("\"", "");
      for (int i = 0; i < outputColumns.size(); i++) {
        if (outputColumns.get(i).equalsIgnoreCase(name)) return i;
      }
    }
    throw new IllegalArgumentException("ORDER BY item '" + item + "' is not an output column of "
        + outputColumns + "; give the order with OrderSpec.columns(…) for:\n" + sql);
  }

  /** Replaces the contents of string literals, quoted identifiers and comments with spaces. */
  static String blankQuotedAndComments(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
        while (i < sql.length() && sql.charAt(i) != '\n') { out.append(' '); i++; }
      } else if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        end = end < 0 ? sql.length() : end + 2;
        while (i < end) { out.append(' '); i++; }
      } else if (c == '\'') {
        out.append(c);
        i++;
        while (i < sql.length() && sql.charAt(i) != '\'') { out.append(' '); i++; }
        if (i < sql.length()) { out.append('\''); i++; }
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static int lastAtDepthZero(Pattern p, String text) {
    Matcher m = p.matcher(text);
    int found = -1;
    while (m.find()) if (depthAt(text, m.start()) == 0) found = m.start();
    return found;
  }

  /** Where the outermost query that the last top-level ORDER BY could belong to starts (after a set operation). */
  private static int openingOfLastTopLevelQuery(String text) {
    return lastAtDepthZero(Pattern.compile("\\b(union|intersect|except)\\b"), text);
  }

  private static int depthAt(String text, int pos) {
    int depth = 0;
    for (int i = 0; i < pos; i++) {
      char c = text.charAt(i);
      if (c == '(') depth++;
      else if (c == ')') depth--;
    }
    return depth;
  }

  private static int endOfStatement(String text) {
    int end = text.length();
    while (end > 0 && (Character.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == ';')) end--;
    return end;
  }

  private static List<String> splitAtDepthZero(String s) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') depth++;
      else if (c == ')') depth--;
      else if (c == ',' && depth == 0) {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }
}
