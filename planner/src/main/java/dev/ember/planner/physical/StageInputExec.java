package dev.ember.planner.physical;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.tree.Trees;
import java.util.List;

/**
 * Where a stage reads the output of an earlier stage: the shuffle partition of its task, or all
 * of a broadcast. Replaces an {@link ExchangeExec} when stages are cut.
 */
public record StageInputExec(int stageId, List<AttributeRef> output, Partitioning partitioning)
    implements PhysicalPlan {
  public StageInputExec { output = List.copyOf(output); requireNonNull(partitioning); }

  @Override public Partitioning outputPartitioning() { return partitioning; }

  @Override public List<PhysicalPlan> children() { return List.of(); }

  @Override public PhysicalPlan withChildren(List<PhysicalPlan> children) {
    Trees.checkArity(children, 0, this);
    return this;
  }

  @Override public String describe() {
    return "StageInput [stage " + stageId + ", " + partitioning.describe() + "] [" + Nodes.names(output) + "]";
  }
}
