package dev.ember.datasources.catalog;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.stats.Statistics;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.BatchReader;
import dev.ember.datasources.DataSourceTable;
import dev.ember.datasources.ScanSplit;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A table with the statistics {@code ANALYZE TABLE} computed for it laid over what its source
 * knows: reading is the source's, {@link #statistics()} prefers the analyzed values.
 */
public record AnalyzedTable(DataSourceTable source, Statistics analyzed) implements DataSourceTable {
  public AnalyzedTable { requireNonNull(source); requireNonNull(analyzed); }

  /** {@code table} with {@code stats} on top, merging with statistics analyzed before. */
  public static AnalyzedTable of(DataSourceTable table, Statistics stats) {
    if (table instanceof AnalyzedTable a) return new AnalyzedTable(a.source, a.analyzed.overlaidWith(stats));
    return new AnalyzedTable(table, stats);
  }

  /** The table as its source opens it, without analyzed statistics. */
  public static DataSourceTable unwrap(DataSourceTable t) { return t instanceof AnalyzedTable a ? a.source : t; }

  @Override public String name() { return source.name(); }

  @Override public Schema schema() { return source.schema(); }

  @Override public Statistics statistics() { return source.statistics().overlaidWith(analyzed); }

  @Override public List<ScanSplit> splits(int targetSplits) { return source.splits(targetSplits); }

  @Override public BatchReader open(ScanSplit split, List<String> columns, List<Expr> filters,
                                    BufferAllocator allocator, int batchSize) {
    return source.open(split, columns, filters, allocator, batchSize);
  }

  @Override public String toString() { return source.toString(); }
}
