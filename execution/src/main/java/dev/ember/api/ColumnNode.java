package dev.ember.api;

import dev.ember.catalyst.expr.AttributeRef;
import java.util.List;

/**
 * The unresolved expression tree behind a {@link Column}. Column references are resolved against
 * a DataFrame's output when a transformation uses them (eagerly); everything else is resolved,
 * typed and coerced by the SQL front end, so a DataFrame expression means exactly what the same
 * SQL expression means (see {@link ColumnSql}).
 */
sealed interface ColumnNode {
  /** A column by name: {@code x}, {@code t.x}, or {@code *} / {@code t.*}. */
  record Name(String name) implements ColumnNode {}

  /** A column taken from a DataFrame ({@code df.col("x")}): it stays that DataFrame's column. */
  record Bound(AttributeRef attr, String name) implements ColumnNode {}

  /** A Java value: Integer, Long, Double, String, BigDecimal, LocalDate, … or null. */
  record Lit(Object value) implements ColumnNode {}

  /** A SQL expression as the user wrote it ({@code expr("a + 1")}). */
  record Sql(String text) implements ColumnNode {}

  /**
   * An operator or function: {@code sql} and {@code display} are patterns whose {@code {0}},
   * {@code {1}}, … stand for the arguments' SQL and display forms; a trailing {@code {*}} stands
   * for all arguments from the first unnumbered one, comma-separated.
   */
  record Op(String sql, String display, List<ColumnNode> args) implements ColumnNode {
    public Op { args = List.copyOf(args); }
  }

  /** {@code CASE WHEN c1 THEN v1 … ELSE otherwise END}; {@code otherwise} may be null. */
  record When(List<ColumnNode> conditions, List<ColumnNode> values, ColumnNode otherwise) implements ColumnNode {
    public When { conditions = List.copyOf(conditions); values = List.copyOf(values); }
  }

  record Aliased(ColumnNode child, String name) implements ColumnNode {}

  record Ordered(ColumnNode child, boolean ascending, boolean nullsFirst) implements ColumnNode {}

  record Over(ColumnNode function, WindowSpec spec) implements ColumnNode {}
}
