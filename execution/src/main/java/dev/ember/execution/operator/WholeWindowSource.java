package dev.ember.execution.operator;

import dev.ember.catalyst.expr.WindowFrame;
import dev.ember.catalyst.expr.WindowFunction.WinFn;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.arrow.ArrowTypes;
import dev.ember.datasources.arrow.ArrowValues;
import dev.ember.execution.memory.MemoryReservation;
import dev.ember.execution.memory.TaskMemory;
import dev.ember.execution.spill.SpillFile;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A window over the whole input (no PARTITION BY) whose functions are all aggregates over the
 * whole partition — COUNT/SUM/AVG/MIN/MAX with {@code ROWS BETWEEN UNBOUNDED PRECEDING AND
 * UNBOUNDED FOLLOWING}, as in {@code sum(x) OVER ()} — computed in two passes: the first
 * accumulates the aggregates while keeping the rows, in memory as long as the task's memory
 * grants them and in an Arrow IPC spill file once it refuses; the second reads the rows back in
 * order and appends the (constant) results. So such a window over more rows than memory holds
 * completes. Output rows keep the input's order (sorted by the ORDER BY keys if any).
 */
public final class WholeWindowSource implements BatchSource {
  private final BatchSource input;
  private final List<WindowColumn> columns;
  private final Schema schema;
  private final BufferAllocator allocator;
  private final TaskMemory memory;
  private final MemoryReservation reservation;
  private final WindowAggregate[] aggregates;
  /** Rows kept in memory, after those in {@link #spill}. */
  private final Deque<VectorSchemaRoot> held = new ArrayDeque<>();
  private SpillFile spill;
  private BatchSource spilled;
  private Object[] results;

  /** @param memory where the kept rows are reserved (null: no limit, never spills) */
  public WholeWindowSource(BatchSource input, List<WindowColumn> columns, Schema schema, BufferAllocator allocator,
      TaskMemory memory) {
    this.input = input;
    this.columns = List.copyOf(columns);
    this.schema = schema;
    this.allocator = allocator;
    this.memory = memory;
    this.reservation = memory == null ? null : memory.newReservation("Window", null);
    this.aggregates = new WindowAggregate[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      WindowColumn col = columns.get(c);
      DataType argType = col.args().isEmpty() ? col.type() : col.args().get(0).type();
      aggregates[c] = new WindowAggregate(col.fn(), argType, col.type());
    }
  }

  /** Whether this operator computes the window: no PARTITION BY, and only aggregates over the whole partition. */
  public static boolean supports(List<Sorts.Key> partitionKeys, List<WindowColumn> columns) {
    if (!partitionKeys.isEmpty() || columns.isEmpty()) return false;
    for (WindowColumn c : columns) {
      boolean aggregate = c.fn() == WinFn.COUNT || c.fn() == WinFn.SUM || c.fn() == WinFn.AVG || c.fn() == WinFn.MIN
          || c.fn() == WinFn.MAX;
      WindowFrame f = c.frame();
      if (!aggregate || f.lower().kind() != WindowFrame.Kind.UNBOUNDED_PRECEDING
          || f.upper().kind() != WindowFrame.Kind.UNBOUNDED_FOLLOWING) {
        return false;
      }
    }
    return true;
  }

  @Override public VectorSchemaRoot next() {
    if (results == null) firstPass();
    if (spilled != null) {
      VectorSchemaRoot b = spilled.next();
      if (b != null) return output(b);
      spilled.close();
      spilled = null;
    }
    VectorSchemaRoot b = held.poll();
    if (b == null) return null;
    if (reservation != null) reservation.release(bytes(b));
    return output(b);
  }

  /** Reads the whole input, accumulating the aggregates and keeping the rows. */
  private void firstPass() {
    VectorSchemaRoot b;
    while ((b = input.next()) != null) {
      try {
        for (int c = 0; c < columns.size(); c++) accumulate(c, b);
        keep(b);
      } catch (RuntimeException | Error e) {
        b.close();
        throw e;
      }
    }
    results = new Object[columns.size()];
    for (int c = 0; c < columns.size(); c++) results[c] = aggregates[c].result();
    if (spill != null) {
      spill.finish();
      spilled = spill.read(allocator);
    }
  }

  private void accumulate(int c, VectorSchemaRoot b) {
    WindowColumn col = columns.get(c);
    WindowAggregate acc = aggregates[c];
    WindowColumn.Arg a = col.args().isEmpty() ? null : col.args().get(0);
    for (int r = 0; r < b.getRowCount(); r++) {
      if (a == null) acc.add(Boolean.TRUE); // count(*): any non-NULL marker
      else acc.add(a.isConstant() ? a.constant() : ArrowValues.get(b.getVector(a.column()), r, a.type()));
    }
  }

  /** Keeps {@code b} (owned here from now on): in memory if granted, else it and every row kept go to the spill file. */
  private void keep(VectorSchemaRoot b) {
    if (reservation == null || reservation.tryReserve(bytes(b))) {
      held.add(b);
      return;
    }
    if (spill == null) spill = new SpillFile("window", b.getSchema(), allocator, memory.metrics());
    held.add(b);
    VectorSchemaRoot h;
    while ((h = held.poll()) != null) {
      try (VectorSchemaRoot batch = h) {
        spill.write(batch);
      }
    }
    reservation.releaseAll();
    memory.metrics().spilled();
  }

  private static long bytes(VectorSchemaRoot b) {
    long bytes = 0;
    for (FieldVector v : b.getFieldVectors()) bytes += dev.ember.codegen.operator.Accumulator.bufferBytes(v);
    return bytes;
  }

  /** {@code b}'s columns (moved, not copied) and the functions' results. */
  private VectorSchemaRoot output(VectorSchemaRoot b) {
    try (b) {
      VectorSchemaRoot out = ArrowTypes.createRoot(schema, allocator);
      try {
        int len = b.getRowCount();
        int inputColumns = b.getFieldVectors().size();
        for (int c = 0; c < inputColumns; c++) b.getVector(c).makeTransferPair(out.getVector(c)).transfer();
        for (int w = 0; w < results.length; w++) {
          FieldVector to = out.getVector(inputColumns + w);
          DataType t = columns.get(w).type();
          to.setInitialCapacity(len);
          to.allocateNew();
          for (int i = 0; i < len; i++) ArrowValues.set(to, i, t, results[w]);
          to.setValueCount(len);
        }
        out.setRowCount(len);
        return out;
      } catch (RuntimeException | Error e) {
        out.close();
        throw e;
      }
    }
  }

  @Override public void close() {
    Batches.closeAll(held);
    held.clear();
    if (spilled != null) spilled.close();
    if (spill != null) spill.close();
    if (reservation != null) reservation.close();
    input.close();
  }
}
