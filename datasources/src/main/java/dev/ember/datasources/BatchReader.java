package dev.ember.datasources;

import org.apache.arrow.vector.VectorSchemaRoot;

/** Streams the rows of one split as Arrow batches. */
public interface BatchReader extends AutoCloseable {
  /**
   * The next batch (≤ batchSize rows, ≥ 1 row), owned by the caller, who closes it; null at the
   * end. Its vectors follow {@link dev.ember.datasources.arrow.ArrowTypes}' mapping for the
   * requested columns, in order.
   */
  VectorSchemaRoot next();

  /** Releases files and buffers the reader holds; batches already returned stay valid. */
  @Override void close();
}
