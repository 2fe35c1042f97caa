package dev.ember.planner.physical;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.AggregateCall;
import dev.ember.catalyst.expr.AggregateCall.AggFn;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.DecimalRules;
import dev.ember.catalyst.expr.NamedAggregate;
import dev.ember.catalyst.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * The intermediate state each aggregate function keeps per group, i.e. the columns a PARTIAL
 * aggregate outputs and a FINAL one merges.
 *
 * <pre>
 * count(…)      [count BIGINT]
 * sum(x)        [sum  T]                  T = the result type
 * avg(x)        [sum  S, count BIGINT]    S = BIGINT, DOUBLE or DECIMAL(p+10, s)
 * min/max(x)    [value T]
 * stddev/var(x) [count BIGINT, sum DOUBLE, sum of squares DOUBLE]   over CAST(x AS DOUBLE)
 * collect_list(x), collect_set(x)   [values ARRAY&lt;T&gt;]   merged by concatenating (set: without repeats)
 * </pre>
 */
public final class AggregateBuffers {
  /** How a buffer is updated from input rows, and merged from other buffers. */
  public enum Kind {
    /** count(*): +1 per row; merged by summing. */
    COUNT_ROWS,
    /** count(x): +1 per non-null x; merged by summing. */
    COUNT_VALUES,
    SUM, MIN, MAX,
    /** Any one value. */
    ANY,
    /** Every non-null value, in order, as an ARRAY; merged by concatenating the arrays. */
    COLLECT_LIST,
    /** As COLLECT_LIST, keeping only the first of equal values. */
    COLLECT_SET;

    /** How buffers of this kind are merged in a FINAL aggregate. */
    public Kind mergeKind() {
      return switch (this) {
        case COUNT_ROWS, COUNT_VALUES, SUM -> SUM;
        default -> this;
      };
    }
  }

  /** One buffer column: its kind and type; {@code squared} buffers sum the square of the input. */
  public record Buffer(Kind kind, DataType type, boolean squared) {
    public Buffer(Kind kind, DataType type) { this(kind, type, false); }
  }

  private AggregateBuffers() {}

  /** The buffers of one aggregate, in output order. */
  public static List<Buffer> of(AggregateCall call) {
    if (call.distinct()) throw EmberException.notSupported("DISTINCT aggregates (" + call.display() + ")");
    AggFn fn = call.fn();
    if ((fn == AggFn.MIN || fn == AggFn.MAX) && call.type().isArray()) {
      throw EmberException.notSupported(call.display() + " of an ARRAY");
    }
    return switch (fn) {
      case COUNT -> List.of(new Buffer(call.args().isEmpty() ? Kind.COUNT_ROWS : Kind.COUNT_VALUES, DataType.BIGINT));
      case SUM -> List.of(new Buffer(Kind.SUM, call.type()));
      case AVG -> List.of(new Buffer(Kind.SUM, avgSumType(call.args().get(0).dataType())),
          new Buffer(Kind.COUNT_VALUES, DataType.BIGINT));
      case MIN -> List.of(new Buffer(Kind.MIN, call.type()));
      case MAX -> List.of(new Buffer(Kind.MAX, call.type()));
      case ANY_VALUE -> List.of(new Buffer(Kind.ANY, call.type()));
      case COLLECT_LIST -> List.of(new Buffer(Kind.COLLECT_LIST, call.type()));
      case COLLECT_SET -> List.of(new Buffer(Kind.COLLECT_SET, call.type()));
      case STDDEV_SAMP, STDDEV_POP, VAR_SAMP, VAR_POP -> List.of(new Buffer(Kind.COUNT_VALUES, DataType.BIGINT),
          new Buffer(Kind.SUM, DataType.DOUBLE), new Buffer(Kind.SUM, DataType.DOUBLE, true));
    };
  }

  /** The type in which avg(x) accumulates its sum. */
  public static DataType avgSumType(DataType input) {
    if (input.isDecimal()) return DecimalRules.sum(input);
    if (input.isIntegral()) return DataType.BIGINT;
    return DataType.DOUBLE;
  }

  /** Fresh attributes for the buffers of {@code aggs}, flattened in order. */
  public static List<AttributeRef> attributes(List<NamedAggregate> aggs) {
    List<AttributeRef> out = new ArrayList<>();
    for (NamedAggregate a : aggs) {
      List<Buffer> bs = of(a.call());
      for (int i = 0; i < bs.size(); i++) {
        out.add(AttributeRef.of(a.name() + "_buf" + i, bs.get(i).type(), true));
      }
    }
    return out;
  }
}
