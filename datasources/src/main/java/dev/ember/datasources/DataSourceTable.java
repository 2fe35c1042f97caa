package dev.ember.datasources;

import dev.ember.catalyst.expr.Expr;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A table whose data Ember can read: the planner asks for {@link #splits}, and each task
 * {@link #open opens} one split and pulls Arrow batches from it.
 */
public interface DataSourceTable extends dev.ember.catalyst.catalog.Table {
  /** Independent pieces of the table, about {@code targetSplits} of them (fewer for small tables). */
  List<ScanSplit> splits(int targetSplits);

  /**
   * Reads one split. {@code columns} are table column names in the wanted order (a subset);
   * {@code filters} are conjuncts (catalyst Expr over AttributeRefs named like the table's
   * columns) the source MAY use to skip data (row groups, files) — it must never skip a row that
   * satisfies them, and it need not remove non-matching rows (the engine filters again).
   */
  BatchReader open(ScanSplit split, List<String> columns, List<Expr> filters,
                   BufferAllocator allocator, int batchSize);

  /** What this table's scans skipped so far (partitions, files, row groups), when it counts that. */
  default java.util.Optional<ScanMetrics> metrics() { return java.util.Optional.empty(); }
}
