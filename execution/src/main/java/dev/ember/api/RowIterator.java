package dev.ember.api;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A result's rows, converted one batch at a time as the query produces them (at most one batch's
 * rows are held). Reaching the end frees the query; closing early stops it.
 */
public final class RowIterator implements Iterator<Row>, AutoCloseable {
  private final QueryResult result;
  private List<Row> batch = List.of();
  private int next;
  private boolean done;

  RowIterator(QueryResult result) { this.result = result; }

  @Override public boolean hasNext() {
    while (!done && next >= batch.size()) {
      VectorSchemaRoot b = result.nextBatch();
      if (b == null) {
        close();
        return false;
      }
      batch = Actions.rows(b, result.schema());
      next = 0;
    }
    return !done && next < batch.size();
  }

  @Override public Row next() {
    if (!hasNext()) throw new NoSuchElementException();
    return batch.get(next++);
  }

  @Override public void close() {
    if (done) return;
    done = true;
    result.close();
  }
}
