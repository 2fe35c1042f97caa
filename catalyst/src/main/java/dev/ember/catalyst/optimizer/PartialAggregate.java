package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.AggregateCall;
import dev.ember.catalyst.expr.AggregateCall.AggFn;
import dev.ember.catalyst.expr.Alias;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.Call;
import dev.ember.catalyst.expr.Cast;
import dev.ember.catalyst.expr.DecimalRules;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.NamedAggregate;
import dev.ember.catalyst.expr.NamedExpr;
import dev.ember.catalyst.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * A non-distinct aggregate split in two levels, for {@link RewriteDistinctAggregates}: the
 * {@code inner} aggregates compute partial values per (keys + distinct values) group, the
 * {@code outer} ones merge them per key group, and {@code output} is the column the original
 * aggregate stood for (same id and type): an outer attribute, or an {@link Alias} computed on
 * top of the outer aggregate.
 * <pre>
 * sum(x)   → inner sum(x) AS s_partial       outer sum(s_partial) AS s
 * min(x)   → inner min(x)                    outer min(…)               (max, any_value alike)
 * count(x) → inner count(x) AS n_partial     outer sum(n_partial) AS n_sum; COALESCE(n_sum, 0L) AS n
 * avg(x)   → inner sum(x), count(x)          outer sum(…), sum(…); sum / NULLIF(count, 0) AS a
 * </pre>
 * count keeps BIGINT NOT NULL and 0 on empty input: a global outer aggregate over no inner rows
 * sums to NULL, hence the COALESCE. A decimal avg divides at the scale {@link DecimalRules}
 * gives the division, then rounds to the avg type: both HALF_UP, so the answer can differ from a
 * single rounding only in the last digit and only for groups of more than ~10^8 rows.
 *
 * @param inner partial aggregates (fresh ids), each FILTER kept
 * @param outer merging aggregates reading the inner ones' attributes
 * @param output the original column: an outer attribute or an alias over outer attributes
 */
record PartialAggregate(List<NamedAggregate> inner, List<NamedAggregate> outer, NamedExpr output) {

  /** Splits the non-distinct aggregate {@code a}. */
  static PartialAggregate of(NamedAggregate a) {
    AggregateCall call = a.call();
    if (call.distinct()) throw new IllegalArgumentException("not a partial aggregate: " + call.display());
    AggFn fn = call.fn();
    return switch (fn) {
      case SUM, MIN, MAX, ANY_VALUE -> same(a);
      case COUNT -> count(a);
      case AVG -> avg(a);
      case STDDEV_SAMP, STDDEV_POP, VAR_SAMP, VAR_POP, COLLECT_LIST, COLLECT_SET -> throw EmberException.notSupported(
          call.display() + " beside a DISTINCT aggregate");
    };
  }

  /** Merged by the same function: sum of sums, min of mins, any of anys. */
  private static PartialAggregate same(NamedAggregate a) {
    NamedAggregate partial = NamedAggregate.of(a.call(), a.name() + "_partial");
    NamedAggregate merge = new NamedAggregate(merge(a.call().fn(), partial.toAttribute(), a.call().type()),
        a.name(), a.id());
    return new PartialAggregate(List.of(partial), List.of(merge), merge.toAttribute());
  }

  private static PartialAggregate count(NamedAggregate a) {
    NamedAggregate partial = NamedAggregate.of(a.call(), a.name() + "_partial");
    NamedAggregate merge = NamedAggregate.of(merge(AggFn.SUM, partial.toAttribute(), DataType.BIGINT),
        a.name() + "_sum");
    Expr zeroIfNull = Call.of(Call.Fn.COALESCE, DataType.BIGINT, merge.toAttribute(), Literal.ofLong(0));
    return new PartialAggregate(List.of(partial), List.of(merge), new Alias(zeroIfNull, a.name(), a.id()));
  }

  private static PartialAggregate avg(NamedAggregate a) {
    AggregateCall call = a.call();
    DataType in = call.args().get(0).dataType();
    if (!in.isNumeric()) throw EmberException.notSupported(call.display() + " beside a DISTINCT aggregate");
    DataType sumType = in.isDecimal() ? DecimalRules.sum(in) : in.isIntegral() ? DataType.BIGINT : DataType.DOUBLE;
    NamedAggregate sum = NamedAggregate.of(
        new AggregateCall(AggFn.SUM, call.args(), false, call.filter(), sumType), a.name() + "_sum_partial");
    NamedAggregate count = NamedAggregate.of(
        new AggregateCall(AggFn.COUNT, call.args(), false, call.filter(), DataType.BIGINT), a.name() + "_count_partial");
    NamedAggregate sumAll = NamedAggregate.of(merge(AggFn.SUM, sum.toAttribute(), sumType), a.name() + "_sum");
    NamedAggregate countAll = NamedAggregate.of(merge(AggFn.SUM, count.toAttribute(), DataType.BIGINT),
        a.name() + "_count");
    Expr value = divide(sumAll.toAttribute(), countAll.toAttribute(), call.type());
    List<NamedAggregate> outer = new ArrayList<>(List.of(sumAll, countAll));
    return new PartialAggregate(List.of(sum, count), outer, new Alias(value, a.name(), a.id()));
  }

  /** {@code sum / NULLIF(count, 0)} typed {@code type}: NULL, not an error, for an empty group. */
  private static Expr divide(Expr sum, Expr count, DataType type) {
    Expr nonZero = Call.of(Call.Fn.NULLIF, DataType.BIGINT, count, Literal.ofLong(0));
    if (type.isDecimal()) {
      DataType sumType = sum.dataType();
      DataType countType = DecimalRules.forType(DataType.BIGINT);
      Expr quotient = new BinaryOp(BinaryOp.Op.DIVIDE, sum, new Cast(nonZero, countType),
          DecimalRules.divide(sumType, countType));
      return Cast.to(quotient, type);
    }
    Expr quotient = new BinaryOp(BinaryOp.Op.DIVIDE, Cast.to(sum, DataType.DOUBLE), new Cast(nonZero, DataType.DOUBLE),
        DataType.DOUBLE);
    return Cast.to(quotient, type);
  }

  private static AggregateCall merge(AggFn fn, AttributeRef partial, DataType type) {
    return new AggregateCall(fn, List.of(partial), false, null, type);
  }
}
