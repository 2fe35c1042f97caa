package dev.ember.cli;

import dev.ember.api.QueryResult;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.arrow.ArrowTypes;
import dev.ember.datasources.arrow.ArrowValues;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** A QueryResult over hand-built Arrow batches, standing in for the engine in printer tests. */
final class FakeResult implements QueryResult {
  private final Schema schema;
  private final boolean hasRows;
  private final List<VectorSchemaRoot> batches;
  private int next;
  boolean closed;

  private FakeResult(Schema schema, boolean hasRows, List<VectorSchemaRoot> batches) {
    this.schema = schema;
    this.hasRows = hasRows;
    this.batches = batches;
  }

  /** A result of {@code rows} (boxed Ember values) cut into batches of {@code batchSize} rows. */
  static FakeResult of(BufferAllocator allocator, Schema schema, int batchSize, List<Object[]> rows) {
    List<VectorSchemaRoot> batches = new ArrayList<>();
    for (int start = 0; start < rows.size() || start == 0; start += batchSize) {
      VectorSchemaRoot root = ArrowTypes.createRoot(schema, allocator);
      root.allocateNew();
      int end = Math.min(rows.size(), start + batchSize);
      for (int r = start; r < end; r++) {
        for (int c = 0; c < schema.size(); c++) {
          FieldVector v = root.getVector(c);
          ArrowValues.set(v, r - start, schema.field(c).type(), rows.get(r)[c]);
        }
      }
      root.setRowCount(end - start);
      batches.add(root);
      if (rows.isEmpty()) break;
    }
    return new FakeResult(schema, true, batches);
  }

  static FakeResult of(BufferAllocator allocator, Schema schema, List<Object[]> rows) {
    return of(allocator, schema, 4096, rows);
  }

  /** The result of a statement without rows (SET, CREATE …). */
  static FakeResult noRows() { return new FakeResult(new Schema(List.of()), false, new ArrayList<>()); }

  @Override public Schema schema() { return schema; }

  @Override public boolean hasRows() { return hasRows; }

  @Override public VectorSchemaRoot nextBatch() { return next < batches.size() ? batches.get(next++) : null; }

  /** How many batches a reader has taken so far. */
  int batchesRead() { return next; }

  @Override public void close() {
    closed = true;
    batches.forEach(VectorSchemaRoot::close);
    batches.clear();
  }
}
