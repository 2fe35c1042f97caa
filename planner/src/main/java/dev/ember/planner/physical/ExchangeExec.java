package dev.ember.planner.physical;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.expr.AttributeRef;
import java.util.List;

/**
 * Moves rows between tasks so that they are partitioned as {@code partitioning} says: a hash
 * shuffle, a gather into one partition, or a broadcast. Stages are cut here.
 */
public record ExchangeExec(Partitioning partitioning, PhysicalPlan child) implements PhysicalPlan {
  public ExchangeExec { requireNonNull(partitioning); requireNonNull(child); }

  @Override public List<AttributeRef> output() { return child.output(); }

  @Override public Partitioning outputPartitioning() { return partitioning; }

  @Override public List<PhysicalPlan> children() { return List.of(child); }

  @Override public PhysicalPlan withChildren(List<PhysicalPlan> children) {
    PhysicalPlan c = Nodes.only(children, this);
    return c == child ? this : new ExchangeExec(partitioning, c);
  }

  @Override public String describe() { return "Exchange " + partitioning.describe(); }
}
