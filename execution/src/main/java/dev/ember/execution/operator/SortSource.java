package dev.ember.execution.operator;

import dev.ember.codegen.operator.Accumulator;
import dev.ember.execution.memory.MemoryReservation;
import dev.ember.execution.memory.TaskMemory;
import dev.ember.execution.spill.SpillFile;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Sorts its whole input (sort), or keeps only the first {@code offset + limit} rows while
 * reading (top-N: the buffer is cut back to that size whenever it doubles), then returns rows
 * {@code [offset, offset + limit)} in order.
 *
 * <p>Sort and top-N reserve memory for each batch they buffer (the batch and the sort's per-row
 * index and key arrays). When refused, the buffered rows are sorted and written to a spill file
 * as a sorted run (a top-N writes only its first {@code offset + limit} rows); at the end the
 * runs (the last rows too) are merged ({@link SortedRunMerge}): an external merge sort. So a
 * top-N whose N rows do not fit in memory ({@code ORDER BY … LIMIT 5000000}) becomes an external
 * sort that stops after N rows.
 */
public final class SortSource implements BatchSource {
  private final BatchSource input;
  private final List<Sorts.Key> keys;
  private final SortedRows rows;
  private final long limit;
  private final long offset;
  private final BufferAllocator allocator;
  private final int batchSize;
  private final TaskMemory memory;
  private final Deque<VectorSchemaRoot> ready = new ArrayDeque<>();
  private final List<SpillFile> runs = new ArrayList<>();
  private MemoryReservation reservation;
  private BatchSource merged;
  private boolean sorting;
  private boolean sorted;
  private boolean closed;

  /**
   * @param limit rows to return after {@code offset}, or -1 for all (a full sort)
   * @param memory the task's memory (a full sort reserves and spills there); null: no limit
   */
  SortSource(BatchSource input, List<Sorts.Key> keys, long limit, long offset, BufferAllocator allocator,
      int batchSize, TaskMemory memory) {
    this.input = input;
    this.keys = keys;
    this.rows = new SortedRows(keys);
    this.limit = limit;
    this.offset = offset;
    this.allocator = allocator;
    this.batchSize = batchSize;
    this.memory = memory;
  }

  @Override public VectorSchemaRoot next() {
    if (!sorted) {
      sorted = true;
      // A top-N of a few batches' rows holds no more than batches in flight do; a larger one reserves
      if (memory != null && (limit < 0 || offset + limit > 2L * batchSize)) {
        reservation = memory.newReservation(limit < 0 ? "Sort" : "TopN", this::spillRequested);
      }
      long keep = limit < 0 ? -1 : offset + limit;
      long compactAt = keep < 0 ? Long.MAX_VALUE : Math.max(2 * keep, 4 * (long) batchSize);
      sorting = true;
      try {
        VectorSchemaRoot b;
        while ((b = input.next()) != null) {
          if (reservation != null) reserveFor(b);
          rows.add(b);
          if (rows.rowCount() > compactAt) cutBack(keep);
        }
      } finally {
        sorting = false;
      }
      if (runs.isEmpty()) {
        rows.emit(offset, limit, batchSize, allocator, ready::add);
        if (reservation != null) reservation.releaseAll();
      } else {
        spillRun();
        merged = new SortedRunMerge(keys, runs, allocator, batchSize, offset, limit);
        runs.clear();
      }
    }
    return merged != null ? merged.next() : ready.poll();
  }

  /**
   * Top-N: keeps only the first {@code keep} buffered rows. The cut-back copies them, so it needs
   * their memory once more; when refused they go to a sorted run instead.
   */
  private void cutBack(long keep) {
    if (reservation == null) {
      rows.truncate(keep, batchSize, allocator);
      return;
    }
    long kept = reservation.size() / Math.max(1, rows.rowCount()) * Math.min(keep, rows.rowCount());
    if (!reservation.tryReserve(kept)) {
      spillRun();
      return;
    }
    rows.truncate(keep, batchSize, allocator);
    reservation.resize(rows.bytes(this::bytesToHold));
  }

  /** Reserves memory to buffer {@code b}, first writing the buffered rows as a run if refused. */
  private void reserveFor(VectorSchemaRoot b) {
    long bytes = bytesToHold(b);
    if (reservation.tryReserve(bytes)) return;
    if (rows.rowCount() > 0) spillRun();
    try {
      reservation.reserve(bytes);
    } catch (RuntimeException e) {
      b.close();
      throw e;
    }
  }

  /** The batch's buffers plus the sort's arrays for its rows (indexes, extracted keys). */
  private long bytesToHold(VectorSchemaRoot b) {
    long n = Accumulator.bufferBytes(b);
    long perRow = 16;
    for (Sorts.Key k : keys) perRow += k.type().javaClass().isPrimitive() ? 9 : 48;
    return n + perRow * b.getRowCount();
  }

  /** Sorts the buffered rows into a new spill file, a batch at a time, and releases their memory. */
  private void spillRun() {
    if (rows.rowCount() == 0) return;
    SpillFile[] f = {null};
    rows.emit(0, limit < 0 ? -1 : offset + limit, batchSize, allocator, b -> {
      try {
        if (f[0] == null) {
          f[0] = new SpillFile("sort-run", b.getSchema(), allocator, memory.metrics());
          runs.add(f[0]);
        }
        f[0].write(b);
      } finally {
        b.close();
      }
    });
    if (f[0] != null) f[0].finish();
    memory.metrics().spilled();
    reservation.releaseAll();
  }

  /** Another operator of the task needs memory: write the buffered rows as a run, if still reading input. */
  private long spillRequested(long bytesWanted) {
    if (!sorting || closed || rows.rowCount() == 0) return 0;
    long before = reservation.size();
    spillRun();
    return before;
  }

  @Override public void close() {
    if (closed) return;
    closed = true;
    try {
      Batches.closeAll(ready);
      ready.clear();
      rows.close();
      if (merged != null) merged.close();
      Batches.closeAll(runs);
      runs.clear();
      if (reservation != null) reservation.close();
    } finally {
      input.close();
    }
  }
}
