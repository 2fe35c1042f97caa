package dev.ember.execution.operator;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.Schema;
import dev.ember.codegen.operator.AggHashTable;
import dev.ember.codegen.pipeline.Pipeline;
import dev.ember.execution.memory.MemoryReservation;
import dev.ember.execution.memory.TaskMemory;
import dev.ember.execution.spill.SpillFile;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A hash aggregation: drains its input through a pipeline that updates the table, then returns
 * one row per group, a batch at a time.
 *
 * <p>Memory: before each input batch the table's reservation grows to what the table may need
 * after it. When that is refused, the table's groups (keys and partial buffers) are written to
 * hash-partitioned spill files and the table starts empty. At the end, if anything was spilled,
 * the rest is spilled too and the partitions are merged one at a time by a second table over the
 * partial buffers ({@link Spilling#merge}); a partition still too big spills again, one level
 * down, with other hash bits.
 *
 * <p>A partial aggregation (one that a final aggregation merges after the shuffle) does not
 * spill: when its reservation is refused it simply passes its groups on and starts empty, as
 * merging them is the final aggregation's job anyway.
 */
public final class AggregateSource implements BatchSource {
  /** Levels of re-partitioning before giving up (16^8 partitions: never reached by real data). */
  private static final int MAX_LEVEL = 8;
  /** Bytes per new group assumed for variable-width keys and boxed values beyond the vectors' growth. */
  private static final long EXTRA_BYTES_PER_GROUP = 16;

  /** A table and pipeline that merge intermediate rows (keys, then partial buffers) by key. */
  public record Merge(AggHashTable table, Pipeline pipeline) {}

  /**
   * How this aggregation spills: the intermediate rows' schema and how to emit them from a
   * table, and how to make the merging table (made only when a spill happens).
   */
  public record Spilling(Schema intermediate, List<AggHashTable.OutputColumn> intermediateColumns,
                         Supplier<Merge> merge, boolean partial) {}

  private final BatchSource input;
  private final Pipeline pipeline;
  private final AggHashTable table;
  private final List<AggHashTable.OutputColumn> columns;
  private final Schema schema;
  private final BufferAllocator allocator;
  private final int batchSize;
  private final TaskMemory memory;
  private final Spilling spilling;
  private final Deque<AggregateSpill> pending = new ArrayDeque<>();
  private final Deque<VectorSchemaRoot> flushed = new ArrayDeque<>();
  private MemoryReservation reservation;
  private Merge merge;
  private AggHashTable emitting;
  private int cursor;
  private boolean built;
  private boolean building;
  private boolean inputDone;
  /** A partial aggregation passing its groups on: the next group to emit, or -1. */
  private int flushCursor = -1;
  /** The input batch that did not fit while the groups are passed on. */
  private VectorSchemaRoot heldInput;
  private boolean closed;

  /** @param memory the task's memory; null runs without reservations (never spills) */
  public AggregateSource(BatchSource input, Pipeline pipeline, AggHashTable table,
      List<AggHashTable.OutputColumn> columns, Schema schema, BufferAllocator allocator, int batchSize,
      TaskMemory memory, Spilling spilling) {
    this.input = input;
    this.pipeline = pipeline;
    this.table = table;
    this.columns = columns;
    this.schema = schema;
    this.allocator = allocator;
    this.batchSize = batchSize;
    this.memory = memory;
    this.spilling = spilling;
  }

  @Override public VectorSchemaRoot next() {
    if (!built) {
      built = true;
      reserveTable();
      if (!isPartial()) build();
    }
    if (isPartial() && !inputDone) {
      VectorSchemaRoot b = nextPartial();
      if (b != null) return b;
    }
    while (true) {
      if (!flushed.isEmpty()) return flushed.poll();
      if (emitting != null && cursor < emitting.groupCount()) {
        int n = Math.min(batchSize, emitting.groupCount() - cursor);
        VectorSchemaRoot[] out = new VectorSchemaRoot[1];
        emitting.emit(columns, schema, batchSize, allocator, null, cursor, cursor + n, b -> out[0] = b);
        cursor += n;
        return out[0];
      }
      if (emitting != null) {
        emitting.reset(); // free its memory before the next partition
        if (reservation != null) reservation.resize(emitting.memoryBytes());
        emitting = null;
      }
      if (!mergeNextPartition()) return null;
    }
  }

  private boolean isPartial() { return spilling != null && spilling.partial() && reservation != null; }

  private void reserveTable() {
    if (memory != null && spilling != null && table.keyCount() > 0) {
      reservation = memory.newReservation("HashAggregate", this::spillRequested);
      reservation.resize(table.memoryBytes());
    }
  }

  /**
   * A partial aggregation's next batch: input goes into the table until its reservation is
   * refused, then the table's groups are passed on and it starts again. Null at the end of the
   * input, the table then being emitted as usual.
   */
  private VectorSchemaRoot nextPartial() {
    building = true;
    try {
      while (flushed.isEmpty()) {
        if (flushCursor >= 0) {
          if (flushCursor < table.groupCount()) return nextFlushed();
          table.reset();
          flushCursor = -1;
          reservation.resize(table.memoryBytes());
        }
        VectorSchemaRoot in = heldInput != null ? heldInput : pipeline.done() ? null : input.next();
        heldInput = null;
        if (in == null) {
          inputDone = true;
          emitting = table;
          cursor = 0;
          return null;
        }
        try {
          if (!reservation.tryResize(table.memoryBytesAfter(in.getRowCount(), EXTRA_BYTES_PER_GROUP))) {
            if (table.groupCount() > 0) {
              // pass the groups on a batch at a time (all at once would need the table's memory twice)
              heldInput = in;
              in = null;
              flushCursor = 0;
              continue;
            }
            reservation.resize(table.memoryBytesAfter(in.getRowCount(), EXTRA_BYTES_PER_GROUP));
          }
          pipeline.process(in);
        } finally {
          if (in != null) in.close();
        }
      }
      return flushed.poll();
    } finally {
      building = false;
    }
  }

  /** The next batch of the partial table's groups being passed on. */
  private VectorSchemaRoot nextFlushed() {
    int n = Math.min(batchSize, table.groupCount() - flushCursor);
    VectorSchemaRoot[] out = new VectorSchemaRoot[1];
    table.emit(columns, schema, batchSize, allocator, null, flushCursor, flushCursor + n, b -> out[0] = b);
    flushCursor += n;
    return out[0];
  }

  /** Passes a partial aggregation's groups on (as output batches) and empties the table. */
  private void flush() {
    table.emit(columns, schema, batchSize, allocator, flushed::add);
    table.reset();
    reservation.resize(table.memoryBytes());
  }

  private void build() {
    building = true;
    try {
      VectorSchemaRoot in;
      while (!pipeline.done() && (in = input.next()) != null) {
        try {
          makeRoom(table, in.getRowCount(), 0);
          pipeline.process(in);
        } finally {
          in.close();
        }
      }
    } finally {
      building = false;
    }
    if (pending.isEmpty()) {
      emitting = table;
      cursor = 0;
      return;
    }
    if (table.groupCount() > 0) spill(table, pending.peek());
    table.close();
    reservation.resize(0);
  }

  /** Grows the reservation to what {@code t} may need after {@code rows} more groups, spilling it first if refused. */
  private void makeRoom(AggHashTable t, int rows, int level) {
    if (reservation == null) return;
    if (reservation.tryResize(t.memoryBytesAfter(rows, EXTRA_BYTES_PER_GROUP))) return;
    if (t.groupCount() > 0) spill(t, spillAt(level));
    reservation.resize(t.memoryBytesAfter(rows, EXTRA_BYTES_PER_GROUP));
  }

  /** The spill files of {@code level} (the top of the pending stack), created on first use. */
  private AggregateSpill spillAt(int level) {
    AggregateSpill top = pending.peek();
    if (top != null && top.level() == level) return top;
    if (level > MAX_LEVEL) {
      throw new EmberException(EmberException.OUT_OF_MEMORY, "out of memory: HashAggregate in " + memory.name()
          + " still does not fit after re-partitioning its spilled groups " + MAX_LEVEL + " times");
    }
    AggregateSpill s = new AggregateSpill(level);
    pending.push(s);
    return s;
  }

  private void spill(AggHashTable t, AggregateSpill into) {
    into.write(t, spilling.intermediateColumns(), spilling.intermediate(), batchSize, allocator, memory.metrics());
    t.reset();
    reservation.resize(t.memoryBytes());
  }

  /** Another operator of the task needs memory: spill the table if it is between batches of its input. */
  private long spillRequested(long bytesWanted) {
    if (!building || closed || table.groupCount() == 0 || flushCursor >= 0) return 0;
    long before = reservation.size();
    if (isPartial()) flush();
    else spill(table, spillAt(0));
    return before - reservation.size();
  }

  /**
   * Merges the next spilled partition into the merge table and makes it the one emitted; a
   * partition that does not fit spills again one level down. False when nothing is left.
   */
  private boolean mergeNextPartition() {
    while (!pending.isEmpty()) {
      AggregateSpill top = pending.peek();
      List<SpillFile> part = top.takeNextPartition();
      if (part == null) {
        pending.pop().close();
        continue;
      }
      if (merge == null) merge = spilling.merge().get();
      int level = top.level() + 1;
      int depth = pending.size();
      try {
        for (SpillFile f : part) {
          try (BatchSource in = f.read(allocator)) {
            VectorSchemaRoot b;
            while ((b = in.next()) != null) {
              try {
                makeRoom(merge.table(), b.getRowCount(), level);
                merge.pipeline().process(b);
              } finally {
                b.close();
              }
            }
          }
          f.close();
        }
      } finally {
        Batches.closeAll(part);
      }
      if (pending.size() == depth) {
        emitting = merge.table();
        cursor = 0;
        return true;
      }
      spill(merge.table(), pending.peek()); // the rest of an oversized partition joins its sub-partitions
    }
    return false;
  }

  @Override public void close() {
    if (closed) return;
    closed = true;
    try {
      Batches.closeAll(pending);
      pending.clear();
      Batches.closeAll(flushed);
      flushed.clear();
      if (heldInput != null) heldInput.close();
      heldInput = null;
      table.close();
      if (merge != null) merge.table().close();
      if (reservation != null) reservation.close();
    } finally {
      input.close();
    }
  }
}
