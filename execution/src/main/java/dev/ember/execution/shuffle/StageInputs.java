package dev.ember.execution.shuffle;

import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Where a task reads the outputs of earlier stages: the local shuffle ({@link StageOutputs}) in
 * local mode, blocks fetched from executors in cluster mode.
 */
public interface StageInputs {
  /** Every batch of one partition of a stage's output; the caller owns (and closes) them. */
  List<VectorSchemaRoot> take(int stage, int partition);
}
