package dev.ember.execution.operator;

import dev.ember.catalyst.expr.Expr;
import dev.ember.datasources.BatchReader;
import dev.ember.datasources.DataSourceTable;
import dev.ember.datasources.ScanSplit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Reads one split of a table, counting the rows it reads into {@code rowsRead}. */
public final class ScanSource implements BatchSource {
  private final BatchReader reader;
  private final AtomicLong rowsRead;

  public ScanSource(DataSourceTable table, ScanSplit split, List<String> columns, List<Expr> filters,
      BufferAllocator allocator, int batchSize, AtomicLong rowsRead) {
    this.reader = table.open(split, columns, filters, allocator, batchSize);
    this.rowsRead = rowsRead;
  }

  @Override public VectorSchemaRoot next() {
    while (true) {
      VectorSchemaRoot b = reader.next();
      if (b != null) rowsRead.addAndGet(b.getRowCount());
      if (b == null || b.getRowCount() > 0) return b;
      b.close();
    }
  }

  @Override public void close() { reader.close(); }
}
