package dev.ember.catalyst.plan.logical;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.NamedExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Computes one named expression per output column. */
public record Project(List<NamedExpr> projections, LogicalPlan child) implements LogicalPlan {
  public Project { projections = List.copyOf(projections); requireNonNull(child); }

  public Project withChild(LogicalPlan c) { return c == child ? this : new Project(projections, c); }

  @Override public List<AttributeRef> output() {
    return projections.stream().map(NamedExpr::toAttribute).toList();
  }

  @Override public List<Expr> expressions() {
    return projections.stream().map(n -> (Expr) n).toList();
  }

  @Override public Project mapExpressions(UnaryOperator<Expr> f) {
    List<NamedExpr> out = new ArrayList<>(projections.size());
    boolean changed = false;
    for (NamedExpr n : projections) {
      Expr e = f.apply((Expr) n);
      if (e != n) changed = true;
      if (!(e instanceof NamedExpr ne)) {
        throw new IllegalStateException("projection rewritten to an unnamed expression: " + e.display());
      }
      out.add(ne);
    }
    return changed ? new Project(out, child) : this;
  }

  /** True when this only passes through (some of) the child's columns, in any order. */
  public boolean isPassThrough() {
    return projections.stream().allMatch(p -> p instanceof AttributeRef);
  }

  @Override public List<LogicalPlan> children() { return List.of(child); }

  @Override public Project withChildren(List<LogicalPlan> children) {
    return withChild(UnaryPlan.only(children, this));
  }

  @Override public String describe() {
    return "Project [" + projections.stream().map(p -> ((Expr) p).display())
        .collect(Collectors.joining(", ")) + "]";
  }
}
