package dev.ember.planner.physical;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.SortOrder;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The first {@code offset + limit} rows by {@code orders} without sorting everything. A local
 * top-N runs per partition and keeps {@code offset + limit} rows; the global one (over a single
 * partition) also skips {@code offset}.
 */
public record TopNExec(long limit, long offset, List<SortOrder> orders, boolean global, PhysicalPlan child)
    implements PhysicalPlan {
  public TopNExec { orders = List.copyOf(orders); requireNonNull(child); }

  @Override public List<AttributeRef> output() { return child.output(); }

  @Override public Partitioning outputPartitioning() { return global ? Partitioning.SINGLE : child.outputPartitioning(); }

  @Override public List<Distribution> requiredChildDistribution() {
    return List.of(global ? Distribution.AllTuples.INSTANCE : Distribution.Unspecified.INSTANCE);
  }

  @Override public List<PhysicalPlan> children() { return List.of(child); }

  @Override public PhysicalPlan withChildren(List<PhysicalPlan> children) {
    PhysicalPlan c = Nodes.only(children, this);
    return c == child ? this : new TopNExec(limit, offset, orders, global, c);
  }

  @Override public String describe() {
    return "TopN(" + (global ? "global" : "local") + ") [" + limit + (offset > 0 ? " OFFSET " + offset : "") + "] ["
        + orders.stream().map(SortOrder::display).collect(Collectors.joining(", ")) + "]";
  }
}
