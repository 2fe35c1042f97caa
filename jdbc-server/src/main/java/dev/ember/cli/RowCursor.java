package dev.ember.cli;

import dev.ember.api.QueryResult;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.arrow.ArrowValues;
import java.util.function.BooleanSupplier;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Walks a result's batches row by row, handing out boxed Ember values; polls for cancellation
 * between batches. Values are read on demand, so a printer touches each cell once.
 */
final class RowCursor {
  private final QueryResult result;
  private final BooleanSupplier cancelled;
  private final DataType[] types;
  private VectorSchemaRoot batch;
  private int row = -1;
  private boolean wasCancelled;
  private boolean done;

  RowCursor(QueryResult result, BooleanSupplier cancelled) {
    this.result = result;
    this.cancelled = cancelled;
    Schema schema = result.schema();
    this.types = new DataType[schema.size()];
    for (int i = 0; i < types.length; i++) types[i] = schema.field(i).type();
  }

  /** Moves to the next row; false at the end of the result or once cancelled. */
  boolean next() {
    if (done) return false;
    while (batch == null || ++row >= batch.getRowCount()) {
      if (cancelled.getAsBoolean()) {
        wasCancelled = true;
        done = true;
        return false;
      }
      batch = result.nextBatch();
      row = -1;
      if (batch == null) {
        done = true;
        return false;
      }
    }
    return true;
  }

  int columnCount() { return types.length; }

  DataType type(int column) { return types[column]; }

  /** The current row's value in {@code column}, or null. */
  Object get(int column) { return ArrowValues.get(batch.getVector(column), row, types[column]); }

  /** True when reading stopped because of a cancellation rather than the end of the result. */
  boolean wasCancelled() { return wasCancelled; }
}
