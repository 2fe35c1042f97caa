package dev.ember.planner.physical;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.NamedExpr;
import java.util.List;
import java.util.stream.Collectors;

/** Computes one named expression per output column. Fused into its pipeline. */
public record ProjectExec(List<NamedExpr> projections, PhysicalPlan child) implements PhysicalPlan {
  public ProjectExec { projections = List.copyOf(projections); requireNonNull(child); }

  @Override public List<AttributeRef> output() { return projections.stream().map(NamedExpr::toAttribute).toList(); }

  @Override public Partitioning outputPartitioning() {
    // Hash partitioning survives when its keys are passed through unchanged.
    Partitioning p = child.outputPartitioning();
    if (p instanceof Partitioning.Hash h) {
      List<Long> kept = output().stream().map(AttributeRef::id).toList();
      return h.keys().stream().allMatch(k -> kept.contains(k.id())) ? p : Partitioning.UNKNOWN;
    }
    return p;
  }

  @Override public List<PhysicalPlan> children() { return List.of(child); }

  @Override public PhysicalPlan withChildren(List<PhysicalPlan> children) {
    PhysicalPlan c = Nodes.only(children, this);
    return c == child ? this : new ProjectExec(projections, c);
  }

  @Override public String describe() {
    return "Project [" + projections.stream().map(p -> ((Expr) p).display()).collect(Collectors.joining(", ")) + "]";
  }
}
