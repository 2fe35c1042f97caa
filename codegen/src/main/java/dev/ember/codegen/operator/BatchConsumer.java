package dev.ember.codegen.operator;

import org.apache.arrow.vector.VectorSchemaRoot;

/** Receives batches; takes ownership of each (it must close it, or hand it on). */
@FunctionalInterface
public interface BatchConsumer {
  void accept(VectorSchemaRoot batch);
}
