package dev.ember.catalyst.plan.logical;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Skips {@code offset} rows then returns at most {@code limit} rows ({@code limit < 0}: no limit).
 * Over a {@link Sort} this is a top-N; otherwise which rows are returned is unspecified.
 */
public record Limit(long limit, long offset, LogicalPlan child) implements LogicalPlan {
  public Limit {
    requireNonNull(child);
    if (offset < 0) throw new IllegalArgumentException("negative OFFSET");
  }

  public Limit withChild(LogicalPlan c) { return c == child ? this : new Limit(limit, offset, c); }

  @Override public List<AttributeRef> output() { return child.output(); }

  @Override public List<Expr> expressions() { return List.of(); }

  @Override public Limit mapExpressions(UnaryOperator<Expr> f) { return this; }

  @Override public List<LogicalPlan> children() { return List.of(child); }

  @Override public Limit withChildren(List<LogicalPlan> children) { return withChild(UnaryPlan.only(children, this)); }

  @Override public String describe() {
    return "Limit [" + (limit < 0 ? "ALL" : limit) + (offset > 0 ? " OFFSET " + offset : "") + "]";
  }
}
