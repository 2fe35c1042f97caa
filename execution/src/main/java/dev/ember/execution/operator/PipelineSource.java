package dev.ember.execution.operator;

import dev.ember.codegen.operator.BatchBuilder;
import dev.ember.codegen.pipeline.Pipeline;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Runs input batches through a pipeline whose sink is an output {@link BatchBuilder}, and
 * returns the batches it produces.
 */
public final class PipelineSource implements BatchSource {
  private final BatchSource input;
  private final Pipeline pipeline;
  private final BatchBuilder output;
  private final Deque<VectorSchemaRoot> ready;
  private boolean finished;

  /** {@code output} must hand its batches to {@code ready}. */
  public PipelineSource(BatchSource input, Pipeline pipeline, BatchBuilder output, Deque<VectorSchemaRoot> ready) {
    this.input = input;
    this.pipeline = pipeline;
    this.output = output;
    this.ready = ready;
  }

  public static Deque<VectorSchemaRoot> newQueue() { return new ArrayDeque<>(); }

  @Override public VectorSchemaRoot next() {
    while (ready.isEmpty() && !finished) {
      VectorSchemaRoot in = pipeline.done() ? null : input.next();
      if (in == null) {
        finished = true;
        output.finish();
        break;
      }
      try {
        pipeline.process(in);
      } finally {
        in.close();
      }
    }
    return ready.poll();
  }

  @Override public void close() {
    Batches.closeAll(ready);
    ready.clear();
    output.close();
    input.close();
  }
}
