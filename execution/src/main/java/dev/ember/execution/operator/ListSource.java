package dev.ember.execution.operator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Hands out batches it was given (and owns until then). */
public final class ListSource implements BatchSource {
  private final Deque<VectorSchemaRoot> batches;

  public ListSource(List<VectorSchemaRoot> batches) { this.batches = new ArrayDeque<>(batches); }

  @Override public VectorSchemaRoot next() {
    while (!batches.isEmpty()) {
      VectorSchemaRoot b = batches.poll();
      if (b.getRowCount() > 0) return b;
      b.close();
    }
    return null;
  }

  @Override public void close() {
    Batches.closeAll(batches);
    batches.clear();
  }
}
