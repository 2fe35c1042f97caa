package dev.ember.execution.operator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Sorts its whole input (sort), or keeps only the first {@code offset + limit} rows while
 * reading (top-N: the buffer is cut back to that size whenever it doubles), then returns rows
 * {@code [offset, offset + limit)} in order.
 */
public final class SortSource implements BatchSource {
  private final BatchSource input;
  private final SortedRows rows;
  private final long limit;
  private final long offset;
  private final BufferAllocator allocator;
  private final int batchSize;
  private final Deque<VectorSchemaRoot> ready = new ArrayDeque<>();
  private boolean sorted;

  /** @param limit rows to return after {@code offset}, or -1 for all (a full sort) */
  SortSource(BatchSource input, List<Sorts.Key> keys, long limit, long offset, BufferAllocator allocator,
      int batchSize) {
    this.input = input;
    this.rows = new SortedRows(keys);
    this.limit = limit;
    this.offset = offset;
    this.allocator = allocator;
    this.batchSize = batchSize;
  }

  @Override public VectorSchemaRoot next() {
    if (!sorted) {
      sorted = true;
      long keep = limit < 0 ? -1 : offset + limit;
      long compactAt = keep < 0 ? Long.MAX_VALUE : Math.max(2 * keep, 4 * (long) batchSize);
      VectorSchemaRoot b;
      while ((b = input.next()) != null) {
        rows.add(b);
        if (rows.rowCount() > compactAt) rows.truncate((int) keep, allocator);
      }
      rows.emit(offset, limit, batchSize, allocator, ready::add);
    }
    return ready.poll();
  }

  @Override public void close() {
    Batches.closeAll(ready);
    ready.clear();
    rows.close();
    input.close();
  }
}
