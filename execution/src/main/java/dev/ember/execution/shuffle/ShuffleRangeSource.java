package dev.ember.execution.shuffle;

import dev.ember.execution.operator.BatchSource;
import dev.ember.execution.operator.Batches;
import dev.ember.planner.physical.PartitionRange;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The shuffle partitions of a stage's output that adaptive execution gave to one task (a range of
 * coalesced partitions, or some map tasks' blocks of a split skewed partition), read one after
 * another and streamed: small batches in a row are merged up to the batch size, so a coalesced
 * task does not run its pipeline over many tiny batches, and a partition that was spilled is
 * never read back into memory all at once.
 */
public final class ShuffleRangeSource implements BatchSource {
  private final StageInputs inputs;
  private final int stage;
  private final int end;
  private final int mapStart;
  private final int mapEnd;
  private final int batchSize;
  private final BufferAllocator allocator;
  private int next;
  private BatchSource current;
  private VectorSchemaRoot held;

  public ShuffleRangeSource(StageInputs inputs, int stage, PartitionRange range, int batchSize, BufferAllocator allocator) {
    this.inputs = inputs;
    this.stage = stage;
    this.next = range.start();
    this.end = range.end();
    this.mapStart = range.mapStart();
    this.mapEnd = range.mapEnd();
    this.batchSize = batchSize;
    this.allocator = allocator;
  }

  @Override public VectorSchemaRoot next() {
    List<VectorSchemaRoot> run = new ArrayList<>();
    int rows = 0;
    try {
      while (true) {
        VectorSchemaRoot b = held != null ? held : pull();
        held = null;
        if (b == null) break;
        if (!run.isEmpty() && rows + b.getRowCount() > batchSize) {
          held = b;
          break;
        }
        run.add(b);
        rows += b.getRowCount();
      }
    } catch (RuntimeException | Error e) {
      Batches.closeAll(run);
      throw e;
    }
    if (run.isEmpty()) return null;
    return run.size() == 1 ? run.get(0) : Batches.compact(run, batchSize, allocator).get(0);
  }

  /** The next batch of the partitions, opening the next partition when one ends; null after the last. */
  private VectorSchemaRoot pull() {
    while (true) {
      if (current != null) {
        VectorSchemaRoot b = current.next();
        if (b != null) return b;
        current.close();
        current = null;
      }
      if (next >= end) return null;
      current = inputs.open(stage, next++, mapStart, mapEnd, allocator);
    }
  }

  @Override public void close() {
    if (held != null) held.close();
    held = null;
    if (current != null) current.close();
    current = null;
  }
}
