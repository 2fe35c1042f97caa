package dev.ember.catalyst.plan.logical;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.tree.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code UNION ALL} of inputs with the same column types, by position. The output reuses the
 * first input's attributes, nullable if any input's column is. (UNION DISTINCT is an Aggregate
 * over a Union.)
 */
public record Union(List<LogicalPlan> inputs) implements LogicalPlan {
  public Union {
    inputs = List.copyOf(inputs);
    if (inputs.size() < 2) throw new IllegalArgumentException("UNION needs two inputs");
  }

  @Override public List<AttributeRef> output() {
    List<AttributeRef> first = inputs.get(0).output();
    List<AttributeRef> out = new ArrayList<>(first.size());
    for (int i = 0; i < first.size(); i++) {
      boolean nullable = false;
      for (LogicalPlan p : inputs) nullable |= p.output().get(i).nullable();
      out.add(first.get(i).withNullable(nullable));
    }
    return out;
  }

  @Override public List<Expr> expressions() { return List.of(); }

  @Override public Union mapExpressions(UnaryOperator<Expr> f) { return this; }

  @Override public List<LogicalPlan> children() { return inputs; }

  @Override public Union withChildren(List<LogicalPlan> children) {
    return Trees.sameElements(children, inputs) ? this : new Union(children);
  }

  @Override public String describe() { return "Union"; }
}
