package dev.ember.execution.operator;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A pull-based stream of batches between pipelines. Each batch returned belongs to the caller,
 * who closes it (or passes it on). Closing the source releases what it still holds.
 */
public interface BatchSource extends AutoCloseable {
  /** The next non-empty batch, or null at the end. */
  VectorSchemaRoot next();

  @Override void close();
}
