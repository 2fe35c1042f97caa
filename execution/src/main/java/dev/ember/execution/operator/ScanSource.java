package dev.ember.execution.operator;

import dev.ember.catalyst.expr.Expr;
import dev.ember.datasources.BatchReader;
import dev.ember.datasources.DataSourceTable;
import dev.ember.datasources.ScanSplit;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Reads one split of a table. */
public final class ScanSource implements BatchSource {
  private final BatchReader reader;

  public ScanSource(DataSourceTable table, ScanSplit split, List<String> columns, List<Expr> filters,
      BufferAllocator allocator, int batchSize) {
    this.reader = table.open(split, columns, filters, allocator, batchSize);
  }

  @Override public VectorSchemaRoot next() {
    while (true) {
      VectorSchemaRoot b = reader.next();
      if (b == null || b.getRowCount() > 0) return b;
      b.close();
    }
  }

  @Override public void close() { reader.close(); }
}
