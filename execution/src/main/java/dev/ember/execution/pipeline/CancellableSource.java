package dev.ember.execution.pipeline;

import dev.ember.execution.operator.BatchSource;
import dev.ember.execution.scheduler.QueryContext;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A scan that stops at the next batch once its query is cancelled. Breakers (aggregation, sort,
 * join build) drain their input inside one {@code next()}, so without this check a cancelled
 * query would run its scans to the end before the task noticed.
 */
final class CancellableSource implements BatchSource {
  private final BatchSource source;
  private final QueryContext query;

  CancellableSource(BatchSource source, QueryContext query) {
    this.source = source;
    this.query = query;
  }

  @Override public VectorSchemaRoot next() {
    query.checkRunning();
    return source.next();
  }

  @Override public void close() { source.close(); }
}
