package dev.ember.planner.physical;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import java.util.List;

/** Keeps rows where {@code condition} is TRUE. Fused into its pipeline. */
public record FilterExec(Expr condition, PhysicalPlan child) implements PhysicalPlan {
  public FilterExec { requireNonNull(condition); requireNonNull(child); }

  @Override public List<AttributeRef> output() { return child.output(); }

  @Override public Partitioning outputPartitioning() { return child.outputPartitioning(); }

  @Override public List<PhysicalPlan> children() { return List.of(child); }

  @Override public PhysicalPlan withChildren(List<PhysicalPlan> children) {
    PhysicalPlan c = Nodes.only(children, this);
    return c == child ? this : new FilterExec(condition, c);
  }

  @Override public String describe() { return "Filter [" + condition.display() + "]"; }
}
