package dev.ember.catalyst.plan.logical;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.tree.Trees;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Literal rows ({@code VALUES}, or {@code SELECT} without {@code FROM}). Each row holds one
 * boxed value per output column, as {@link dev.ember.catalyst.expr.Literal} does.
 */
public record Values(List<AttributeRef> output, List<List<Object>> rows) implements LogicalPlan {
  public Values {
    output = List.copyOf(output);
    rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
  }

  @Override public List<Expr> expressions() { return List.of(); }

  @Override public Values mapExpressions(UnaryOperator<Expr> f) { return this; }

  @Override public List<LogicalPlan> children() { return List.of(); }

  @Override public LogicalPlan withChildren(List<LogicalPlan> children) {
    Trees.checkArity(children, 0, this);
    return this;
  }

  @Override public String describe() {
    return "Values [" + String.join(", ", output.stream().map(AttributeRef::name).toList()) + "] rows="
        + rows.size();
  }
}
