package dev.ember.execution.operator;

import java.util.function.LongConsumer;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Runs a stop check before each batch of a leaf source (a scan, a shuffle read), so a cancelled
 * query stops within one batch even inside an operator that drains its whole input before it
 * returns anything (aggregation, sort, a join's build side). The check throws to stop. Also
 * reports the rows read, for the query's progress.
 */
public final class StopCheckSource implements BatchSource {
  private final BatchSource input;
  private final Runnable check;
  private final LongConsumer rowsRead;

  public StopCheckSource(BatchSource input, Runnable check, LongConsumer rowsRead) {
    this.input = input;
    this.check = check;
    this.rowsRead = rowsRead;
  }

  @Override public VectorSchemaRoot next() {
    check.run();
    VectorSchemaRoot b = input.next();
    if (b != null) rowsRead.accept(b.getRowCount());
    return b;
  }

  @Override public void close() { input.close(); }
}
