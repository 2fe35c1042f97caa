package dev.ember.datasources.tpch;

import dev.ember.catalyst.errors.Cancellation;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.BatchReader;
import dev.ember.datasources.arrow.ArrowTypes;
import io.trino.tpch.TpchEntity;
import java.util.Iterator;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Pulls rows from a generator part and copies the wanted columns into fresh Arrow batches. */
final class TpchBatchReader<E extends TpchEntity> implements BatchReader {
  private final Iterator<E> rows;
  private final List<TpchColumns.Filler<E>> fillers;
  private final Schema schema;
  private final BufferAllocator allocator;
  private final int batchSize;

  TpchBatchReader(Iterator<E> rows, List<TpchColumns.Filler<E>> fillers, Schema schema,
                  BufferAllocator allocator, int batchSize) {
    if (batchSize < 1) throw new IllegalArgumentException("batchSize " + batchSize);
    this.rows = rows;
    this.fillers = fillers;
    this.schema = schema;
    this.allocator = allocator;
    this.batchSize = batchSize;
  }

  @Override public VectorSchemaRoot next() {
    if (!rows.hasNext()) return null;
    VectorSchemaRoot root = ArrowTypes.allocateRoot(schema, allocator, batchSize);
    try {
      List<FieldVector> vectors = root.getFieldVectors();
      int columns = vectors.size();
      FieldVector[] vs = vectors.toArray(new FieldVector[0]);
      int n = 0;
      while (n < batchSize && rows.hasNext()) {
        if ((n & 1023) == 0) Cancellation.checkInterrupted(); // generating a batch is slow on a busy machine
        E row = rows.next();
        for (int c = 0; c < columns; c++) fillers.get(c).fill(row, vs[c], n);
        n++;
      }
      root.setRowCount(n);
      return root;
    } catch (RuntimeException | Error e) {
      root.close();
      throw e;
    }
  }

  @Override public void close() {}
}
