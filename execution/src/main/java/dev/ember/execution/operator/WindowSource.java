package dev.ember.execution.operator;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Schema;
import dev.ember.codegen.operator.Accumulator;
import dev.ember.datasources.arrow.ArrowTypes;
import dev.ember.datasources.arrow.ArrowValues;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import dev.ember.execution.memory.MemoryReservation;
import dev.ember.execution.memory.TaskMemory;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The window operator: buffers its input (one task's share, which holds whole partitions),
 * orders the rows by partition keys then order keys, computes every {@link WindowColumn} per
 * row ({@link WindowEvaluator}) and returns the rows in that order: the input's columns, then
 * one column per function. Values are handled boxed: a first version that favours clarity over
 * speed.
 *
 * <p>With input already sorted by partition and order keys (the planner puts a spilling
 * {@link Sorts#sort} below it), only the rows of the window partitions not yet complete are
 * buffered: each time a batch starts a new partition, the complete ones are computed and
 * returned. The buffered rows are reserved from the task's memory; one window partition larger
 * than the task's share fails with an out-of-memory error (SQLSTATE 53200).
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
  private final boolean sortedInput;
  private final MemoryReservation reservation;
  private boolean inputDone;

  /** @param schema the output: the input's columns, then one per function */
  public WindowSource(BatchSource input, List<Sorts.Key> partitionKeys, List<Sorts.Key> orderKeys,
      List<WindowColumn> columns, Schema schema, BufferAllocator allocator, int batchSize) {
    this(input, partitionKeys, orderKeys, columns, schema, allocator, batchSize, null, false);
  }

  /**
   * @param memory the task's memory, where the buffered rows are reserved (null: no limit)
   * @param sortedInput whether the input comes sorted by partition keys, then order keys
   */
  public WindowSource(BatchSource input, List<Sorts.Key> partitionKeys, List<Sorts.Key> orderKeys,
      List<WindowColumn> columns, Schema schema, BufferAllocator allocator, int batchSize, TaskMemory memory,
      boolean sortedInput) {
    this.sortedInput = sortedInput && !partitionKeys.isEmpty();
    this.reservation = memory == null ? null : memory.newReservation("Window", null);
    this.input = input;
    this.partitionKeys = List.copyOf(partitionKeys);
    this.orderKeys = List.copyOf(orderKeys);
    this.columns = List.copyOf(columns);
    this.schema = schema;
    this.allocator = allocator;
    this.batchSize = batchSize;
  }

  @Override public VectorSchemaRoot next() {
    while (ready.isEmpty() && !inputDone) {
      VectorSchemaRoot b = input.next();
      if (b == null) {
        inputDone = true;
        computeBuffered();
        break;
      }
      int cut;
      try {
        cut = sortedInput ? lastPartitionStart(b) : 0;
      } catch (RuntimeException | Error e) {
        b.close();
        throw e;
      }
      if (cut == 0) {
        hold(b);
        continue;
      }
      try {
        hold(Batches.slice(b, 0, cut, allocator));
        computeBuffered();
        hold(Batches.slice(b, cut, b.getRowCount() - cut, allocator));
      } finally {
        b.close();
      }
    }
    return ready.poll();
  }

  /** Buffers {@code b} (now owned here) and reserves its memory. */
  private void hold(VectorSchemaRoot b) {
    batches.add(b);
    if (reservation == null) return;
    long bytes = 64L * b.getRowCount() + Accumulator.bufferBytes(b); // + the evaluation's per-row arrays
    reservation.reserve(bytes);
  }

  /**
   * The first row of {@code b}'s last window partition (rows before it complete every buffered
   * partition), or 0 when all of {@code b} continues the last buffered partition.
   */
  private int lastPartitionStart(VectorSchemaRoot b) {
    RowOrdering keys = RowOrdering.of(partitionKeys, b);
    for (int i = b.getRowCount() - 1; i > 0; i--) {
      if (keys.compare(i - 1, i) != 0) return i;
    }
    if (batches.isEmpty()) return 0;
    VectorSchemaRoot last = batches.get(batches.size() - 1);
    RowOrdering lastKeys = RowOrdering.of(partitionKeys, last);
    if (lastKeys.compareWith(last.getRowCount() - 1, keys, 0) == 0) return 0;
    // b starts a new partition: everything buffered is complete
    computeBuffered();
    return 0;
  }

  /** Computes and emits the buffered rows (whole window partitions), then frees them. */
  private void computeBuffered() {
    try {
      if (!batches.isEmpty()) compute();
    } finally {
      Batches.closeAll(batches);
      batches.clear();
      if (reservation != null) reservation.releaseAll();
    }
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
    RangeKeys keys = null;
    for (WindowColumn c : columns) {
      List<Object[]> args = new ArrayList<>();
      for (WindowColumn.Arg a : c.args()) args.add(a.isConstant() ? null : values(a, order, batchOf, rowOf));
      if (keys == null && WindowEvaluator.needsKeys(c.frame())) keys = rangeKeys(order, batchOf, rowOf);
      results.add(new WindowEvaluator(c, layout, args, keys).evaluate());
    }
    emit(order, batchOf, rowOf, results);
  }

  /** The only ORDER BY key's values in sorted order, for RANGE frames with offsets. */
  private RangeKeys rangeKeys(int[] order, int[] batchOf, int[] rowOf) {
    if (orderKeys.size() != 1) {
      throw EmberException.notSupported("RANGE window frame with an offset and other than one ORDER BY key");
    }
    Sorts.Key k = orderKeys.get(0);
    return RangeKeys.of(values(WindowColumn.Arg.column(k.column(), k.type()), order, batchOf, rowOf), k.type(),
        k.ascending());
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
          WindowValues.fill(out.getVector(inputColumns + w), columns.get(w).type(), results.get(w), start, len);
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
    if (reservation != null) reservation.close();
    input.close();
  }
}
