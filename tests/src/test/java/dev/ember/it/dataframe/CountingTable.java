package dev.ember.it.dataframe;

import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.stats.Statistics;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.BatchReader;
import dev.ember.datasources.DataSourceTable;
import dev.ember.datasources.ScanSplit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;

/** A table that counts how often queries scan it (planned scans and opened splits), reading another. */
final class CountingTable implements DataSourceTable {
  private final DataSourceTable source;
  final AtomicInteger scans = new AtomicInteger();
  final AtomicInteger splitsOpened = new AtomicInteger();

  CountingTable(DataSourceTable source) { this.source = source; }

  @Override public String name() { return "counting(" + source.name() + ")"; }

  @Override public Schema schema() { return source.schema(); }

  @Override public Statistics statistics() { return source.statistics(); }

  @Override public List<ScanSplit> splits(int targetSplits) {
    scans.incrementAndGet();
    return source.splits(targetSplits);
  }

  @Override public BatchReader open(ScanSplit split, List<String> columns, List<Expr> filters,
      BufferAllocator allocator, int batchSize) {
    splitsOpened.incrementAndGet();
    return source.open(split, columns, filters, allocator, batchSize);
  }
}
