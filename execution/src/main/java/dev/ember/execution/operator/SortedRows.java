package dev.ember.execution.operator;

import dev.ember.catalyst.errors.Cancellation;
import dev.ember.datasources.arrow.ArrowValues;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Batches held in memory and the order of their rows by some keys: the core of sort and top-N.
 * The batches stay as they are; sorting permutes an index.
 */
final class SortedRows implements AutoCloseable {
  private final List<Sorts.Key> keys;
  private final List<VectorSchemaRoot> batches = new ArrayList<>();
  private int rows;

  SortedRows(List<Sorts.Key> keys) { this.keys = keys; }

  void add(VectorSchemaRoot batch) {
    batches.add(batch);
    rows += batch.getRowCount();
  }

  int rowCount() { return rows; }

  /** Row indexes (into the concatenated batches) in sorted order. */
  private int[][] sortedIndex() {
    int[] batchOf = new int[rows], rowOf = new int[rows];
    int i = 0;
    for (int b = 0; b < batches.size(); b++) {
      for (int r = 0; r < batches.get(b).getRowCount(); r++, i++) {
        batchOf[i] = b;
        rowOf[i] = r;
      }
    }
    RowOrdering ordering = new RowOrdering(keys, batches, batchOf, rowOf, rows);
    int[] order = new int[rows];
    for (int k = 0; k < rows; k++) order[k] = k;
    mergeSort(order, new int[rows], 0, rows, ordering);
    return new int[][] {order, batchOf, rowOf};
  }

  /** Stable merge sort of {@code a[from, to)} by {@code ordering}. */
  private static void mergeSort(int[] a, int[] tmp, int from, int to, RowOrdering ordering) {
    if (to - from >= 4096) Cancellation.checkInterrupted(); // sorting millions of rows takes seconds
    if (to - from < 24) {
      for (int i = from + 1; i < to; i++) {
        int v = a[i], j = i - 1;
        while (j >= from && ordering.compare(a[j], v) > 0) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = v;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(a, tmp, from, mid, ordering);
    mergeSort(a, tmp, mid, to, ordering);
    if (ordering.compare(a[mid - 1], a[mid]) <= 0) return;
    System.arraycopy(a, from, tmp, from, to - from);
    int i = from, j = mid, k = from;
    while (i < mid && j < to) {
      if ((k & 8191) == 0) Cancellation.checkInterrupted(); // a top-level merge alone takes long
      a[k++] = ordering.compare(tmp[j], tmp[i]) < 0 ? tmp[j++] : tmp[i++];
    }
    while (i < mid) a[k++] = tmp[i++];
    while (j < to) a[k++] = tmp[j++];
  }

  /**
   * Emits rows {@code [skip, skip + limit)} of the sorted order (limit < 0: all) as new batches
   * of at most {@code batchSize} rows, then releases the held batches.
   */
  void emit(long skip, long limit, int batchSize, BufferAllocator allocator, java.util.function.Consumer<VectorSchemaRoot> out) {
    if (rows == 0 || batches.isEmpty()) {
      close();
      return;
    }
    int[][] idx = sortedIndex();
    int[] order = idx[0], batchOf = idx[1], rowOf = idx[2];
    long end = limit < 0 ? rows : Math.min(rows, skip + limit);
    VectorSchemaRoot template = batches.get(0);
    for (long start = skip; start < end; start += batchSize) {
      Cancellation.checkInterrupted();
      int n = (int) Math.min(batchSize, end - start);
      VectorSchemaRoot o = VectorSchemaRoot.create(template.getSchema(), allocator);
      try {
        int ncols = template.getFieldVectors().size();
        for (int c = 0; c < ncols; c++) {
          FieldVector to = o.getVector(c);
          to.setInitialCapacity(n);
          to.allocateNew();
          for (int i = 0; i < n; i++) {
            int row = order[(int) start + i];
            ArrowValues.copy(batches.get(batchOf[row]).getVector(c), rowOf[row], to, i);
          }
          to.setValueCount(n);
        }
        o.setRowCount(n);
      } catch (RuntimeException | Error e) {
        o.close(); // out of memory, cancelled: the half-filled batch is nobody's
        throw e;
      }
      out.accept(o);
    }
    close();
  }

  /** Keeps only the first {@code keep} rows in sorted order, in new batches of at most {@code batchSize} rows. */
  void truncate(long keep, int batchSize, BufferAllocator allocator) {
    List<VectorSchemaRoot> kept = new ArrayList<>();
    emit(0, keep, batchSize, allocator, kept::add);
    for (VectorSchemaRoot b : kept) add(b);
  }

  /** The sum of {@code size} over the held batches. */
  long bytes(java.util.function.ToLongFunction<VectorSchemaRoot> size) {
    long n = 0;
    for (VectorSchemaRoot b : batches) n += size.applyAsLong(b);
    return n;
  }

  @Override public void close() {
    Batches.closeAll(batches);
    batches.clear();
    rows = 0;
  }
}
