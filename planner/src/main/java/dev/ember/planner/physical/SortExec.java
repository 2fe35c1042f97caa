package dev.ember.planner.physical;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.SortOrder;
import java.util.List;
import java.util.stream.Collectors;

/** Sorts all rows (in one partition) by {@code orders}, whose expressions are attributes. */
public record SortExec(List<SortOrder> orders, PhysicalPlan child) implements PhysicalPlan {
  public SortExec { orders = List.copyOf(orders); requireNonNull(child); }

  @Override public List<AttributeRef> output() { return child.output(); }

  @Override public Partitioning outputPartitioning() { return Partitioning.SINGLE; }

  @Override public List<Distribution> requiredChildDistribution() { return List.of(Distribution.AllTuples.INSTANCE); }

  @Override public List<PhysicalPlan> children() { return List.of(child); }

  @Override public PhysicalPlan withChildren(List<PhysicalPlan> children) {
    PhysicalPlan c = Nodes.only(children, this);
    return c == child ? this : new SortExec(orders, c);
  }

  @Override public String describe() {
    return "Sort [" + orders.stream().map(SortOrder::display).collect(Collectors.joining(", ")) + "]";
  }
}
