package dev.ember.api;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.plan.logical.Values;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Utf8String;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code df.describe()}: count, mean, stddev (sample), min and max of numeric and string columns,
 * one row per statistic, every value as a string (mean and stddev only for numbers), as Spark.
 * The statistics are computed when describe is called, in one aggregation query.
 */
final class Describe {
  private static final String[] STATS = {"count", "mean", "stddev", "min", "max"};

  private Describe() {}

  static DataFrame of(DataFrame df, String[] names) {
    List<AttributeRef> cols = new ArrayList<>();
    Scope scope = df.scope();
    if (names.length == 0) {
      for (AttributeRef a : df.plan.output()) if (a.type().isNumeric() || a.type().isString()) cols.add(a);
    } else {
      for (String n : names) cols.add(scope.resolve(n));
    }
    List<Column> aggs = new ArrayList<>();
    for (AttributeRef a : cols) {
      Column c = new Column(new ColumnNode.Bound(a, a.name()));
      boolean numeric = a.type().isNumeric();
      aggs.add(functions.count(c));
      aggs.add(numeric ? functions.avg(c.cast(DataType.DOUBLE)) : functions.lit(null).cast(DataType.DOUBLE));
      aggs.add(numeric ? functions.stddev(c.cast(DataType.DOUBLE)) : functions.lit(null).cast(DataType.DOUBLE));
      aggs.add(functions.min(c));
      aggs.add(functions.max(c));
    }
    List<Row> stats = aggs.isEmpty() ? List.of() : df.groupBy(new Column[0]).agg(aggs).collectAsList();
    List<AttributeRef> output = new ArrayList<>();
    output.add(AttributeRef.of("summary", DataType.VARCHAR, false));
    for (AttributeRef a : cols) output.add(AttributeRef.of(a.name(), DataType.VARCHAR, true));
    List<List<Object>> rows = new ArrayList<>();
    for (int s = 0; s < STATS.length; s++) {
      List<Object> row = new ArrayList<>();
      row.add(Utf8String.of(STATS[s]));
      for (int c = 0; c < cols.size(); c++) {
        Object v = stats.isEmpty() ? null : stats.get(0).get(c * STATS.length + s);
        row.add(v == null ? null : Utf8String.of(text(v)));
      }
      rows.add(row);
    }
    return new DataFrame(df.state, new Values(output, rows));
  }

  private static String text(Object v) {
    if (v instanceof java.math.BigDecimal d) return d.toPlainString();
    return v.toString();
  }
}
