package dev.ember.api;

import dev.ember.api.ColumnNode.Aliased;
import dev.ember.api.ColumnNode.Bound;
import dev.ember.api.ColumnNode.Lit;
import dev.ember.api.ColumnNode.Name;
import dev.ember.api.ColumnNode.Op;
import dev.ember.api.ColumnNode.Ordered;
import dev.ember.api.ColumnNode.Over;
import dev.ember.api.ColumnNode.Sql;
import dev.ember.api.ColumnNode.When;
import dev.ember.catalyst.errors.EmberException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a {@link ColumnNode} as the SQL expression the front end resolves, and as the column
 * name Spark would give it. Column references have already been resolved against the input
 * (eager analysis, see {@link Scope}) and are written as that input's quoted column, so the SQL
 * front end only types and coerces: one analyzer for SQL text and DataFrames alike.
 */
final class ColumnSql {
  private static final Pattern HOLE = Pattern.compile("\\{(\\d+|\\*)}");

  private ColumnSql() {}

  /** The SQL text of {@code node} with references written by {@code scope}. */
  static String sql(ColumnNode node, Scope scope) {
    Function<ColumnNode, String> self = n -> sql(n, scope);
    if (node instanceof Name n) return scope.sqlOf(scope.resolve(n.name()));
    if (node instanceof Bound b) return scope.sqlOf(scope.resolveBound(b));
    if (node instanceof Lit l) return literal(l.value());
    if (node instanceof Sql s) return "(" + s.text() + ")";
    if (node instanceof Op o) return fill(o.sql(), o.args(), self);
    if (node instanceof When w) {
      StringBuilder sb = new StringBuilder("(CASE");
      for (int i = 0; i < w.conditions().size(); i++) {
        sb.append(" WHEN ").append(sql(w.conditions().get(i), scope)).append(" THEN ").append(sql(w.values().get(i), scope));
      }
      if (w.otherwise() != null) sb.append(" ELSE ").append(sql(w.otherwise(), scope));
      return sb.append(" END)").toString();
    }
    if (node instanceof Aliased a) return sql(a.child(), scope);
    if (node instanceof Ordered o) {
      return sql(o.child(), scope) + (o.ascending() ? " ASC" : " DESC") + (o.nullsFirst() ? " NULLS FIRST" : " NULLS LAST");
    }
    if (node instanceof Over o) return sql(o.function(), scope) + " OVER (" + window(o.spec(), scope) + ")";
    throw new IllegalStateException("unknown column node " + node);
  }

  private static String window(WindowSpec spec, Scope scope) {
    List<String> parts = new ArrayList<>();
    if (!spec.partitionBy.isEmpty()) parts.add("PARTITION BY " + join(spec.partitionBy, n -> sql(n, scope)));
    if (!spec.orderBy.isEmpty()) parts.add("ORDER BY " + join(spec.orderBy, n -> sql(n, scope)));
    if (spec.frame != null) {
      parts.add((spec.frame.rows() ? "ROWS" : "RANGE") + " BETWEEN " + bound(spec.frame.start()) + " AND "
          + bound(spec.frame.end()));
    }
    return String.join(" ", parts);
  }

  private static String bound(long offset) {
    if (offset == Long.MIN_VALUE) return "UNBOUNDED PRECEDING";
    if (offset == Long.MAX_VALUE) return "UNBOUNDED FOLLOWING";
    if (offset == 0) return "CURRENT ROW";
    return offset < 0 ? (-offset) + " PRECEDING" : offset + " FOLLOWING";
  }

