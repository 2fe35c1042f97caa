package dev.ember.execution.operator;

import dev.ember.datasources.arrow.ArrowValues;
import dev.ember.execution.spill.SpillFile;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The k-way merge of an external sort: sorted runs in spill files, read a batch at a time each,
 * merged through a heap of the runs' current rows. Ties go to the earlier run, so the merge is
 * stable (runs are in input order). Closing deletes the runs.
 */
final class SortedRunMerge implements BatchSource {
  /** One run being read: its current batch, that batch's keys, and the next row. */
  private static final class Run {
    final int index;
    final BatchSource reader;
    VectorSchemaRoot batch;
    RowOrdering keys;
    int row;

    Run(int index, BatchSource reader) {
      this.index = index;
      this.reader = reader;
    }

    /** Moves to the next row, loading the next batch when this one is done; false at the end. */
    boolean advance(List<Sorts.Key> sortKeys) {
      row++;
      if (batch != null && row < batch.getRowCount()) return true;
      if (batch != null) batch.close();
      batch = reader.next();
      row = 0;
      keys = batch == null ? null : RowOrdering.of(sortKeys, batch);
      return batch != null;
    }

    void close() {
      if (batch != null) batch.close();
      batch = null;
      reader.close();
    }
  }

  private final List<Sorts.Key> keys;
  private final List<SpillFile> files;
  private final List<Run> runs = new ArrayList<>();
  private final PriorityQueue<Run> heap;
  private final Schema schema;
  private final BufferAllocator allocator;
  private final int batchSize;
  private long skip;
  private long left;

  /** Merges {@code files} (now owned here), skipping {@code skip} rows and returning at most {@code limit} (or all if negative). */
  SortedRunMerge(List<Sorts.Key> keys, List<SpillFile> files, BufferAllocator allocator, int batchSize, long skip,
      long limit) {
    this.keys = keys;
    this.files = new ArrayList<>(files);
    this.schema = files.get(0).schema();
    this.allocator = allocator;
    this.batchSize = batchSize;
    this.skip = skip;
    this.left = limit < 0 ? Long.MAX_VALUE : limit;
    this.heap = new PriorityQueue<>((a, b) -> {
      int c = a.keys.compareWith(a.row, b.keys, b.row);
      return c != 0 ? c : Integer.compare(a.index, b.index);
    });
    try {
      for (int i = 0; i < files.size(); i++) {
        Run r = new Run(i, files.get(i).read(allocator));
        runs.add(r);
        r.row = -1;
        if (r.advance(keys)) heap.add(r);
      }
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  @Override public VectorSchemaRoot next() {
    while (skip > 0 && !heap.isEmpty()) {
      pop();
      skip--;
    }
    if (heap.isEmpty() || left <= 0) return null;
    int n = (int) Math.min(batchSize, left);
    VectorSchemaRoot out = VectorSchemaRoot.create(schema, allocator);
    try {
      int columns = out.getFieldVectors().size();
      for (FieldVector v : out.getFieldVectors()) {
        v.setInitialCapacity(n);
        v.allocateNew();
      }
      int i = 0;
      while (i < n && !heap.isEmpty()) {
        Run r = heap.poll();
        for (int c = 0; c < columns; c++) ArrowValues.copy(r.batch.getVector(c), r.row, out.getVector(c), i);
        i++;
        if (r.advance(keys)) heap.add(r);
      }
      for (FieldVector v : out.getFieldVectors()) v.setValueCount(i);
      out.setRowCount(i);
      left -= i;
    } catch (RuntimeException | Error e) {
      out.close();
      throw e;
    }
    return out;
  }

  private void pop() {
    Run r = heap.poll();
    if (r.advance(keys)) heap.add(r);
  }

  @Override public void close() {
    heap.clear();
    for (Run r : runs) r.close();
    runs.clear();
    Batches.closeAll(files);
    files.clear();
  }
}
