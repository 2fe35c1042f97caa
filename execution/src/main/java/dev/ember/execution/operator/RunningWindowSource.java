package dev.ember.execution.operator;

import dev.ember.catalyst.expr.WindowFrame;
import dev.ember.catalyst.expr.WindowFunction.WinFn;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Schema;
import dev.ember.codegen.operator.Accumulator;
import dev.ember.datasources.arrow.ArrowTypes;
import dev.ember.datasources.arrow.ArrowValues;
import dev.ember.execution.memory.MemoryReservation;
import dev.ember.execution.memory.TaskMemory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A window over the whole input (no PARTITION BY) whose functions see only the rows up to the
 * current row's peers — ROW_NUMBER, RANK, DENSE_RANK, and COUNT/SUM/AVG/MIN/MAX over
 * {@code UNBOUNDED PRECEDING .. CURRENT ROW} — computed in one streaming pass over input sorted
 * by the ORDER BY keys (an external sort below it spills), carrying the running state from batch
 * to batch. So such a window over more rows than memory holds completes, holding back only the
 * last peer group seen (its rows are not complete until a row with another key arrives); that
 * group is reserved from the task's memory. Output rows keep the input's order, with one column
 * per function after the input's columns.
 */
public final class RunningWindowSource implements BatchSource {
  private final BatchSource input;
  private final List<Sorts.Key> orderKeys;
  private final List<WindowColumn> columns;
  private final Schema schema;
  private final BufferAllocator allocator;
  private final MemoryReservation reservation;
  private final WindowAggregate[] aggregates;
  /** Rows of the last peer group seen, not yet complete. */
  private final List<VectorSchemaRoot> pending = new ArrayList<>();
  private final Deque<VectorSchemaRoot> ready = new ArrayDeque<>();
  private long rowsBefore;
  /** Per function: the peer groups seen so far (DENSE_RANK's running state). */
  private final long[] groupsBefore;
  private boolean inputDone;

  /** @param input sorted by {@code orderKeys}; @param memory where the held-back peer group is reserved (null: no limit) */
  public RunningWindowSource(BatchSource input, List<Sorts.Key> orderKeys, List<WindowColumn> columns, Schema schema,
      BufferAllocator allocator, TaskMemory memory) {
    this.input = input;
    this.orderKeys = List.copyOf(orderKeys);
    this.columns = List.copyOf(columns);
    this.schema = schema;
    this.allocator = allocator;
    this.reservation = memory == null ? null : memory.newReservation("Window", null);
    this.aggregates = new WindowAggregate[columns.size()];
    this.groupsBefore = new long[columns.size()];
    for (int c = 0; c < columns.size(); c++) aggregates[c] = WindowAggregate.of(columns.get(c));
  }

  /** Whether a window with these keys and functions can be streamed: ORDER BY keys, and only running functions. */
  public static boolean supports(List<Sorts.Key> partitionKeys, List<Sorts.Key> orderKeys, List<WindowColumn> columns) {
    if (!partitionKeys.isEmpty() || orderKeys.isEmpty()) return false;
    for (WindowColumn c : columns) {
      boolean ranking = c.fn() == WinFn.ROW_NUMBER || c.fn() == WinFn.RANK || c.fn() == WinFn.DENSE_RANK;
      WindowFrame f = c.frame();
      boolean running = WindowAggregate.isAggregate(c.fn()) && f.lower().kind() == WindowFrame.Kind.UNBOUNDED_PRECEDING
          && f.upper().kind() == WindowFrame.Kind.CURRENT_ROW;
      if (!ranking && !running) return false;
    }
    return true;
  }

  @Override public VectorSchemaRoot next() {
    while (ready.isEmpty() && !inputDone) {
      VectorSchemaRoot b = input.next();
      if (b == null) {
        inputDone = true;
        emitPending(List.of());
        break;
      }
      int cut;
      try {
        cut = lastGroupStart(b);
      } catch (RuntimeException | Error e) {
        b.close();
        throw e;
      }
      if (cut == 0) {
        if (!pending.isEmpty() && !samePeers(b)) emitPending(List.of());
        hold(b);
        continue;
      }
      try {
        VectorSchemaRoot head = Batches.slice(b, 0, cut, allocator);
        emitPending(List.of(head));
        hold(Batches.slice(b, cut, b.getRowCount() - cut, allocator));
      } finally {
        b.close();
      }
    }
    return ready.poll();
  }

  /** The first row of {@code b}'s last peer group (0: all of {@code b} is one peer group). */
  private int lastGroupStart(VectorSchemaRoot b) {
    RowOrdering keys = RowOrdering.of(orderKeys, b);
    for (int i = b.getRowCount() - 1; i > 0; i--) {
      if (keys.compare(i - 1, i) != 0) return i;
    }
    return 0;
  }

  /** Whether {@code b}'s first row is a peer of the held-back rows. */
  private boolean samePeers(VectorSchemaRoot b) {
    VectorSchemaRoot last = pending.get(pending.size() - 1);
    return RowOrdering.of(orderKeys, last).compareWith(last.getRowCount() - 1, RowOrdering.of(orderKeys, b), 0) == 0;
  }

