package dev.ember.api;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.AggregateCall;
import dev.ember.catalyst.expr.AggregateCall.AggFn;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Call;
import dev.ember.catalyst.expr.Cast;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.NamedAggregate;
import dev.ember.catalyst.optimizer.cbo.StatValues;
import dev.ember.catalyst.plan.logical.Aggregate;
import dev.ember.catalyst.plan.logical.Scan;
import dev.ember.catalyst.stats.ColumnStat;
import dev.ember.catalyst.stats.Statistics;
import dev.ember.catalyst.types.DataType;
import dev.ember.datasources.DataSourceTable;
import dev.ember.sql.AnalyzeTable;
import dev.ember.sql.Query;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Computes what {@code ANALYZE TABLE} stores, with one aggregation query over the table built as
 * a plan (no SQL text): {@code count(*)}, and per analyzed column the exact distinct count,
 * NULL count, and — for ordered types — min and max, for strings the average and longest length
 * in characters. The table's size is the source's ({@code NOSCAN} records only that). Numeric
 * and date columns also get an equi-height histogram ({@link HistogramSampler}, a second query).
 */
final class TableAnalyzer {
  private TableAnalyzer() {}

  /** Statistics without histograms (tests and callers that only need counts). */
  static Statistics analyze(DataSourceTable table, AnalyzeTable cmd, Function<Query, Object[]> runOneRow) {
    return analyze(table, cmd, runOneRow, (q, sink) -> { }, 0);
  }

  /**
   * @param runOneRow runs a query that returns one row and gives its values
   * @param forEachRow runs a query and gives each of its rows (for the histograms' sample)
   * @param histogramBins bins of the equi-height histograms of numeric and date columns; 0 for none
   */
  static Statistics analyze(DataSourceTable table, AnalyzeTable cmd, Function<Query, Object[]> runOneRow,
                            BiConsumer<Query, Consumer<Object[]>> forEachRow, int histogramBins) {
    Statistics source = table.statistics();
    if (cmd.noScan()) return new Statistics(OptionalLong.empty(), source.sizeInBytes());
    Scan scan = Scan.of(table);
    List<AttributeRef> columns = columns(scan, cmd);
    List<NamedAggregate> aggs = new ArrayList<>();
    aggs.add(agg(AggFn.COUNT, List.of(), false, DataType.BIGINT, "rows"));
    for (AttributeRef c : columns) {
      aggs.add(agg(AggFn.COUNT, List.of(c), true, DataType.BIGINT, c.name() + "_ndv"));
      aggs.add(agg(AggFn.COUNT, List.of(c), false, DataType.BIGINT, c.name() + "_nonnull"));
      if (ordered(c.type())) {
        aggs.add(agg(AggFn.MIN, List.of(c), false, c.type(), c.name() + "_min"));
        aggs.add(agg(AggFn.MAX, List.of(c), false, c.type(), c.name() + "_max"));
      }
      if (c.type().isString()) {
        Expr len = Call.of(Call.Fn.CHAR_LENGTH, DataType.INT, c);
        aggs.add(agg(AggFn.SUM, List.of(new Cast(len, DataType.BIGINT)), false, DataType.BIGINT, c.name() + "_len"));
        aggs.add(agg(AggFn.MAX, List.of(len), false, DataType.INT, c.name() + "_maxlen"));
      }
    }
    Aggregate plan = new Aggregate(List.of(), aggs, scan);
    Object[] row = runOneRow.apply(new Query(plan, aggs.stream().map(NamedAggregate::name).toList()));
    long rows = ((Number) row[0]).longValue();
    Map<String, ColumnStat> stats = new HashMap<>();
    Map<String, Long> distinct = new HashMap<>(), nonNulls = new HashMap<>();
    int at = 1;
    for (AttributeRef c : columns) {
      long ndv = ((Number) row[at++]).longValue();
      long nonNull = ((Number) row[at++]).longValue();
      Object min = null, max = null;
      if (ordered(c.type())) {
        min = row[at++];
        max = row[at++];
      }
      OptionalDouble avgLen = OptionalDouble.empty();
      OptionalLong maxLen = OptionalLong.empty();
      if (c.type().isString()) {
        Object total = row[at++], longest = row[at++];
        if (nonNull > 0 && total != null) avgLen = OptionalDouble.of(((Number) total).doubleValue() / nonNull);
        if (longest != null) maxLen = OptionalLong.of(((Number) longest).longValue());
      }
      stats.put(c.name(), new ColumnStat(OptionalLong.of(ndv), min, max, OptionalLong.of(rows - nonNull), avgLen, maxLen));
      distinct.put(c.name(), ndv);
      nonNulls.put(c.name(), nonNull);
    }
    List<AttributeRef> histogramColumns = columns.stream()
        .filter(c -> HistogramSampler.applies(c.type()) && nonNulls.get(c.name()) > 0).toList();
    HistogramSampler.build(scan, histogramColumns, rows, nonNulls, distinct, histogramBins, forEachRow)
        .forEach((name, h) -> stats.put(name, stats.get(name).withHistogram(h)));
    return new Statistics(OptionalLong.of(rows), source.sizeInBytes(), stats);
  }

  private static List<AttributeRef> columns(Scan scan, AnalyzeTable cmd) {
    if (cmd.allColumns()) return scan.output();
    List<AttributeRef> out = new ArrayList<>();
    for (String name : cmd.columns()) {
      AttributeRef a = scan.output().stream().filter(o -> o.name().equalsIgnoreCase(name)).findFirst()
          .orElseThrow(() -> new EmberException(EmberException.UNDEFINED_COLUMN,
              "column '" + name + "' is not in table " + scan.table().name()));
      if (!out.contains(a)) out.add(a);
    }
    return out;
  }

  private static boolean ordered(DataType t) {
    return StatValues.ordered(t) && t.id() != dev.ember.catalyst.types.TypeId.BOOLEAN;
  }

  private static NamedAggregate agg(AggFn fn, List<Expr> args, boolean distinct, DataType type, String name) {
    return NamedAggregate.of(new AggregateCall(fn, args, distinct, null, type), name.toLowerCase(Locale.ROOT));
  }
}
