package dev.ember.execution.scheduler;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Where each task of a query's result stage puts its batches when the result is not streamed to
 * one reader but consumed where it is produced, task by task (a write job: one file writer per
 * task, so a write runs as parallel as the query's last stage).
 */
public interface ResultTasks {
  /** The output of result task {@code partition}; called on the task's thread. */
  Output open(int partition);

  /** One task's output: batches, then {@link #commit} when the task succeeded, else {@link #abort}. */
  interface Output {
    /** Consumes a batch; the caller closes it afterwards. */
    void accept(VectorSchemaRoot batch);

    void commit();

    void abort();
  }
}
