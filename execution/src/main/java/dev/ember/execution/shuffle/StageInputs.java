package dev.ember.execution.shuffle;

import dev.ember.execution.operator.BatchSource;
import dev.ember.execution.operator.ListSource;
import dev.ember.planner.physical.PartitionRange;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Where a task reads the outputs of earlier stages: the local shuffle ({@link StageOutputs}) in
 * local mode, blocks fetched from executors in cluster mode.
 */
public interface StageInputs {
  /** Every batch of one partition of a stage's output; the caller owns (and closes) them. */
  default List<VectorSchemaRoot> take(int stage, int partition) {
    return take(stage, partition, 0, PartitionRange.ALL_MAPS);
  }

  /**
   * The batches of one partition of a stage's output written by map tasks {@code [mapStart,
   * mapEnd)} ({@link PartitionRange#ALL_MAPS}: by every map task): a split of a skewed
   * partition. The caller owns (and closes) them.
   */
  List<VectorSchemaRoot> take(int stage, int partition, int mapStart, int mapEnd);

  /**
   * Like {@link #take(int, int, int, int)} but as a stream the caller owns, what was spilled read
   * back into {@code allocator} batch by batch (so a partition larger than memory can be read).
   */
  default BatchSource open(int stage, int partition, int mapStart, int mapEnd, BufferAllocator allocator) {
    return new ListSource(take(stage, partition, mapStart, mapEnd));
  }
}
