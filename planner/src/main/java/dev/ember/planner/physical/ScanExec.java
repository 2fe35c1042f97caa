package dev.ember.planner.physical;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.catalog.Table;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Predicates;
import dev.ember.catalyst.tree.Trees;
import java.util.List;

/**
 * Reads {@code output} columns of a table, one task per split. The {@code filters} are applied
 * to every row (fused into the scan's pipeline) and also handed to the source to skip data.
 */
public record ScanExec(Table table, List<AttributeRef> output, List<Expr> filters) implements PhysicalPlan {
  public ScanExec { requireNonNull(table); output = List.copyOf(output); filters = List.copyOf(filters); }

  @Override public Partitioning outputPartitioning() { return Partitioning.UNKNOWN; }

  @Override public List<PhysicalPlan> children() { return List.of(); }

  @Override public PhysicalPlan withChildren(List<PhysicalPlan> children) {
    Trees.checkArity(children, 0, this);
    return this;
  }

  @Override public String describe() {
    return "Scan " + table.name() + " [" + Nodes.names(output) + "]"
        + (filters.isEmpty() ? "" : " filters=[" + Predicates.and(filters).display() + "]");
  }
}
