package dev.ember.datasources.write;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Writes one task's rows into the job's staging area. {@link #commit} makes the task's files part
 * of the job's output (still invisible until {@link WriteJob#commitJob}); {@link #abort} deletes
 * them. Closing a writer that was neither committed nor aborted aborts it.
 */
public interface TaskWriter extends AutoCloseable {
  /**
   * Writes every row of {@code batch}, whose columns are in the spec's schema order with Ember's
   * Arrow mapping ({@link dev.ember.datasources.arrow.ArrowTypes}). The caller keeps ownership.
   */
  void write(VectorSchemaRoot batch);

  void commit();

  void abort();

  /** Aborts unless already committed or aborted. */
  @Override void close();
}
