package dev.ember.planner.physical;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.tree.Trees;
import java.util.ArrayList;
import java.util.List;

/** Concatenates its inputs: its partitions are the inputs' partitions, one after another. */
public record UnionExec(List<PhysicalPlan> inputs) implements PhysicalPlan {
  public UnionExec { inputs = List.copyOf(inputs); }

  @Override public List<AttributeRef> output() {
    List<AttributeRef> first = inputs.get(0).output();
    List<AttributeRef> out = new ArrayList<>(first.size());
    for (int i = 0; i < first.size(); i++) {
      boolean nullable = false;
      for (PhysicalPlan p : inputs) nullable |= p.output().get(i).nullable();
      out.add(first.get(i).withNullable(nullable));
    }
    return out;
  }

  @Override public Partitioning outputPartitioning() { return Partitioning.UNKNOWN; }

  @Override public List<PhysicalPlan> children() { return inputs; }

  @Override public PhysicalPlan withChildren(List<PhysicalPlan> children) {
    return Trees.sameElements(children, inputs) ? this : new UnionExec(children);
  }

  @Override public String describe() { return "Union"; }
}
