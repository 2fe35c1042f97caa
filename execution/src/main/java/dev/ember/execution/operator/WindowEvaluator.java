package dev.ember.execution.operator;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.WindowFrame;
import dev.ember.catalyst.expr.WindowFrame.Kind;
import dev.ember.catalyst.expr.WindowFunction.WinFn;
import dev.ember.catalyst.types.DataType;
import java.util.List;

/**
 * Computes one window function for every row of a sorted input, given the rows' partitions and
 * peer groups ({@link WindowLayout}) and the argument values in sorted order. Aggregates over
 * frames that start at the partition's start (or end at its end) are computed incrementally in
 * one pass; other frames are bounded by offsets and aggregated row by row.
 */
final class WindowEvaluator {
  private final WindowColumn column;
  private final WindowLayout layout;
  /** Per argument: its value at each sorted position (null array for constants). */
  private final List<Object[]> args;
  /** The order key, when the frame is a RANGE with an offset; else null. */
  private final RangeKeys keys;
  /** The start of the partition whose non-NULL key rows [nonNullFrom, nonNullTo) were found last. */
  private int nonNullPart = -1;
  private int nonNullFrom, nonNullTo;

  WindowEvaluator(WindowColumn column, WindowLayout layout, List<Object[]> args) {
    this(column, layout, args, null);
  }

  WindowEvaluator(WindowColumn column, WindowLayout layout, List<Object[]> args, RangeKeys keys) {
    this.column = column;
    this.layout = layout;
    this.args = args;
    this.keys = keys;
  }

  /** Whether {@code frame} is a RANGE frame with an offset bound (it needs the order key's values). */
  static boolean needsKeys(WindowFrame frame) {
    return !frame.rows() && (isOffset(frame.lower()) || isOffset(frame.upper()));
  }

  private static boolean isOffset(WindowFrame.Bound b) {
    return b.kind() == Kind.PRECEDING || b.kind() == Kind.FOLLOWING;
  }

  /** The function's value at each sorted position. */
  Object[] evaluate() {
    int n = layout.rows();
    Object[] out = new Object[n];
    WinFn fn = column.fn();
    if (fn == WinFn.COUNT || fn == WinFn.SUM || fn == WinFn.AVG || fn == WinFn.MIN || fn == WinFn.MAX) {
      aggregate(out);
      return out;
    }
    DataType t = column.type();
    int dense = 0;
    for (int i = 0; i < n; i++) {
      int ps = layout.partStart()[i], size = layout.partEnd()[i] - ps;
      if (i == ps) dense = 0;
      if (i == layout.peerStart()[i]) dense++;
      long rank = layout.peerStart()[i] - ps + 1;
      out[i] = switch (fn) {
        case ROW_NUMBER -> WindowValues.integral(i - ps + 1, t);
        case RANK -> WindowValues.integral(rank, t);
        case DENSE_RANK -> WindowValues.integral(dense, t);
        case PERCENT_RANK -> WindowValues.floating(size == 1 ? 0.0 : (rank - 1) / (double) (size - 1), t);
        case CUME_DIST -> WindowValues.floating((layout.peerEnd()[i] - ps) / (double) size, t);
        case NTILE -> ntile(i, ps, size);
        case LAG, LEAD -> shifted(i, fn == WinFn.LAG ? -1 : 1);
        case FIRST_VALUE -> valueInFrame(i, 0, true);
        case LAST_VALUE -> valueInFrame(i, 0, false);
        case NTH_VALUE -> nthValue(i);
        default -> throw new IllegalStateException("unexpected " + fn);
      };
    }
    return out;
  }

  private Object arg(int a, int i) {
    Object[] values = args.get(a);
    return values == null ? column.args().get(a).constant() : values[i];
  }

  private Object ntile(int i, int ps, int size) {
    Object k = arg(0, i);
    if (k == null) return null;
    long buckets = ((Number) k).longValue();
    if (buckets <= 0) throw new EmberException(EmberException.DATA_EXCEPTION, "ntile: number of buckets must be positive, not " + buckets);
    long r = i - ps, per = size / buckets, extra = size % buckets;
    long bucket = r < extra * (per + 1) ? r / (per + 1) + 1 : (r - extra * (per + 1)) / per + extra + 1;
    return WindowValues.integral(bucket, column.type());
  }

  /** LAG (direction -1) or LEAD (+1): the value {@code offset} rows away in the partition, else the default. */
  private Object shifted(int i, int direction) {
    long offset = 1;
    if (column.args().size() > 1) {
      Object o = arg(1, i);
      if (o == null) return null;
      offset = ((Number) o).longValue();
    }
    long target = i + direction * offset;
    if (target >= layout.partStart()[i] && target < layout.partEnd()[i]) return arg(0, (int) target);
    return column.args().size() > 2 ? arg(2, i) : null;
  }

