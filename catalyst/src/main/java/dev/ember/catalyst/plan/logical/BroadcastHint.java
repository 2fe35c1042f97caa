package dev.ember.catalyst.plan.logical;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The DataFrame API's {@code broadcast(df)}: its child's rows, unchanged, marked as small enough
 * to send to every task of a join (the planner's size estimate of it is 0, so a join broadcasts
 * it whatever the statistics say, unless broadcasting is switched off with a threshold of -1).
 */
public record BroadcastHint(LogicalPlan child) implements LogicalPlan {
  public BroadcastHint { requireNonNull(child); }

  public BroadcastHint withChild(LogicalPlan c) { return c == child ? this : new BroadcastHint(c); }

  @Override public List<AttributeRef> output() { return child.output(); }

  @Override public List<Expr> expressions() { return List.of(); }

  @Override public BroadcastHint mapExpressions(UnaryOperator<Expr> f) { return this; }

  @Override public List<LogicalPlan> children() { return List.of(child); }

  @Override public BroadcastHint withChildren(List<LogicalPlan> children) {
    return withChild(UnaryPlan.only(children, this));
  }

  @Override public String describe() { return "BroadcastHint"; }
}
