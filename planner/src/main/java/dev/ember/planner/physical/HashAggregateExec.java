package dev.ember.planner.physical;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.NamedAggregate;
import dev.ember.catalyst.expr.NamedExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Hash aggregation in one of its {@link AggMode}s. {@code bufferAttributes} are the columns of
 * the aggregate buffers (see {@link AggregateBuffers}): the output of PARTIAL and the input of
 * FINAL. In FINAL mode the groupings are the grouping attributes of the PARTIAL output.
 */
public record HashAggregateExec(AggMode mode, List<NamedExpr> groupings, List<NamedAggregate> aggregates,
    List<AttributeRef> bufferAttributes, PhysicalPlan child) implements PhysicalPlan {
  public HashAggregateExec {
    requireNonNull(mode);
    groupings = List.copyOf(groupings);
    aggregates = List.copyOf(aggregates);
    bufferAttributes = List.copyOf(bufferAttributes);
    requireNonNull(child);
  }

  public List<AttributeRef> groupingAttributes() { return groupings.stream().map(NamedExpr::toAttribute).toList(); }

  @Override public List<AttributeRef> output() {
    List<AttributeRef> out = new ArrayList<>(groupingAttributes());
    if (mode == AggMode.PARTIAL) {
      out.addAll(bufferAttributes);
    } else {
      for (NamedAggregate a : aggregates) out.add(a.toAttribute());
    }
    return out;
  }

  @Override public Partitioning outputPartitioning() { return child.outputPartitioning(); }

  @Override public List<Distribution> requiredChildDistribution() {
    if (mode == AggMode.PARTIAL) return List.of(Distribution.Unspecified.INSTANCE);
    if (groupings.isEmpty()) return List.of(Distribution.AllTuples.INSTANCE);
    return List.of(new Distribution.Clustered(groupingAttributes()));
  }

  @Override public List<PhysicalPlan> children() { return List.of(child); }

  @Override public PhysicalPlan withChildren(List<PhysicalPlan> children) {
    PhysicalPlan c = Nodes.only(children, this);
    return c == child ? this : new HashAggregateExec(mode, groupings, aggregates, bufferAttributes, c);
  }

  @Override public String describe() {
    return "HashAggregate(" + mode.name().toLowerCase() + ") [" + groupings.stream()
        .map(g -> ((Expr) g).display()).collect(Collectors.joining(", ")) + "] ["
        + aggregates.stream().map(a -> a.call().display() + " AS " + a.name()).collect(Collectors.joining(", ")) + "]";
  }
}
