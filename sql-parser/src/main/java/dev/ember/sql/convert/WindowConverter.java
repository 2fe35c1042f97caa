package dev.ember.sql.convert;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.NamedWindow;
import dev.ember.catalyst.expr.SortOrder;
import dev.ember.catalyst.expr.WindowFrame;
import dev.ember.catalyst.expr.WindowFunction;
import dev.ember.catalyst.expr.WindowFunction.WinFn;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Window;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.TypeId;
import dev.ember.sql.validate.TypeMapping;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Window.Group;
import org.apache.calcite.rel.core.Window.RexWinAggCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.rex.RexWindowExclusion;

/**
 * Converts a Calcite window (from {@code PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW}) to one Ember
 * {@link Window} per partitioning and order (adjacent groups that differ only by frame share
 * one), stacked in the group order, so the output is the input's columns then every group's
 * functions, as Calcite numbers them. Operands are
 * input fields or, past the input's fields, the window's constants.
 *
 * <p>Calcite writes {@code sum(x) OVER w} as {@code CASE WHEN count(x) OVER w > 0 THEN
 * $SUM0(x) OVER w END}; {@code $SUM0} becomes SUM here, which only differs on empty frames, where
 * the CASE answers NULL anyway.
 */
final class WindowConverter {
  private final org.apache.calcite.rel.core.Window window;
  private final List<AttributeRef> input;

  private WindowConverter(org.apache.calcite.rel.core.Window window, LogicalPlan child) {
    this.window = window;
    this.input = child.output();
  }

  static LogicalPlan convert(org.apache.calcite.rel.core.Window window, LogicalPlan child) {
    return new WindowConverter(window, child).stack(child);
  }

  private LogicalPlan stack(LogicalPlan child) {
    List<String> names = window.getRowType().getFieldNames();
    int next = input.size();
    LogicalPlan out = child;
    Group previous = null;
    for (Group g : window.groups) {
      if (g.exclude != RexWindowExclusion.EXCLUDE_NO_OTHER) throw EmberException.notSupported("window frame EXCLUDE");
      List<Expr> partitionBy = new ArrayList<>();
      for (int k : g.keys) partitionBy.add(input.get(k));
      List<SortOrder> orderBy = new ArrayList<>();
      for (RelFieldCollation k : g.orderKeys.getFieldCollations()) orderBy.add(order(k));
      DataType rangeKey = orderBy.size() == 1 ? orderBy.get(0).expr().dataType() : null;
      WindowFrame frame = new WindowFrame(g.isRows, bound(g.lowerBound, g.isRows, rangeKey),
          bound(g.upperBound, g.isRows, rangeKey));
      List<NamedWindow> functions = new ArrayList<>();
      for (RexWinAggCall call : g.aggCalls) functions.add(NamedWindow.of(function(call), frame, names.get(next++)));
      // Calcite splits groups by frame too; frames are per function here, so one sort serves both.
      if (previous != null && previous.keys.equals(g.keys) && previous.orderKeys.equals(g.orderKeys)) {
        Window w = (Window) out;
        List<NamedWindow> merged = new ArrayList<>(w.functions());
        merged.addAll(functions);
        out = new Window(merged, partitionBy, orderBy, w.child());
      } else {
        out = new Window(functions, partitionBy, orderBy, out);
      }
      previous = g;
    }
    return out;
  }

  private SortOrder order(RelFieldCollation k) {
    boolean asc = !k.direction.isDescending();
    boolean nullsFirst = switch (k.nullDirection) {
      case FIRST -> true;
      case LAST -> false;
      case UNSPECIFIED -> !asc;
    };
    return new SortOrder(input.get(k.getFieldIndex()), asc, nullsFirst);
  }

  /** @param rangeKey the type of the only ORDER BY key, or null when there is not exactly one */
  private WindowFrame.Bound bound(RexWindowBound b, boolean rows, DataType rangeKey) {
    if (b.isCurrentRow()) return WindowFrame.Bound.CURRENT_ROW;
    if (b.isUnboundedPreceding()) return WindowFrame.Bound.UNBOUNDED_PRECEDING;
    if (b.isUnboundedFollowing()) return WindowFrame.Bound.UNBOUNDED_FOLLOWING;
    if (!rows) return rangeBound(b, rangeKey);
    Expr offset = operand(b.getOffset());
    if (!(offset instanceof Literal lit) || !(lit.value() instanceof Number n)) {
      throw EmberException.notSupported("window frame offset that is not an integer constant");
    }
    long v = new BigDecimal(n.toString()).longValueExact();
    if (v < 0) throw new EmberException(EmberException.DATA_EXCEPTION, "window frame offset must not be negative: " + v);
    return b.isPreceding() ? WindowFrame.Bound.preceding(v) : WindowFrame.Bound.following(v);
  }

