package dev.ember.planner.physical;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.expr.AttributeRef;
import java.util.List;

/**
 * At most {@code limit} rows ({@code < 0}: all) after skipping {@code offset}. The local form
 * runs per partition and keeps {@code offset + limit} rows; the global one sees all rows.
 */
public record LimitExec(long limit, long offset, boolean global, PhysicalPlan child) implements PhysicalPlan {
  public LimitExec { requireNonNull(child); }

  @Override public List<AttributeRef> output() { return child.output(); }

  @Override public Partitioning outputPartitioning() { return global ? Partitioning.SINGLE : child.outputPartitioning(); }

  @Override public List<Distribution> requiredChildDistribution() {
    return List.of(global ? Distribution.AllTuples.INSTANCE : Distribution.Unspecified.INSTANCE);
  }

  @Override public List<PhysicalPlan> children() { return List.of(child); }

  @Override public PhysicalPlan withChildren(List<PhysicalPlan> children) {
    PhysicalPlan c = Nodes.only(children, this);
    return c == child ? this : new LimitExec(limit, offset, global, c);
  }

  @Override public String describe() {
    return "Limit(" + (global ? "global" : "local") + ") [" + (limit < 0 ? "ALL" : limit)
        + (offset > 0 ? " OFFSET " + offset : "") + "]";
  }
}
