package dev.ember.catalyst.expr;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.types.DataType;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An aggregate function call: {@code fn([DISTINCT] args) [FILTER (WHERE filter)]}. Not an
 * {@link Expr}: aggregates appear only in an {@code Aggregate} plan, which names each one.
 *
 * @param filter a BOOLEAN expression, or null for none
 */
public record AggregateCall(AggFn fn, List<Expr> args, boolean distinct, Expr filter, DataType type) implements java.io.Serializable {
  public enum AggFn {
    /** count(*) when args are empty, else count of rows where every arg is non-null. */
    COUNT,
    SUM, AVG, MIN, MAX,
    STDDEV_SAMP, STDDEV_POP, VAR_SAMP, VAR_POP,
    /** Any one value of the group (Spark's first(); used for decorrelation). */
    ANY_VALUE,
    /**
     * The group's non-null values as an ARRAY, in input order (Spark's collect_list; also SQL
     * array_agg). An empty group gives an empty array, never NULL.
     */
    COLLECT_LIST,
    /** As {@link #COLLECT_LIST} without duplicates, each value where it first appeared. */
    COLLECT_SET;

    /** Whether the result is an ARRAY of the argument's values. */
    public boolean collects() { return this == COLLECT_LIST || this == COLLECT_SET; }
  }

  public AggregateCall {
    requireNonNull(fn);
    args = List.copyOf(args);
    requireNonNull(type);
  }

  public AggregateCall mapExprs(UnaryOperator<Expr> f) {
    List<Expr> newArgs = args.stream().map(f).toList();
    Expr newFilter = filter == null ? null : f.apply(filter);
    boolean same = newFilter == filter;
    for (int i = 0; i < args.size() && same; i++) same = newArgs.get(i) == args.get(i);
    return same ? this : new AggregateCall(fn, newArgs, distinct, newFilter, type);
  }

  /** Arguments then the filter, if any. */
  public List<Expr> expressions() {
    if (filter == null) return args;
    java.util.ArrayList<Expr> out = new java.util.ArrayList<>(args);
    out.add(filter);
    return out;
  }

  public String display() {
    StringBuilder sb = new StringBuilder(fn.name().toLowerCase(java.util.Locale.ROOT)).append('(');
    if (distinct) sb.append("DISTINCT ");
    if (fn == AggFn.COUNT && args.isEmpty()) sb.append('*');
    for (int i = 0; i < args.size(); i++) sb.append(i > 0 ? ", " : "").append(args.get(i).display());
    sb.append(')');
    if (filter != null) sb.append(" FILTER (WHERE ").append(filter.display()).append(')');
    return sb.toString();
  }
}
