package dev.ember.execution.operator;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Skips {@code offset} rows, then returns at most {@code limit} rows ({@code < 0}: all). */
public final class LimitSource implements BatchSource {
  private final BatchSource input;
  private final long limit;
  private final BufferAllocator allocator;
  private long toSkip;
  private long returned;

  public LimitSource(BatchSource input, long limit, long offset, BufferAllocator allocator) {
    this.input = input;
    this.limit = limit;
    this.toSkip = offset;
    this.allocator = allocator;
  }

  @Override public VectorSchemaRoot next() {
    while (limit < 0 || returned < limit) {
      VectorSchemaRoot b = input.next();
      if (b == null) return null;
      int n = b.getRowCount();
      if (toSkip >= n) {
        toSkip -= n;
        b.close();
        continue;
      }
      int start = (int) toSkip;
      toSkip = 0;
      long room = limit < 0 ? Long.MAX_VALUE : limit - returned;
      int take = (int) Math.min(n - start, room);
      returned += take;
      if (start == 0 && take == n) return b;
      try {
        return Batches.slice(b, start, take, allocator);
      } finally {
        b.close();
      }
    }
    return null;
  }

  @Override public void close() { input.close(); }
}
