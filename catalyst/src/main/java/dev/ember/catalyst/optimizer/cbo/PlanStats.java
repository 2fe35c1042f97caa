package dev.ember.catalyst.optimizer.cbo;

import dev.ember.catalyst.expr.AttributeRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The estimated size of a plan's output: rows, bytes, and per output column (by attribute id)
 * what is known of its values. {@code rows} is NaN when unknown (a source without statistics);
 * NaN then flows through every estimate above it, so callers check {@link #isKnown()}.
 */
public record PlanStats(double rows, double bytes, Map<Long, ColumnEstimate> columns) {
  public PlanStats { columns = Map.copyOf(columns); }

  public static PlanStats unknown() { return new PlanStats(Double.NaN, Double.NaN, Map.of()); }

  public boolean isKnown() { return !Double.isNaN(rows); }

  public ColumnEstimate column(long id) { return columns.getOrDefault(id, ColumnEstimate.UNKNOWN); }

  /** Bytes as a long for comparisons with thresholds: {@link Long#MAX_VALUE} when unknown or huge. */
  public long bytesOrMax() {
    return Double.isNaN(bytes) || bytes >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.ceil(bytes);
  }

  /** Stats with {@code rows} rows over {@code output}: distinct counts capped, bytes from the columns' widths. */
  static PlanStats of(double rows, List<AttributeRef> output, Map<Long, ColumnEstimate> known) {
    Map<Long, ColumnEstimate> cols = new HashMap<>();
    double width = 0;
    for (AttributeRef a : output) {
      ColumnEstimate c = known.getOrDefault(a.id(), ColumnEstimate.UNKNOWN);
      width += StatValues.width(a.type(), c.avgLen());
      if (c != ColumnEstimate.UNKNOWN) cols.put(a.id(), c.cappedAt(rows));
    }
    return new PlanStats(rows, rows * Math.max(1, width), cols);
  }
}
