package dev.ember.catalyst.plan.logical;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.NamedWindow;
import dev.ember.catalyst.expr.SortOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Computes window {@code functions} over the rows of its child, all with the same partitioning
 * and order (queries with several window specifications stack one Window per specification).
 * Output: the child's columns, unchanged and row for row, then one column per function.
 */
public record Window(List<NamedWindow> functions, List<Expr> partitionBy, List<SortOrder> orderBy, LogicalPlan child)
    implements LogicalPlan {
  public Window {
    functions = List.copyOf(functions);
    partitionBy = List.copyOf(partitionBy);
    orderBy = List.copyOf(orderBy);
    requireNonNull(child);
    if (functions.isEmpty()) throw new IllegalArgumentException("a Window needs at least one function");
  }

  public Window withChild(LogicalPlan c) { return c == child ? this : new Window(functions, partitionBy, orderBy, c); }

  @Override public List<AttributeRef> output() {
    List<AttributeRef> out = new ArrayList<>(child.output());
    for (NamedWindow f : functions) out.add(f.toAttribute());
    return out;
  }

  @Override public List<Expr> expressions() {
    List<Expr> out = new ArrayList<>();
    for (NamedWindow f : functions) out.addAll(f.function().args());
    out.addAll(partitionBy);
    for (SortOrder o : orderBy) out.add(o.expr());
    return out;
  }

  @Override public Window mapExpressions(UnaryOperator<Expr> f) {
    boolean changed = false;
    List<NamedWindow> fns = new ArrayList<>();
    for (NamedWindow w : functions) {
      NamedWindow m = w.withFunction(w.function().mapExprs(f));
      changed |= m != w;
      fns.add(m);
    }
    List<Expr> parts = new ArrayList<>();
    for (Expr e : partitionBy) {
      Expr m = f.apply(e);
      changed |= m != e;
      parts.add(m);
    }
    List<SortOrder> orders = new ArrayList<>();
    for (SortOrder o : orderBy) {
      SortOrder m = o.withExpr(f.apply(o.expr()));
      changed |= m != o;
      orders.add(m);
    }
    return changed ? new Window(fns, parts, orders, child) : this;
  }

  @Override public List<LogicalPlan> children() { return List.of(child); }

  @Override public Window withChildren(List<LogicalPlan> children) {
    return withChild(UnaryPlan.only(children, this));
  }

  @Override public String describe() {
    return "Window [" + functions.stream().map(NamedWindow::display).collect(Collectors.joining(", "))
        + "] partitionBy=[" + partitionBy.stream().map(Expr::display).collect(Collectors.joining(", "))
        + "] orderBy=[" + orderBy.stream().map(SortOrder::display).collect(Collectors.joining(", ")) + "]";
  }
}
