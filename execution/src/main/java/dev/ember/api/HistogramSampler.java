package dev.ember.api;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.Call;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.NamedExpr;
import dev.ember.catalyst.optimizer.cbo.StatValues;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Project;
import dev.ember.catalyst.plan.logical.Scan;
import dev.ember.catalyst.stats.Histogram;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.TypeId;
import dev.ember.sql.Query;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Builds the equi-height histograms {@code ANALYZE TABLE … FOR COLUMNS} stores for numeric, date
 * and timestamp columns, from one more query over the table: all rows when the table has at most
 * {@link #SAMPLE_ROWS}, else a Bernoulli sample of about that many ({@code random() < p}). The
 * values are sorted in memory and cut into bins (Spark computes bin bounds with percentiles over
 * all rows; a sample of 100,000 values puts each of 254 bins' bounds within a fraction of a bin).
 */
final class HistogramSampler {
  /** Rows sampled at most (about): enough for 254 bins of ~400 values each. */
  static final int SAMPLE_ROWS = 100_000;

  private HistogramSampler() {}

  /** Whether ANALYZE builds a histogram for a column of {@code type}. */
  static boolean applies(DataType type) {
    return (type.isNumeric() || type.id() == TypeId.DATE || type.id() == TypeId.TIMESTAMP
        || type.id() == TypeId.TIMESTAMP_TZ);
  }

  /**
   * @param nonNullRows per column name, its non-NULL row count (the histogram's total)
   * @param distinct per column name, its distinct count (scales a sample's per-bin counts)
   * @param forEachRow runs a query and gives each row's values (boxed as in Literal values)
   * @return per column name, its histogram (absent for a column with no non-NULL values)
   */
  static Map<String, Histogram> build(Scan scan, List<AttributeRef> columns, long rows, Map<String, Long> nonNullRows,
                                      Map<String, Long> distinct, int bins, BiConsumer<Query, Consumer<Object[]>> forEachRow) {
    Map<String, Histogram> out = new HashMap<>();
    if (columns.isEmpty() || rows == 0 || bins <= 0) return out;
    LogicalPlan input = scan;
    double fraction = rows <= SAMPLE_ROWS ? 1 : (double) SAMPLE_ROWS / rows;
    if (fraction < 1) {
      input = new Filter(new BinaryOp(BinaryOp.Op.LT, Call.of(Call.Fn.RANDOM, DataType.DOUBLE),
          new Literal(fraction, DataType.DOUBLE), DataType.BOOLEAN), scan);
    }
    List<NamedExpr> projections = new ArrayList<>(columns);
    Query q = new Query(new Project(projections, input), columns.stream().map(AttributeRef::name).toList());
    int n = columns.size();
    double[][] values = new double[n][1024];
    int[] counts = new int[n];
    forEachRow.accept(q, row -> {
      for (int c = 0; c < n; c++) {
        double v = StatValues.toDouble(row[c], columns.get(c).type());
        if (Double.isNaN(v)) continue;
        if (counts[c] == values[c].length) values[c] = Arrays.copyOf(values[c], values[c].length * 2);
        values[c][counts[c]++] = v;
      }
    });
    for (int c = 0; c < n; c++) {
      String name = columns.get(c).name();
      Histogram h = Histogram.of(values[c], counts[c], bins, nonNullRows.getOrDefault(name, (long) counts[c]),
          distinct.containsKey(name) ? distinct.get(name) : Double.NaN);
      if (h != null) out.put(name, h);
    }
    return out;
  }
}