  private Object nthValue(int i) {
    Object n = arg(1, i);
    if (n == null) return null;
    long nth = ((Number) n).longValue();
    if (nth <= 0) throw new EmberException(EmberException.DATA_EXCEPTION, "nth_value: n must be positive, not " + nth);
    return valueInFrame(i, nth - 1, true);
  }

  /** The value {@code skip} rows after the frame's start (or the frame's last value), NULL if out of the frame. */
  private Object valueInFrame(int i, long skip, boolean fromStart) {
    int start = frameStart(i), end = frameEnd(i);
    if (end <= start) return null;
    long at = fromStart ? start + skip : end - 1;
    return at < end ? arg(0, (int) at) : null;
  }

  private void aggregate(Object[] out) {
    WindowFrame frame = column.frame();
    DataType argType = column.args().isEmpty() ? column.type() : column.args().get(0).type();
    WindowAggregate acc = new WindowAggregate(column.fn(), argType, column.type());
    int n = layout.rows();
    boolean countRows = column.args().isEmpty();
    for (int ps = 0; ps < n; ps = layout.partEnd()[ps]) {
      int pe = layout.partEnd()[ps];
      if (frame.lower().kind() == Kind.UNBOUNDED_PRECEDING) {
        acc.reset();
        int next = ps;
        for (int i = ps; i < pe; i++) {
          for (int end = frameEnd(i); next < end; next++) acc.add(countRows ? Boolean.TRUE : arg(0, next));
          out[i] = acc.result();
        }
      } else if (frame.upper().kind() == Kind.UNBOUNDED_FOLLOWING) {
        acc.reset();
        int next = pe;
        for (int i = pe - 1; i >= ps; i--) {
          for (int start = frameStart(i); next > start; ) {
            next--;
            acc.add(countRows ? Boolean.TRUE : arg(0, next));
          }
          out[i] = acc.result();
        }
      } else {
        for (int i = ps; i < pe; i++) {
          acc.reset();
          for (int r = frameStart(i), end = frameEnd(i); r < end; r++) acc.add(countRows ? Boolean.TRUE : arg(0, r));
          out[i] = acc.result();
        }
      }
    }
  }

  /** First row of row {@code i}'s frame. */
  private int frameStart(int i) {
    WindowFrame f = column.frame();
    int ps = layout.partStart()[i], pe = layout.partEnd()[i];
    if (!f.rows() && isOffset(f.lower())) return rangeBound(i, f.lower(), false);
    return switch (f.lower().kind()) {
      case UNBOUNDED_PRECEDING -> ps;
      case PRECEDING -> (int) Math.max(ps, i - offset(f, f.lower()));
      case CURRENT_ROW -> f.rows() ? i : layout.peerStart()[i];
      case FOLLOWING -> (int) Math.min(pe, i + offset(f, f.lower()));
      case UNBOUNDED_FOLLOWING -> pe;
    };
  }

  /** One past the last row of row {@code i}'s frame (at most the partition's end, at least its start). */
  private int frameEnd(int i) {
    WindowFrame f = column.frame();
    int ps = layout.partStart()[i], pe = layout.partEnd()[i];
    if (!f.rows() && isOffset(f.upper())) return rangeBound(i, f.upper(), true);
    return switch (f.upper().kind()) {
      case UNBOUNDED_PRECEDING -> ps;
      case PRECEDING -> (int) Math.max(ps, i - offset(f, f.upper()) + 1);
      case CURRENT_ROW -> f.rows() ? i + 1 : layout.peerEnd()[i];
      case FOLLOWING -> (int) Math.min(pe, i + offset(f, f.upper()) + 1);
      case UNBOUNDED_FOLLOWING -> pe;
    };
  }

  /**
   * A RANGE bound with an offset: for a lower bound the first row whose key is at least the
   * current key ∓ offset, for an upper bound one past the last row whose key is at most it. Rows
   * with a NULL key have only their NULL peers in such a frame, and never appear in another row's.
   */
  private int rangeBound(int i, WindowFrame.Bound b, boolean upper) {
    if (keys.isNull(i)) return upper ? layout.peerEnd()[i] : layout.peerStart()[i];
    int ps = layout.partStart()[i];
    if (ps != nonNullPart) findNonNullRows(ps, layout.partEnd()[i]);
    long delta = b.kind() == Kind.PRECEDING ? -b.offset() : b.offset();
    return keys.firstAtLeast(nonNullFrom, nonNullTo, i, delta, upper);
  }

  /** Once per partition: its non-NULL key rows (NULL keys sit together at one end). */
  private void findNonNullRows(int ps, int pe) {
    int from = ps, to = pe;
    while (from < to && keys.isNull(from)) from++;
    while (to > from && keys.isNull(to - 1)) to--;
    nonNullPart = ps;
    nonNullFrom = from;
    nonNullTo = to;
  }

  private static long offset(WindowFrame f, WindowFrame.Bound b) {
    if (!f.rows()) throw EmberException.notSupported("RANGE window frame with an offset (use ROWS)");
    return Math.min(b.offset(), Integer.MAX_VALUE);
  }
}