  /**
   * A RANGE bound with an offset, in the units of the order key's values as the window operator
   * compares them: integers as themselves, DECIMAL(p, s) unscaled (the offset at the key's scale),
   * DATE in days (an interval of whole days), TIMESTAMP in microseconds (a day-time interval).
   */
  private WindowFrame.Bound rangeBound(RexWindowBound b, DataType key) {
    if (key == null) throw EmberException.notSupported("RANGE window frame with an offset and other than one ORDER BY key");
    Expr offset = operand(b.getOffset());
    if (!(offset instanceof Literal lit) || lit.value() == null) {
      throw EmberException.notSupported("RANGE window frame offset that is not a constant");
    }
    Object v = lit.value();
    DataType t = lit.dataType();
    long units;
    try {
      BigDecimal number = !(v instanceof Number) || t.isInterval() ? null
          : t.isDecimal() && v instanceof Long l ? BigDecimal.valueOf(l, t.scale()) : new BigDecimal(v.toString());
      if ((key.isIntegral() || key.isFloatingPoint()) && number != null) {
        units = number.longValueExact(); // a fractional offset throws: not supported below
      } else if (key.isLongDecimal() && number != null) {
        units = number.setScale(key.scale()).unscaledValue().longValueExact();
      } else if (key.id() == TypeId.DATE && t.id() == TypeId.INTERVAL_DAY_TIME) {
        long micros = ((Number) v).longValue();
        if (micros % 86_400_000_000L != 0) throw EmberException.notSupported("RANGE offset of part of a day over a DATE");
        units = micros / 86_400_000_000L;
      } else if (key.id() == TypeId.TIMESTAMP && t.id() == TypeId.INTERVAL_DAY_TIME) {
        units = ((Number) v).longValue();
      } else {
        throw EmberException.notSupported("RANGE window frame offset " + lit.display() + " over an ORDER BY key of type " + key.sql());
      }
    } catch (ArithmeticException e) {
      throw EmberException.notSupported("RANGE window frame offset " + lit.display() + " over an ORDER BY key of type " + key.sql());
    }
    if (units < 0) throw new EmberException(EmberException.DATA_EXCEPTION, "window frame offset must not be negative: " + lit.display());
    return b.isPreceding() ? WindowFrame.Bound.preceding(units) : WindowFrame.Bound.following(units);
  }

  private WindowFunction function(RexWinAggCall call) {
    String name = call.getOperator().getName();
    if (call.distinct) throw EmberException.notSupported("DISTINCT in window function " + name);
    if (call.ignoreNulls) throw EmberException.notSupported("IGNORE NULLS in window function " + name);
    WinFn fn = switch (call.getKind()) {
      case ROW_NUMBER -> WinFn.ROW_NUMBER;
      case RANK -> WinFn.RANK;
      case DENSE_RANK -> WinFn.DENSE_RANK;
      case PERCENT_RANK -> WinFn.PERCENT_RANK;
      case CUME_DIST -> WinFn.CUME_DIST;
      case NTILE -> WinFn.NTILE;
      case LAG -> WinFn.LAG;
      case LEAD -> WinFn.LEAD;
      case FIRST_VALUE -> WinFn.FIRST_VALUE;
      case LAST_VALUE -> WinFn.LAST_VALUE;
      case NTH_VALUE -> WinFn.NTH_VALUE;
      case COUNT -> WinFn.COUNT;
      case SUM, SUM0 -> WinFn.SUM;
      case AVG -> WinFn.AVG;
      case MIN -> WinFn.MIN;
      case MAX -> WinFn.MAX;
      default -> throw EmberException.notSupported("window function " + name);
    };
    DataType type = TypeMapping.toEmber(call.getType());
    List<Expr> args = new ArrayList<>();
    for (RexNode operand : call.getOperands()) args.add(operand(operand));
    if (fn == WinFn.COUNT && args.size() > 1) throw EmberException.notSupported("count over several arguments in a window");
    if ((fn == WinFn.LAG || fn == WinFn.LEAD) && args.size() == 3) args.set(2, Coercions.cast(args.get(2), type));
    return new WindowFunction(fn, args, type);
  }

  private Expr operand(RexNode n) {
    if (n instanceof RexInputRef ref) {
      int i = ref.getIndex();
      return i < input.size() ? input.get(i) : Literals.convert(window.constants.get(i - input.size()));
    }
    if (n instanceof RexLiteral lit) return Literals.convert(lit);
    throw EmberException.notSupported("window function argument " + n);
  }
}
