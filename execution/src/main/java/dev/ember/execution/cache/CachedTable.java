package dev.ember.execution.cache;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.stats.Statistics;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.BatchReader;
import dev.ember.datasources.DataSourceTable;
import dev.ember.datasources.ScanSplit;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The in-memory table a cached sub-plan is replaced by: one split per block. Column names are
 * the cached plan's, made unique; the planner reads it like any other source.
 */
final class CachedTable implements DataSourceTable {
  private final String name;
  private final Schema schema;
  private final List<CachedBlock> blocks;

  CachedTable(String name, Schema schema, List<CachedBlock> blocks) {
    this.name = name;
    this.schema = schema;
    this.blocks = List.copyOf(blocks);
  }

  @Override public String name() { return name; }

  @Override public Schema schema() { return schema; }

  @Override public Statistics statistics() {
    long rows = 0;
    long bytes = 0;
    for (CachedBlock b : blocks) {
      rows += b.rows();
      bytes += b.rawBytes();
    }
    return Statistics.of(rows, bytes);
  }

  @Override public List<ScanSplit> splits(int targetSplits) {
    List<ScanSplit> out = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) out.add(new CachedSplit(name, i));
    return out;
  }

  @Override public BatchReader open(ScanSplit split, List<String> columns, List<Expr> filters,
      BufferAllocator allocator, int batchSize) {
    if (!(split instanceof CachedSplit s) || !s.table().equals(name)) {
      throw new IllegalArgumentException("not a split of " + name + ": " + split.describe());
    }
    int[] idx = new int[columns.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = schema.indexOf(columns.get(i));
      if (idx[i] < 0) throw new EmberException(EmberException.INTERNAL_ERROR, "no column " + columns.get(i) + " in " + name);
    }
    return new CachedBatchReader(blocks.get(s.block()).read(), idx, allocator);
  }
}
