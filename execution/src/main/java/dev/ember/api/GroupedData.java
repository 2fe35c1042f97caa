package dev.ember.api;

import static dev.ember.api.ColumnSql.ident;

import dev.ember.catalyst.errors.EmberException;
import java.util.ArrayList;
import java.util.List;

/** A DataFrame grouped by some columns, waiting for its aggregates: {@code df.groupBy("k").agg(sum("v"))}. */
public final class GroupedData {
  private final DataFrame df;
  private final List<Column> groupings;

  GroupedData(DataFrame df, List<Column> groupings) {
    this.df = df;
    this.groupings = List.copyOf(groupings);
    Scope scope = df.scope();
    for (Column g : groupings) ColumnSql.sql(g.node, scope);
  }

  /** The grouping columns, then one column per aggregate. */
  public DataFrame agg(Column agg, Column... more) {
    List<Column> aggs = new ArrayList<>();
    aggs.add(agg);
    aggs.addAll(List.of(more));
    return agg(aggs);
  }

  public DataFrame agg(List<Column> aggs) {
    PlanInput in = df.input();
    Scope scope = df.scope(in);
    List<String> items = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (Column g : groupings) {
      items.addAll(DataFrame.selectItems(g.node, scope));
      keys.add(ColumnSql.sql(g.node, scope));
    }
    for (Column a : aggs) items.addAll(DataFrame.selectItems(a.node, scope));
    String sql = "SELECT " + String.join(", ", items) + " FROM " + ident(DataFrame.IN)
        + (keys.isEmpty() ? "" : " GROUP BY " + String.join(", ", keys));
    return df.compile(List.of(in), sql);
  }

  /**
   * Spark's {@code agg(Map.of("x", "max", "y", "avg"))}: column name to aggregate name (sum, avg,
   * mean, min, max, count, first, stddev, variance), in the map's iteration order; each result
   * column is named like {@code max(x)}.
   */
  public DataFrame agg(java.util.Map<String, String> exprs) {
    List<Column> aggs = new ArrayList<>();
    for (java.util.Map.Entry<String, String> e : exprs.entrySet()) {
      Column c = functions.col(e.getKey());
      aggs.add(switch (e.getValue().toLowerCase(java.util.Locale.ROOT)) {
        case "sum" -> functions.sum(c);
        case "avg", "mean" -> functions.avg(c);
        case "min" -> functions.min(c);
        case "max" -> functions.max(c);
        case "count" -> functions.count(c);
        case "first" -> functions.first(c);
        case "stddev", "stddev_samp" -> functions.stddev(c);
        case "variance", "var_samp" -> functions.variance(c);
        default -> throw new EmberException(EmberException.UNDEFINED_FUNCTION, "Unknown aggregate '" + e.getValue()
            + "'. Accepted: sum, avg, mean, min, max, count, first, stddev, variance");
      });
    }
    return agg(aggs);
  }

  /** The number of rows of each group, as {@code count}. */
  public DataFrame count() { return agg(functions.count(functions.col("*")).alias("count")); }

  public DataFrame sum(String... cols) { return each(cols, "sum"); }

  public DataFrame avg(String... cols) { return each(cols, "avg"); }

  public DataFrame mean(String... cols) { return each(cols, "avg"); }

  public DataFrame min(String... cols) { return each(cols, "min"); }

  public DataFrame max(String... cols) { return each(cols, "max"); }

  private DataFrame each(String[] cols, String fn) {
    if (cols.length == 0) throw new EmberException(EmberException.SYNTAX_ERROR, fn + "() needs at least one column");
    List<Column> aggs = new ArrayList<>();
    for (String c : cols) {
      Column col = functions.col(c);
      aggs.add(switch (fn) {
        case "sum" -> functions.sum(col);
        case "avg" -> functions.avg(col);
        case "min" -> functions.min(col);
        default -> functions.max(col);
      });
    }
    return agg(aggs);
  }
}
