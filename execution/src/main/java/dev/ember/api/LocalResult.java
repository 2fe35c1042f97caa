package dev.ember.api;

import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.arrow.ArrowTypes;
import dev.ember.datasources.arrow.ArrowValues;
import dev.ember.execution.memory.MemoryManager;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/** A small result computed by the driver itself (commands, EXPLAIN): one batch. */
final class LocalResult implements QueryResult {
  private final Schema schema;
  private final boolean hasRows;
  private BufferAllocator allocator;
  private VectorSchemaRoot batch;
  private boolean returned;

  private LocalResult(Schema schema, List<Object[]> rows, boolean hasRows) {
    this.schema = schema;
    this.hasRows = hasRows;
    if (hasRows) {
      allocator = MemoryManager.newAllocator("local-result");
      batch = ArrowTypes.createRoot(schema, allocator);
      for (int c = 0; c < schema.size(); c++) {
        for (int r = 0; r < rows.size(); r++) {
          ArrowValues.set(batch.getVector(c), r, schema.field(c).type(), rows.get(r)[c]);
        }
        batch.getVector(c).setValueCount(rows.size());
      }
      batch.setRowCount(rows.size());
    }
  }

  static LocalResult of(Schema schema, List<Object[]> rows) { return new LocalResult(schema, rows, true); }

  /** The result of a statement that returns no rows. */
  static LocalResult none() { return new LocalResult(new Schema(List.of()), List.of(), false); }

  @Override public Schema schema() { return schema; }

  @Override public boolean hasRows() { return hasRows; }

  @Override public VectorSchemaRoot nextBatch() {
    if (!hasRows || returned) return null;
    returned = true;
    return batch.getRowCount() > 0 ? batch : null;
  }

  @Override public void close() {
    if (batch != null) {
      batch.close();
      batch = null;
    }
    if (allocator != null) {
      allocator.close();
      allocator = null;
    }
  }
}
