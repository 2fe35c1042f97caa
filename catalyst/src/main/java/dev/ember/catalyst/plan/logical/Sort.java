package dev.ember.catalyst.plan.logical;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.SortOrder;
import dev.ember.catalyst.tree.Trees;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Orders all rows by {@code orders}. */
public record Sort(List<SortOrder> orders, LogicalPlan child) implements LogicalPlan {
  public Sort { orders = List.copyOf(orders); requireNonNull(child); }

  public Sort withChild(LogicalPlan c) { return c == child ? this : new Sort(orders, c); }

  @Override public List<AttributeRef> output() { return child.output(); }

  @Override public List<Expr> expressions() { return orders.stream().map(SortOrder::expr).toList(); }

  @Override public Sort mapExpressions(UnaryOperator<Expr> f) {
    List<SortOrder> os = orders.stream().map(o -> o.withExpr(f.apply(o.expr()))).toList();
    return Trees.sameElements(os, orders) ? this : new Sort(os, child);
  }

  @Override public List<LogicalPlan> children() { return List.of(child); }

  @Override public Sort withChildren(List<LogicalPlan> children) { return withChild(UnaryPlan.only(children, this)); }

  @Override public String describe() {
    return "Sort [" + orders.stream().map(SortOrder::display).collect(Collectors.joining(", ")) + "]";
  }
}
