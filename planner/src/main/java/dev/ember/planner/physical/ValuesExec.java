package dev.ember.planner.physical;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.tree.Trees;
import java.util.List;

/** Literal rows, in one partition. */
public record ValuesExec(List<AttributeRef> output, List<List<Object>> rows) implements PhysicalPlan {
  public ValuesExec { output = List.copyOf(output); rows = List.copyOf(rows); }

  @Override public Partitioning outputPartitioning() { return Partitioning.SINGLE; }

  @Override public List<PhysicalPlan> children() { return List.of(); }

  @Override public PhysicalPlan withChildren(List<PhysicalPlan> children) {
    Trees.checkArity(children, 0, this);
    return this;
  }

  @Override public String describe() { return "Values [" + Nodes.names(output) + "] rows=" + rows.size(); }
}