  private void hold(VectorSchemaRoot b) {
    pending.add(b);
    if (reservation == null) return;
    long bytes = Accumulator.bufferBytes(b);
    try {
      reservation.reserve(bytes);
    } catch (RuntimeException e) {
      pending.remove(pending.size() - 1);
      b.close();
      throw e;
    }
  }

  /** Computes the held-back rows followed by {@code more} (complete peer groups, in order) and queues them for output. */
  private void emitPending(List<VectorSchemaRoot> more) {
    List<VectorSchemaRoot> chunk = new ArrayList<>(pending);
    chunk.addAll(more);
    pending.clear();
    if (reservation != null) reservation.releaseAll();
    try {
      compute(chunk);
    } finally {
      Batches.closeAll(chunk);
    }
  }

  /** The functions over {@code chunk}, which starts a peer group and ends one; each batch becomes one output batch. */
  private void compute(List<VectorSchemaRoot> chunk) {
    int n = 0;
    for (VectorSchemaRoot b : chunk) n += b.getRowCount();
    if (n == 0) return;
    boolean[] groupStart = new boolean[n];
    int[] batchOf = new int[n], rowOf = new int[n];
    RowOrdering prev = null;
    for (int b = 0, i = 0; b < chunk.size(); b++) {
      RowOrdering keys = RowOrdering.of(orderKeys, chunk.get(b));
      for (int r = 0; r < chunk.get(b).getRowCount(); r++, i++) {
        batchOf[i] = b;
        rowOf[i] = r;
        if (i == 0) groupStart[i] = true;
        else if (r > 0) groupStart[i] = keys.compare(r - 1, r) != 0;
        else groupStart[i] = prev.compareWith(chunk.get(b - 1).getRowCount() - 1, keys, 0) != 0;
      }
      prev = keys;
    }
    List<Object[]> results = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) results.add(evaluate(c, chunk, groupStart, batchOf, rowOf));
    rowsBefore += n;
    int at = 0;
    for (VectorSchemaRoot b : chunk) {
      ready.add(output(b, results, at));
      at += b.getRowCount();
    }
  }

  /** One function's values over the chunk, its running state carried on from the chunks before. */
  private Object[] evaluate(int c, List<VectorSchemaRoot> chunk, boolean[] groupStart, int[] batchOf, int[] rowOf) {
    WindowColumn col = columns.get(c);
    int n = groupStart.length;
    Object[] out = new Object[n];
    DataType t = col.type();
    WindowAggregate acc = aggregates[c];
    for (int gs = 0; gs < n; ) {
      int ge = gs + 1;
      while (ge < n && !groupStart[ge]) ge++;
      if (acc == null) {
        long rankAt = rowsBefore + gs + 1;
        long dense = ++groupsBefore[c];
        for (int i = gs; i < ge; i++) {
          out[i] = switch (col.fn()) {
            case ROW_NUMBER -> WindowValues.integral(rowsBefore + i + 1, t);
            case RANK -> WindowValues.integral(rankAt, t);
            default -> WindowValues.integral(dense, t);
          };
        }
      } else if (col.frame().rows()) {
        for (int i = gs; i < ge; i++) {
          acc.add(arg(col, chunk, batchOf[i], rowOf[i]));
          out[i] = acc.result();
        }
      } else {
        for (int i = gs; i < ge; i++) acc.add(arg(col, chunk, batchOf[i], rowOf[i]));
        Object v = acc.result();
        for (int i = gs; i < ge; i++) out[i] = v;
      }
      gs = ge;
    }
    return out;
  }

  /** The aggregate's argument at a row (any non-NULL marker for count(*)). */
  private static Object arg(WindowColumn col, List<VectorSchemaRoot> chunk, int batch, int row) {
    if (col.args().isEmpty()) return Boolean.TRUE;
    WindowColumn.Arg a = col.args().get(0);
    return a.isConstant() ? a.constant() : ArrowValues.get(chunk.get(batch).getVector(a.column()), row, a.type());
  }

  /** {@code b}'s columns (moved, not copied) and the functions' values for its rows, from position {@code at}. */
  private VectorSchemaRoot output(VectorSchemaRoot b, List<Object[]> results, int at) {
    VectorSchemaRoot out = ArrowTypes.createRoot(schema, allocator);
    try {
      int len = b.getRowCount();
      int inputColumns = b.getFieldVectors().size();
      for (int c = 0; c < inputColumns; c++) b.getVector(c).makeTransferPair(out.getVector(c)).transfer();
      for (int w = 0; w < results.size(); w++) {
        WindowValues.fill(out.getVector(inputColumns + w), columns.get(w).type(), results.get(w), at, len);
      }
      out.setRowCount(len);
      return out;
    } catch (RuntimeException | Error e) {
      out.close();
      throw e;
    }
  }

  @Override public void close() {
    Batches.closeAll(ready);
    ready.clear();
    Batches.closeAll(pending);
    pending.clear();
    if (reservation != null) reservation.close();
    input.close();
  }
}
