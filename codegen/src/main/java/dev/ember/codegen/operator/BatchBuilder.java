package dev.ember.codegen.operator;

import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.arrow.ArrowTypes;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Rows written column by column into Arrow vectors allocated for {@code capacity} rows; a full
 * batch goes to the consumer and a fresh one is allocated. Writers use {@code set}/{@code
 * setNull} for fixed-width columns (capacity is guaranteed) and {@code setSafe} for
 * variable-width ones. A variable-width column's data buffer is sized from the bytes per value
 * of the previous batch (Arrow's default of 8 bytes made string columns reallocate and copy their
 * buffers several times per batch).
 */
public final class BatchBuilder implements AutoCloseable {
  private final Schema schema;
  private final BufferAllocator allocator;
  private final int capacity;
  private final BatchConsumer consumer;
  private VectorSchemaRoot root;
  private FieldVector[] vectors;
  private int row;
  /** Bytes per value seen in the previous batch, per column (0 until a batch of it was written). */
  private final double[] density;

  public BatchBuilder(Schema schema, BufferAllocator allocator, int capacity, BatchConsumer consumer) {
    this.schema = schema;
    this.allocator = allocator;
    this.capacity = capacity;
    this.consumer = consumer;
    this.density = new double[schema.size()];
    allocate();
  }

  private void allocate() {
    root = ArrowTypes.createRoot(schema, allocator);
    vectors = root.getFieldVectors().toArray(new FieldVector[0]);
    for (int c = 0; c < vectors.length; c++) {
      FieldVector v = vectors[c];
      if (v instanceof BaseVariableWidthVector w && density[c] > 0) {
        w.setInitialCapacity(capacity, Math.max(density[c] * 1.1, 1.0));
      } else {
        v.setInitialCapacity(capacity);
      }
      v.allocateNew();
    }
    row = 0;
  }

  public Schema schema() { return schema; }

  public FieldVector vector(int i) { return vectors[i]; }

  /** The index of the row being written. */
  public int row() { return row; }

  /** Ends the current row; returns true when that filled the batch and vectors were replaced. */
  public boolean rowDone() {
    if (++row < capacity) return false;
    flush();
    return true;
  }

  /** Hands the rows written so far (if any) to the consumer and starts a new batch. */
  public void flush() {
    if (row == 0) return;
    root.setRowCount(row);
    for (int c = 0; c < vectors.length; c++) {
      if (vectors[c] instanceof BaseVariableWidthVector w) {
        density[c] = (double) w.getOffsetBuffer().getInt((long) row * BaseVariableWidthVector.OFFSET_WIDTH) / row;
      }
    }
    VectorSchemaRoot full = root;
    root = null;
    try {
      consumer.accept(full);
    } finally {
      allocate();
    }
  }

  /** Flushes the last rows. */
  public void finish() { flush(); }

  @Override public void close() {
    if (root != null) {
      root.close();
      root = null;
    }
  }
}
