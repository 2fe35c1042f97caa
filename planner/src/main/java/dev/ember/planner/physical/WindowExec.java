package dev.ember.planner.physical;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.NamedWindow;
import dev.ember.catalyst.expr.SortOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Computes window {@code functions} per partition of rows with equal {@code partitionBy}
 * attributes, in {@code orderBy} order (whose expressions are attributes). Needs all rows of a
 * partition in one task: its child is clustered on the partition keys, or gathered into one
 * partition when there are none. Output: the child's columns, then one column per function.
 */
public record WindowExec(List<NamedWindow> functions, List<AttributeRef> partitionBy, List<SortOrder> orderBy,
    PhysicalPlan child) implements PhysicalPlan {
  public WindowExec {
    functions = List.copyOf(functions);
    partitionBy = List.copyOf(partitionBy);
    orderBy = List.copyOf(orderBy);
    requireNonNull(child);
  }

  @Override public List<AttributeRef> output() {
    List<AttributeRef> out = new ArrayList<>(child.output());
    for (NamedWindow f : functions) out.add(f.toAttribute());
    return out;
  }

  @Override public Partitioning outputPartitioning() { return child.outputPartitioning(); }

  @Override public List<Distribution> requiredChildDistribution() {
    if (partitionBy.isEmpty()) return List.of(Distribution.AllTuples.INSTANCE);
    return List.of(new Distribution.Clustered(partitionBy));
  }

  @Override public List<PhysicalPlan> children() { return List.of(child); }

  @Override public PhysicalPlan withChildren(List<PhysicalPlan> children) {
    PhysicalPlan c = Nodes.only(children, this);
    return c == child ? this : new WindowExec(functions, partitionBy, orderBy, c);
  }

  @Override public String describe() {
    return "Window [" + functions.stream().map(NamedWindow::display).collect(Collectors.joining(", "))
        + "] partitionBy=[" + Nodes.names(partitionBy) + "] orderBy=["
        + orderBy.stream().map(SortOrder::display).collect(Collectors.joining(", ")) + "]";
  }
}
