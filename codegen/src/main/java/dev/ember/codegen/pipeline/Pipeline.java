package dev.ember.codegen.pipeline;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A running pipeline: takes input batches one at a time and pushes rows into its sink (an
 * output {@link dev.ember.codegen.operator.BatchBuilder} or an
 * {@link dev.ember.codegen.operator.AggHashTable}). Not thread-safe: one per task.
 */
public interface Pipeline {
  /** Runs every row of {@code batch} through the pipeline; the batch still belongs to the caller. */
  void process(VectorSchemaRoot batch);

  /** True once no more input is wanted (a limit was reached). */
  boolean done();

  /** Whether this instance runs generated code. */
  boolean generated();
}
