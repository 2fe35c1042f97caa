package dev.ember.execution.operator;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Runs a stop check before each batch of a leaf source (a scan, a shuffle read), so a cancelled
 * query stops within one batch even inside an operator that drains its whole input before it
 * returns anything (aggregation, sort, a join's build side). The check throws to stop.
 */
public final class StopCheckSource implements BatchSource {
  private final BatchSource input;
  private final Runnable check;

  public StopCheckSource(BatchSource input, Runnable check) {
    this.input = input;
    this.check = check;
  }

  @Override public VectorSchemaRoot next() {
    check.run();
    return input.next();
  }

  @Override public void close() { input.close(); }
}
