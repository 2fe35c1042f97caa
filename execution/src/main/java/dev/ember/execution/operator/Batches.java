package dev.ember.execution.operator;

import dev.ember.datasources.arrow.ArrowValues;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.TransferPair;

/** Helpers for moving Arrow batches around. */
public final class Batches {
  private Batches() {}

  /**
   * Moves the batch's buffers to {@code allocator} (e.g. from a task's allocator to its query's,
   * for output that outlives the task) and closes the original.
   */
  public static VectorSchemaRoot transfer(VectorSchemaRoot batch, BufferAllocator allocator) {
    List<FieldVector> moved = new ArrayList<>();
    for (FieldVector v : batch.getFieldVectors()) {
      TransferPair tp = v.getTransferPair(allocator);
      tp.transfer();
      moved.add((FieldVector) tp.getTo());
    }
    int rows = batch.getRowCount();
    batch.close();
    VectorSchemaRoot out = new VectorSchemaRoot(moved);
    out.setRowCount(rows);
    return out;
  }

  /** Rows [start, start + length) of {@code batch} as a new batch from {@code allocator}. */
  public static VectorSchemaRoot slice(VectorSchemaRoot batch, int start, int length, BufferAllocator allocator) {
    VectorSchemaRoot out = VectorSchemaRoot.create(batch.getSchema(), allocator);
    for (int c = 0; c < batch.getFieldVectors().size(); c++) {
      FieldVector from = batch.getVector(c), to = out.getVector(c);
      to.setInitialCapacity(length);
      to.allocateNew();
      for (int i = 0; i < length; i++) ArrowValues.copy(from, start + i, to, i);
      to.setValueCount(length);
    }
    out.setRowCount(length);
    return out;
  }

  /**
   * Runs of consecutive small batches merged into batches of at most {@code batchSize} rows (a
   * batch alone stays as it is): a coalesced read of many shuffle partitions gets a few slices
   * of each map batch, and operators are faster on full batches. Takes ownership of
   * {@code batches}; the caller owns the result.
   */
  public static List<VectorSchemaRoot> compact(List<VectorSchemaRoot> batches, int batchSize, BufferAllocator allocator) {
    List<VectorSchemaRoot> out = new ArrayList<>();
    int from = 0;
    try {
      while (from < batches.size()) {
        int to = from, rows = 0;
        while (to < batches.size() && (to == from || rows + batches.get(to).getRowCount() <= batchSize)) {
          rows += batches.get(to++).getRowCount();
        }
        out.add(to - from == 1 ? batches.get(from) : merge(batches.subList(from, to), rows, allocator));
        from = to;
      }
      return out;
    } catch (RuntimeException | Error e) {
      closeAll(out);
      closeAll(batches.subList(from, batches.size()));
      throw e;
    }
  }

  /** One batch of the {@code rows} rows of {@code run}, which is closed. */
  private static VectorSchemaRoot merge(List<VectorSchemaRoot> run, int rows, BufferAllocator allocator) {
    VectorSchemaRoot out = VectorSchemaRoot.create(run.get(0).getSchema(), allocator);
    try {
      for (int c = 0; c < out.getFieldVectors().size(); c++) {
        FieldVector to = out.getVector(c);
        to.setInitialCapacity(rows);
        to.allocateNew();
        int i = 0;
        for (VectorSchemaRoot b : run) {
          FieldVector from = b.getVector(c);
          for (int r = 0; r < b.getRowCount(); r++) ArrowValues.copy(from, r, to, i++);
        }
        to.setValueCount(rows);
      }
      out.setRowCount(rows);
    } catch (RuntimeException | Error e) {
      out.close();
      throw e;
    }
    closeAll(run);
    return out;
  }

  public static void closeAll(Iterable<? extends AutoCloseable> items) {
    RuntimeException first = null;
    for (AutoCloseable c : items) {
      try {
        if (c != null) c.close();
      } catch (Exception e) {
        if (first == null) first = e instanceof RuntimeException re ? re : new RuntimeException(e);
      }
    }
    if (first != null) throw first;
  }
}
