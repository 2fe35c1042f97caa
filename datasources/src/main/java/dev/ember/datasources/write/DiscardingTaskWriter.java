package dev.ember.datasources.write;

import org.apache.arrow.vector.VectorSchemaRoot;

/** The task writer of a skipped job (IGNORE over an existing target): writes nothing. */
enum DiscardingTaskWriter implements TaskWriter {
  INSTANCE;

  @Override public void write(VectorSchemaRoot batch) { }

  @Override public void commit() { }

  @Override public void abort() { }

  @Override public void close() { }
}
