package dev.ember.catalyst.plan.logical;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.catalog.Table;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Predicates;
import dev.ember.catalyst.tree.Trees;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Reads a table. {@code output} is the subset of the table's columns that is needed (column
 * pruning narrows it; attribute names are the table's column names). {@code filters} have been
 * pushed into the scan and are guaranteed to hold for every row it returns: the source may use
 * them to skip data, and the scan operator applies whatever the source could not.
 */
public record Scan(Table table, List<AttributeRef> output, List<Expr> filters) implements LogicalPlan {
  public Scan {
    requireNonNull(table);
    output = List.copyOf(output);
    filters = List.copyOf(filters);
  }

  /** A scan of every column of {@code table}, with fresh attributes. */
  public static Scan of(Table table) {
    List<AttributeRef> out = table.schema().fields().stream()
        .map(f -> AttributeRef.of(f.name(), f.type(), f.nullable())).toList();
    return new Scan(table, out, List.of());
  }

  public Scan withOutput(List<AttributeRef> o) { return new Scan(table, o, filters); }

  public Scan withFilters(List<Expr> f) { return new Scan(table, output, f); }

  @Override public List<Expr> expressions() { return filters; }

  @Override public Scan mapExpressions(UnaryOperator<Expr> f) {
    List<Expr> nf = filters.stream().map(f).toList();
    return Trees.sameElements(nf, filters) ? this : new Scan(table, output, nf);
  }

  @Override public List<LogicalPlan> children() { return List.of(); }

  @Override public LogicalPlan withChildren(List<LogicalPlan> children) {
    Trees.checkArity(children, 0, this);
    return this;
  }

  @Override public String describe() {
    String cols = output.stream().map(AttributeRef::name).collect(Collectors.joining(", "));
    String f = filters.isEmpty() ? "" : ", filters=[" + Predicates.and(filters).display() + "]";
    return "Scan " + table.name() + " [" + cols + "]" + f;
  }
}
