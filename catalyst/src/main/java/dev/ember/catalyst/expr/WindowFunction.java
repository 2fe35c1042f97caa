package dev.ember.catalyst.expr;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.types.DataType;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * A window function call {@code fn(args)} of result type {@code type}. Like
 * {@link AggregateCall} it is not an {@link Expr}: it appears only in a {@code Window} plan, which
 * names it and gives it a partition, an order and a frame.
 *
 * <p>Arguments by function: LAG/LEAD {@code (value [, offset [, default]])} with a constant
 * offset; NTILE {@code (buckets)} and NTH_VALUE {@code (value, n)} with constant counts;
 * FIRST_VALUE/LAST_VALUE/SUM/AVG/MIN/MAX {@code (value)}; COUNT {@code ()} for count(*) or
 * {@code (value)}; the ranking functions none.
 */
public record WindowFunction(WinFn fn, List<Expr> args, DataType type) implements java.io.Serializable {
  public enum WinFn {
    ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, NTILE,
    LAG, LEAD, FIRST_VALUE, LAST_VALUE, NTH_VALUE,
    COUNT, SUM, AVG, MIN, MAX;

    /** Functions of the row's position among its partition's rows and peers; they ignore frames. */
    public boolean ranking() {
      return this == ROW_NUMBER || this == RANK || this == DENSE_RANK || this == PERCENT_RANK
          || this == CUME_DIST || this == NTILE;
    }

    /** Whether the result is never NULL. */
    public boolean nonNull() { return ranking() || this == COUNT; }
  }

  public WindowFunction {
    requireNonNull(fn);
    args = List.copyOf(args);
    requireNonNull(type);
  }

  public WindowFunction mapExprs(UnaryOperator<Expr> f) {
    List<Expr> out = args.stream().map(f).toList();
    for (int i = 0; i < args.size(); i++) if (out.get(i) != args.get(i)) return new WindowFunction(fn, out, type);
    return this;
  }

  public String display() {
    StringBuilder sb = new StringBuilder(fn.name().toLowerCase(Locale.ROOT)).append('(');
    if (fn == WinFn.COUNT && args.isEmpty()) sb.append('*');
    for (int i = 0; i < args.size(); i++) sb.append(i > 0 ? ", " : "").append(args.get(i).display());
    return sb.append(')').toString();
  }
}
