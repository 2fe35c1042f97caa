package dev.ember.catalyst.plan.logical;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import java.util.List;
import java.util.function.UnaryOperator;

/** Keeps the rows for which {@code condition} is TRUE. */
public record Filter(Expr condition, LogicalPlan child) implements LogicalPlan {
  public Filter { requireNonNull(condition); requireNonNull(child); }

  public Filter withChild(LogicalPlan c) { return c == child ? this : new Filter(condition, c); }

  @Override public List<AttributeRef> output() { return child.output(); }

  @Override public List<Expr> expressions() { return List.of(condition); }

  @Override public Filter mapExpressions(UnaryOperator<Expr> f) {
    Expr c = f.apply(condition);
    return c == condition ? this : new Filter(c, child);
  }

  @Override public List<LogicalPlan> children() { return List.of(child); }

  @Override public Filter withChildren(List<LogicalPlan> children) {
    return withChild(UnaryPlan.only(children, this));
  }

  @Override public String describe() { return "Filter [" + condition.display() + "]"; }
}
