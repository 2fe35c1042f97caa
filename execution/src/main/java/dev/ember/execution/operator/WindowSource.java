package dev.ember.execution.operator;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.arrow.ArrowTypes;
import dev.ember.datasources.arrow.ArrowValues;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The window operator: buffers its whole input (one task's share, which holds whole
 * partitions), orders the rows by partition keys then order keys, computes every
 * {@link WindowColumn} per row ({@link WindowEvaluator}) and returns the rows in that order: the
 * input's columns, then one column per function. Values are handled boxed: a first version that
 * favours clarity over speed.
 */
public final class WindowSource implements BatchSource {
  private final BatchSource input;
  private final List<Sorts.Key> partitionKeys;
  private final List<Sorts.Key> orderKeys;
  private final List<WindowColumn> columns;
  private final Schema schema;
  private final BufferAllocator allocator;
  private final int batchSize;
  private final List<VectorSchemaRoot> batches = new ArrayList<>();
  private final Deque<VectorSchemaRoot> ready = new ArrayDeque<>();
  private boolean computed;

  /** @param schema the output: the input's columns, then one per function */
  public WindowSource(BatchSource input, List<Sorts.Key> partitionKeys, List<Sorts.Key> orderKeys,
      List<WindowColumn> columns, Schema schema, BufferAllocator allocator, int batchSize) {
    this.input = input;
    this.partitionKeys = List.copyOf(partitionKeys);
    this.orderKeys = List.copyOf(orderKeys);
    this.columns = List.copyOf(columns);
    this.schema = schema;
    this.allocator = allocator;
    this.batchSize = batchSize;
  }

  @Override public VectorSchemaRoot next() {
    if (!computed) {
      computed = true;
      VectorSchemaRoot b;
      while ((b = input.next()) != null) batches.add(b);
      compute();
      Batches.closeAll(batches);
      batches.clear();
    }
    return ready.poll();
  }

  private void compute() {
    int n = 0;
    for (VectorSchemaRoot b : batches) n += b.getRowCount();
    if (n == 0) return;
    int[] batchOf = new int[n], rowOf = new int[n];
    for (int b = 0, i = 0; b < batches.size(); b++) {
      for (int r = 0; r < batches.get(b).getRowCount(); r++, i++) {
        batchOf[i] = b;
        rowOf[i] = r;
      }
    }
    List<Sorts.Key> all = new ArrayList<>(partitionKeys);
    all.addAll(orderKeys);
    RowOrdering ordering = new RowOrdering(all, batches, batchOf, rowOf, n);
    Integer[] boxed = new Integer[n];
    for (int i = 0; i < n; i++) boxed[i] = i;
    Arrays.sort(boxed, ordering::compare);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) order[i] = boxed[i];
    RowOrdering partitions = new RowOrdering(partitionKeys, batches, batchOf, rowOf, n);
    RowOrdering peers = new RowOrdering(orderKeys, batches, batchOf, rowOf, n);
    WindowLayout layout = WindowLayout.of(n,
        i -> partitions.compare(order[i - 1], order[i]) != 0,
        i -> peers.compare(order[i - 1], order[i]) != 0);
    List<Object[]> results = new ArrayList<>();
    for (WindowColumn c : columns) {
      List<Object[]> args = new ArrayList<>();
      for (WindowColumn.Arg a : c.args()) args.add(a.isConstant() ? null : values(a, order, batchOf, rowOf));
      results.add(new WindowEvaluator(c, layout, args).evaluate());
    }
    emit(order, batchOf, rowOf, results);
  }

  private Object[] values(WindowColumn.Arg a, int[] order, int[] batchOf, int[] rowOf) {
    Object[] out = new Object[order.length];
    for (int i = 0; i < order.length; i++) {
      int row = order[i];
      out[i] = ArrowValues.get(batches.get(batchOf[row]).getVector(a.column()), rowOf[row], a.type());
    }
    return out;
  }

  private void emit(int[] order, int[] batchOf, int[] rowOf, List<Object[]> results) {
    int inputColumns = batches.get(0).getFieldVectors().size();
    for (int start = 0; start < order.length; start += batchSize) {
      int len = Math.min(batchSize, order.length - start);
      VectorSchemaRoot out = ArrowTypes.createRoot(schema, allocator);
      try {
        for (int c = 0; c < inputColumns; c++) {
          FieldVector to = out.getVector(c);
          to.setInitialCapacity(len);
          to.allocateNew();
          for (int i = 0; i < len; i++) {
            int row = order[start + i];
            ArrowValues.copy(batches.get(batchOf[row]).getVector(c), rowOf[row], to, i);
          }
          to.setValueCount(len);
        }
        for (int w = 0; w < results.size(); w++) {
          FieldVector to = out.getVector(inputColumns + w);
          DataType t = columns.get(w).type();
          to.setInitialCapacity(len);
          to.allocateNew();
          Object[] values = results.get(w);
          for (int i = 0; i < len; i++) ArrowValues.set(to, i, t, values[start + i]);
          to.setValueCount(len);
        }
        out.setRowCount(len);
      } catch (RuntimeException | Error e) {
        out.close();
        throw e;
      }
      ready.add(out);
    }
  }

  @Override public void close() {
    Batches.closeAll(ready);
    ready.clear();
    Batches.closeAll(batches);
    batches.clear();
    input.close();
  }
}
