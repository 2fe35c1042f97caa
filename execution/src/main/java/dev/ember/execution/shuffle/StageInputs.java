package dev.ember.execution.shuffle;

import dev.ember.execution.operator.BatchSource;
import dev.ember.execution.operator.ListSource;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Where a task reads the outputs of earlier stages: the local shuffle ({@link StageOutputs}) in
 * local mode, blocks fetched from executors in cluster mode.
 */
public interface StageInputs {
  /** Every batch of one partition of a stage's output; the caller owns (and closes) them. */
  List<VectorSchemaRoot> take(int stage, int partition);

  /**
   * One partition of a stage's output as a stream the caller owns, what was spilled read back
   * into {@code allocator} batch by batch (so a partition larger than memory can be read).
   */
  default BatchSource open(int stage, int partition, BufferAllocator allocator) {
    return new ListSource(take(stage, partition));
  }
}
