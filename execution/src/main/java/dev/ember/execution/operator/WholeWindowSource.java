package dev.ember.execution.operator;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.WindowFrame;
import dev.ember.catalyst.expr.WindowFunction.WinFn;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Schema;
import dev.ember.codegen.operator.Accumulator;
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
 * A window over the whole input (no PARTITION BY) whose functions need the number of rows or an
 * aggregate over all of them but no look-ahead — COUNT/SUM/AVG/MIN/MAX over the whole partition
 * (as in {@code sum(x) OVER ()}), NTILE with a constant, PERCENT_RANK, CUME_DIST, LAG/LEAD by a constant
 * (of at most {@link #MAX_SHIFT} rows), and beside them ROW_NUMBER, RANK and DENSE_RANK — computed in two passes over input sorted by the ORDER BY
 * keys: the first counts the rows and accumulates the aggregates while keeping the rows, in
 * memory as long as the task's memory grants them and in an Arrow IPC spill file once it
 * refuses; the second reads the rows back in order and appends the results, carrying the
 * position and the last row (for peer groups) from batch to batch, holding back as many rows as
 * LEAD looks ahead (CUME_DIST: up to the end of a peer group, reserved) and remembering as many
 * values as LAG looks behind. So such a window over more
 * rows than memory holds completes. Output rows keep the input's order.
 */
public final class WholeWindowSource implements BatchSource {
  private final BatchSource input;
  private final List<Sorts.Key> orderKeys;
  private final List<WindowColumn> columns;
  private final Schema schema;
  private final BufferAllocator allocator;
  private final TaskMemory memory;
  private final MemoryReservation reservation;
  private final WindowAggregate[] aggregates;
  /** Rows kept in memory, after those in {@link #spill}. */
  private final Deque<VectorSchemaRoot> held = new ArrayDeque<>();
  /** The most rows LAG/LEAD may look behind or ahead: the rows ahead wait in memory, unreserved. */
  static final long MAX_SHIFT = 10_000;
  /** Rows read back, not yet output: the next to output first, then as many rows as the largest LEAD looks ahead. */
  private final Deque<VectorSchemaRoot> ahead = new ArrayDeque<>();
  private long rowsAhead;
  private final long maxLead;
  /** Whether a CUME_DIST needs the rows ahead up to the end of the last peer group of the batch being output. */
  private final boolean cumeDist;
  /** Per LAG column, the argument's values of the last rows output (as many as it looks behind). */
  private final Deque<Object>[] behind;
  private SpillFile spill;
  private BatchSource spilled;
  /** Per aggregate column its result (null for the positional functions), once the first pass is done. */
  private Object[] results;
  private long rows;
  /** The second pass: rows emitted, the position of the current peer group's start, peer groups so far. */
  private long position;
  private long groupStart;
  private long groups;
  /** The last row emitted (one row, kept to tell whether the next batch continues its peer group). */
  private VectorSchemaRoot lastRow;

  /** @param memory where the kept rows are reserved (null: no limit, never spills) */
  public WholeWindowSource(BatchSource input, List<Sorts.Key> orderKeys, List<WindowColumn> columns, Schema schema,
      BufferAllocator allocator, TaskMemory memory) {
    this.input = input;
    this.orderKeys = List.copyOf(orderKeys);
    this.columns = List.copyOf(columns);
    this.schema = schema;
    this.allocator = allocator;
    this.memory = memory;
    this.reservation = memory == null ? null : memory.newReservation("Window", null);
    this.aggregates = new WindowAggregate[columns.size()];
    @SuppressWarnings("unchecked") Deque<Object>[] lag = new Deque[columns.size()];
    this.behind = lag;
    long lead = 0;
    for (WindowColumn col : columns) {
      Long shift = shift(col);
      if (shift != null) lead = Math.max(lead, shift);
    }
    this.maxLead = lead;
    this.cumeDist = columns.stream().anyMatch(c -> c.fn() == WinFn.CUME_DIST);
    for (int c = 0; c < columns.size(); c++) {
      Long shift = shift(columns.get(c));
      if (shift != null && shift < 0) behind[c] = new java.util.LinkedList<>(); // NULL values too
      aggregates[c] = WindowAggregate.of(columns.get(c));
    }
  }

  /**
   * Whether this operator computes the window: no PARTITION BY, only the functions above, and one
   * of them at least needing the whole input (else {@link RunningWindowSource} streams it in one pass).
   */
  public static boolean supports(List<Sorts.Key> partitionKeys, List<WindowColumn> columns) {
    if (!partitionKeys.isEmpty()) return false;
    boolean needsAll = false;
    for (WindowColumn c : columns) {
      WindowFrame f = c.frame();
      boolean whole = WindowAggregate.isAggregate(c.fn()) && f.lower().kind() == WindowFrame.Kind.UNBOUNDED_PRECEDING
          && f.upper().kind() == WindowFrame.Kind.UNBOUNDED_FOLLOWING;
      boolean counted = c.fn() == WinFn.PERCENT_RANK || c.fn() == WinFn.CUME_DIST
          || c.fn() == WinFn.NTILE && c.args().size() == 1 && c.args().get(0).isConstant();
      boolean ranking = c.fn() == WinFn.ROW_NUMBER || c.fn() == WinFn.RANK || c.fn() == WinFn.DENSE_RANK;
      boolean shifted = shift(c) != null;
      if (!whole && !counted && !ranking && !shifted) return false;
      needsAll |= whole || counted || shifted;
    }
    return needsAll;
  }

  /**
   * LAG/LEAD's shift in rows (LAG negative), or null when it is not a constant of at most
   * {@link #MAX_SHIFT} rows (then the function is not computed here).
   */
  static Long shift(WindowColumn c) {
    if (c.fn() != WinFn.LAG && c.fn() != WinFn.LEAD || c.args().isEmpty()) return null;
    long offset = 1;
    if (c.args().size() > 1) {
      WindowColumn.Arg o = c.args().get(1);
      if (!o.isConstant() || !(o.constant() instanceof Number n)) return null;
      offset = n.longValue();
    }
    if (Math.abs(offset) > MAX_SHIFT) return null;
    return c.fn() == WinFn.LAG ? -offset : offset;
  }

  @Override public VectorSchemaRoot next() {
    if (results == null) firstPass();
    while (ahead.isEmpty() || rowsAhead < maxLead + ahead.peek().getRowCount() || cumeDist && !peerGroupEnds()) {
      VectorSchemaRoot b = nextKept();
      if (b == null) break;
      if (b.getRowCount() == 0) {
        b.close();
        continue;
      }
      ahead.add(b);
      rowsAhead += b.getRowCount();
      // a peer group held back whole for CUME_DIST: reserved, 53200 if it does not fit
      if (cumeDist && reservation != null) reservation.reserve(Accumulator.bufferBytes(b));
    }
    VectorSchemaRoot b = ahead.poll();
    if (b == null) return null;
    rowsAhead -= b.getRowCount();
    if (cumeDist && reservation != null) reservation.release(Accumulator.bufferBytes(b));
    return output(b);
  }

  /** Whether the rows ahead reach past the peer group of the next batch's last row (the input being sorted). */
  private boolean peerGroupEnds() {
    if (ahead.size() < 2) return false;
    VectorSchemaRoot first = ahead.peekFirst(), last = ahead.peekLast();
    return RowOrdering.of(orderKeys, first).compareWith(first.getRowCount() - 1, RowOrdering.of(orderKeys, last),
        last.getRowCount() - 1) != 0;
  }

  /** Per row of {@code b} (at {@link #position}), the position after the end of its peer group, for CUME_DIST. */
  private long[] peerEnds(VectorSchemaRoot b, boolean[] peerStart) {
    int len = b.getRowCount();
    long end = position + len;
    RowOrdering last = RowOrdering.of(orderKeys, b);
    scan:
    for (VectorSchemaRoot next : ahead) {
      RowOrdering keys = RowOrdering.of(orderKeys, next);
      for (int r = 0; r < next.getRowCount(); r++, end++) {
        if (last.compareWith(len - 1, keys, r) != 0) break scan;
      }
    }
    long[] ends = new long[len];
    for (int i = len - 1; i >= 0; i--) {
      ends[i] = end;
      if (peerStart[i]) end = position + i;
    }
    return ends;
  }

  /** The next row batch kept by the first pass: those in the spill file, then those in memory. */
  private VectorSchemaRoot nextKept() {
    if (spilled != null) {
      VectorSchemaRoot b = spilled.next();
      if (b != null) return b;
      spilled.close();
      spilled = null;
    }
    VectorSchemaRoot b = held.poll();
    if (b != null && reservation != null) reservation.release(Accumulator.bufferBytes(b));
    return b;
  }

  /** Reads the whole input, accumulating the aggregates and keeping the rows. */
  private void firstPass() {
    VectorSchemaRoot b;
    while ((b = input.next()) != null) {
      try {
        rows += b.getRowCount();
        for (int c = 0; c < columns.size(); c++) if (aggregates[c] != null) accumulate(c, b);
        keep(b);
      } catch (RuntimeException | Error e) {
        b.close();
        throw e;
      }
    }
    results = new Object[columns.size()];
    for (int c = 0; c < columns.size(); c++) if (aggregates[c] != null) results[c] = aggregates[c].result();
    for (WindowColumn c : columns) {
      if (c.fn() != WinFn.NTILE) continue;
      Object k = c.args().get(0).constant();
      if (k != null && ((Number) k).longValue() <= 0) {
        throw new EmberException(EmberException.DATA_EXCEPTION, "ntile: number of buckets must be positive, not " + k);
      }
    }
    if (spill != null) {
      // CUME_DIST holds back a peer group: room for it, the rows kept in memory join the spilled ones
      if (cumeDist) spillHeld();
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
    if (reservation == null || reservation.tryReserve(Accumulator.bufferBytes(b))) {
      held.add(b);
      return;
    }
    if (spill == null) spill = new SpillFile("window", b.getSchema(), allocator, memory.metrics());
    held.add(b);
    spillHeld();
  }

  /** Writes the rows kept in memory after those already in the spill file, and frees them. */
  private void spillHeld() {
    if (held.isEmpty()) return;
    VectorSchemaRoot h;
    while ((h = held.poll()) != null) {
      try (VectorSchemaRoot batch = h) {
        spill.write(batch);
      }
    }
    reservation.releaseAll();
    memory.metrics().spilled();
  }

  /** {@code b}'s columns (moved, not copied) and the functions' values for its rows. */
  private VectorSchemaRoot output(VectorSchemaRoot b) {
    try (b) {
      int len = b.getRowCount();
      boolean[] peerStart = peerStarts(b);
      long[] peerEnd = cumeDist ? peerEnds(b, peerStart) : null;
      VectorSchemaRoot out = ArrowTypes.createRoot(schema, allocator);
      try {
        int inputColumns = b.getFieldVectors().size();
        for (int w = 0; w < results.length; w++) {
          FieldVector to = out.getVector(inputColumns + w);
          to.setInitialCapacity(len);
          to.allocateNew();
          WinFn fn = columns.get(w).fn();
          DataType t = columns.get(w).type();
          long pos = position, start = groupStart, dense = groups;
          for (int i = 0; i < len; i++, pos++) {
            if (peerStart[i]) {
              start = pos;
              dense++;
            }
            Object v = fn == WinFn.LAG || fn == WinFn.LEAD ? shifted(w, b, i)
                : fn == WinFn.CUME_DIST ? WindowValues.floating(peerEnd[i] / (double) rows, t)
                : value(w, pos, start, dense);
            ArrowValues.set(to, i, t, v);
          }
          to.setValueCount(len);
        }
        for (int i = 0; i < len; i++) {
          if (peerStart[i]) {
            groupStart = position + i;
            groups++;
          }
        }
        position += len;
        remember(b);
        VectorSchemaRoot last = Batches.slice(b, len - 1, 1, allocator);
        if (lastRow != null) lastRow.close();
        lastRow = last;
        for (int c = 0; c < inputColumns; c++) b.getVector(c).makeTransferPair(out.getVector(c)).transfer();
        out.setRowCount(len);
        return out;
      } catch (RuntimeException | Error e) {
        out.close();
        throw e;
      }
    }
  }

  /** Per row of {@code b}, whether it starts a peer group (its ORDER BY keys differ from the row before). */
  private boolean[] peerStarts(VectorSchemaRoot b) {
    boolean[] starts = new boolean[b.getRowCount()];
    RowOrdering keys = RowOrdering.of(orderKeys, b);
    starts[0] = lastRow == null || RowOrdering.of(orderKeys, lastRow).compareWith(0, keys, 0) != 0;
    for (int i = 1; i < starts.length; i++) starts[i] = keys.compare(i - 1, i) != 0;
    return starts;
  }

  /** Column {@code w}'s value at row {@code pos} (0-based) of a peer group starting at {@code start}, the {@code dense}th. */
  private Object value(int w, long pos, long start, long dense) {
    WindowColumn c = columns.get(w);
    DataType t = c.type();
    return switch (c.fn()) {
      case ROW_NUMBER -> WindowValues.integral(pos + 1, t);
      case RANK -> WindowValues.integral(start + 1, t);
      case DENSE_RANK -> WindowValues.integral(dense, t);
      case PERCENT_RANK -> WindowValues.floating(rows == 1 ? 0.0 : start / (double) (rows - 1), t);
      case NTILE -> ntile(c, pos);
      default -> results[w];
    };
  }

  /** LAG/LEAD (column {@code w}) at row {@code i} of {@code b}, the batch being output (the rows after it are in {@link #ahead}). */
  private Object shifted(int w, VectorSchemaRoot b, int i) {
    WindowColumn c = columns.get(w);
    long target = i + shift(c);
    if (target < 0) {
      Deque<Object> history = behind[w];
      long back = -target; // 1: the last row before b
      if (back <= history.size()) {
        java.util.Iterator<Object> it = history.descendingIterator();
        for (long k = 1; k < back; k++) it.next();
        return it.next();
      }
      return shiftDefault(c, b, i);
    }
    VectorSchemaRoot at = b;
    java.util.Iterator<VectorSchemaRoot> next = ahead.iterator();
    while (target >= at.getRowCount()) {
      target -= at.getRowCount();
      if (!next.hasNext()) return shiftDefault(c, b, i);
      at = next.next();
    }
    return argValue(c, 0, at, (int) target);
  }

  private static Object shiftDefault(WindowColumn c, VectorSchemaRoot b, int i) {
    return c.args().size() > 2 ? argValue(c, 2, b, i) : null;
  }

  private static Object argValue(WindowColumn c, int a, VectorSchemaRoot b, int row) {
    WindowColumn.Arg arg = c.args().get(a);
    return arg.isConstant() ? arg.constant() : ArrowValues.get(b.getVector(arg.column()), row, arg.type());
  }

  /** Remembers the last values of each LAG column's argument, as many as it looks behind. */
  private void remember(VectorSchemaRoot b) {
    for (int w = 0; w < behind.length; w++) {
      if (behind[w] == null) continue;
      long keep = -shift(columns.get(w));
      for (int i = (int) Math.max(0, b.getRowCount() - keep); i < b.getRowCount(); i++) {
        behind[w].addLast(argValue(columns.get(w), 0, b, i));
        if (behind[w].size() > keep) behind[w].removeFirst();
      }
    }
  }

  /** NTILE(k): rows split into k buckets whose sizes differ by one at most, the larger ones first. */
  private Object ntile(WindowColumn c, long pos) {
    Object k = c.args().get(0).constant();
    if (k == null) return null;
    long buckets = ((Number) k).longValue();
    long per = rows / buckets, extra = rows % buckets;
    long bucket = pos < extra * (per + 1) ? pos / (per + 1) + 1 : (pos - extra * (per + 1)) / per + extra + 1;
    return WindowValues.integral(bucket, c.type());
  }

  @Override public void close() {
    if (lastRow != null) lastRow.close();
    lastRow = null;
    Batches.closeAll(ahead);
    ahead.clear();
    Batches.closeAll(held);
    held.clear();
    if (spilled != null) spilled.close();
    if (spill != null) spill.close();
    if (reservation != null) reservation.close();
    input.close();
  }
}
