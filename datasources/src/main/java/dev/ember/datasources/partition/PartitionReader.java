package dev.ember.datasources.partition;

import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.BatchReader;
import dev.ember.datasources.arrow.ArrowTypes;
import dev.ember.datasources.arrow.ArrowValues;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads one partition directory: the inner reader's data columns are moved (not copied) into the
 * output batch, and each wanted partition column is filled with the directory's constant value.
 */
final class PartitionReader implements BatchReader {
  private final BatchReader inner;
  private final Schema output;
  /** For each output column: its index in the inner batch, or -1 - (partition column index). */
  private final int[] sources;
  private final List<Object> values;
  private final BufferAllocator allocator;

  PartitionReader(BatchReader inner, Schema output, int[] sources, List<Object> values, BufferAllocator allocator) {
    this.inner = inner;
    this.output = output;
    this.sources = sources;
    this.values = values;
    this.allocator = allocator;
  }

  @Override public VectorSchemaRoot next() {
    VectorSchemaRoot in = inner.next();
    if (in == null) return null;
    try (in) {
      int n = in.getRowCount();
      VectorSchemaRoot out = ArrowTypes.createRoot(output, allocator);
      try {
        List<FieldVector> vectors = out.getFieldVectors();
        for (int c = 0; c < sources.length; c++) {
          FieldVector v = vectors.get(c);
          if (sources[c] >= 0) {
            in.getVector(sources[c]).makeTransferPair(v).transfer();
          } else {
            Object value = values.get(-1 - sources[c]);
            v.setInitialCapacity(n);
            v.allocateNew();
            for (int r = 0; r < n; r++) ArrowValues.set(v, r, output.field(c).type(), value);
            v.setValueCount(n);
          }
        }
        out.setRowCount(n);
        return out;
      } catch (RuntimeException e) {
        out.close();
        throw e;
      }
    }
  }

  @Override public void close() { inner.close(); }
}