  /** The name Spark gives an unaliased column: {@code x}, {@code (x + 1)}, {@code sum(v)}. */
  static String display(ColumnNode node) {
    if (node instanceof Name n) {
      int dot = n.name().lastIndexOf('.');
      return dot < 0 ? n.name() : n.name().substring(dot + 1);
    }
    if (node instanceof Bound b) return b.name();
    if (node instanceof Lit l) return l.value() == null ? "NULL" : l.value().toString();
    if (node instanceof Sql s) return s.text();
    if (node instanceof Op o) return fill(o.display(), o.args(), ColumnSql::display);
    if (node instanceof When w) {
      StringBuilder sb = new StringBuilder("CASE");
      for (int i = 0; i < w.conditions().size(); i++) {
        sb.append(" WHEN ").append(display(w.conditions().get(i))).append(" THEN ").append(display(w.values().get(i)));
      }
      if (w.otherwise() != null) sb.append(" ELSE ").append(display(w.otherwise()));
      return sb.append(" END").toString();
    }
    if (node instanceof Aliased a) return a.name();
    if (node instanceof Ordered o) {
      return display(o.child()) + (o.ascending() ? " ASC" : " DESC") + (o.nullsFirst() ? " NULLS FIRST" : " NULLS LAST");
    }
    if (node instanceof Over o) return display(o.function()) + " OVER (…)";
    throw new IllegalStateException("unknown column node " + node);
  }

  private static String fill(String pattern, List<ColumnNode> args, Function<ColumnNode, String> f) {
    Matcher m = HOLE.matcher(pattern);
    int highest = -1;
    while (m.find()) if (!m.group(1).equals("*")) highest = Math.max(highest, Integer.parseInt(m.group(1)));
    m.reset();
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String g = m.group(1);
      String value = g.equals("*") ? join(args.subList(highest + 1, args.size()), f) : f.apply(args.get(Integer.parseInt(g)));
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static String join(List<ColumnNode> nodes, Function<ColumnNode, String> f) {
    List<String> out = new ArrayList<>();
    for (ColumnNode n : nodes) out.add(f.apply(n));
    return String.join(", ", out);
  }

  /** A Java value as a SQL literal of the matching type. */
  static String literal(Object v) {
    if (v == null) return "NULL";
    if (v instanceof Boolean b) return b ? "TRUE" : "FALSE";
    if (v instanceof Integer i) return i.toString();
    if (v instanceof Long l) return "CAST(" + l + " AS BIGINT)";
    if (v instanceof Short s) return "CAST(" + s + " AS SMALLINT)";
    if (v instanceof Byte b) return "CAST(" + b + " AS TINYINT)";
    if (v instanceof Double d) return floating(d, "DOUBLE");
    if (v instanceof Float f) return floating(f.doubleValue(), "REAL");
    if (v instanceof BigDecimal d) return d.toPlainString();
    if (v instanceof String s) return quote(s);
    if (v instanceof dev.ember.catalyst.types.Utf8String s) return quote(s.toString());
    if (v instanceof LocalDate d) return "DATE '" + d + "'";
    if (v instanceof java.sql.Date d) return "DATE '" + d.toLocalDate() + "'";
    if (v instanceof LocalDateTime t) return "TIMESTAMP '" + t.toString().replace('T', ' ') + "'";
    if (v instanceof java.sql.Timestamp t) return "TIMESTAMP '" + t.toLocalDateTime().toString().replace('T', ' ') + "'";
    if (v instanceof byte[] b) return "X'" + HexFormat.of().formatHex(b) + "'";
    throw new EmberException(EmberException.FEATURE_NOT_SUPPORTED,
        "not supported: a literal of Java type " + v.getClass().getName());
  }

  private static String floating(double d, String type) {
    if (Double.isNaN(d) || Double.isInfinite(d)) return "CAST('" + d + "' AS " + type + ")";
    String s = Double.toString(d);
    if (!s.contains("E")) s = s + "E0";
    return type.equals("DOUBLE") ? s : "CAST(" + s + " AS " + type + ")";
  }

  static String quote(String s) { return "'" + s.replace("'", "''") + "'"; }

  /** A quoted SQL identifier. */
  static String ident(String name) { return "\"" + name.replace("\"", "\"\"") + "\""; }
}
