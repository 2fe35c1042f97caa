package dev.ember.catalyst.plan.logical;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.NamedAggregate;
import dev.ember.catalyst.expr.NamedExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Groups rows by {@code groupings} and computes {@code aggregates} per group. Output: the
 * grouping columns, then one column per aggregate. With no groupings it returns exactly one row,
 * even for empty input.
 */
public record Aggregate(List<NamedExpr> groupings, List<NamedAggregate> aggregates, LogicalPlan child)
    implements LogicalPlan {
  public Aggregate {
    groupings = List.copyOf(groupings);
    aggregates = List.copyOf(aggregates);
    requireNonNull(child);
  }

  public Aggregate withChild(LogicalPlan c) { return c == child ? this : new Aggregate(groupings, aggregates, c); }

  @Override public List<AttributeRef> output() {
    List<AttributeRef> out = new ArrayList<>();
    for (NamedExpr g : groupings) out.add(g.toAttribute());
    for (NamedAggregate a : aggregates) out.add(a.toAttribute());
    return out;
  }

  @Override public List<Expr> expressions() {
    List<Expr> out = new ArrayList<>();
    for (NamedExpr g : groupings) out.add((Expr) g);
    for (NamedAggregate a : aggregates) out.addAll(a.call().expressions());
    return out;
  }

  @Override public Aggregate mapExpressions(UnaryOperator<Expr> f) {
    boolean changed = false;
    List<NamedExpr> gs = new ArrayList<>();
    for (NamedExpr g : groupings) {
      Expr e = f.apply((Expr) g);
      changed |= e != g;
      gs.add((NamedExpr) e);
    }
    List<NamedAggregate> as = new ArrayList<>();
    for (NamedAggregate a : aggregates) {
      NamedAggregate na = a.withCall(a.call().mapExprs(f));
      changed |= na != a;
      as.add(na);
    }
    return changed ? new Aggregate(gs, as, child) : this;
  }

  @Override public List<LogicalPlan> children() { return List.of(child); }

  @Override public Aggregate withChildren(List<LogicalPlan> children) {
    return withChild(UnaryPlan.only(children, this));
  }

  @Override public String describe() {
    return "Aggregate [" + groupings.stream().map(g -> ((Expr) g).display()).collect(Collectors.joining(", "))
        + "] [" + aggregates.stream().map(a -> a.call().display() + " AS " + a.name())
        .collect(Collectors.joining(", ")) + "]";
  }
}
