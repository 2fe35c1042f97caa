package dev.ember.execution.cache;

import dev.ember.catalyst.expr.Alias;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.ExprIds;
import dev.ember.catalyst.expr.NamedAggregate;
import dev.ember.catalyst.expr.NamedExpr;
import dev.ember.catalyst.expr.NamedWindow;
import dev.ember.catalyst.plan.logical.Aggregate;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Project;
import dev.ember.catalyst.plan.logical.Scan;
import dev.ember.catalyst.plan.logical.Values;
import dev.ember.catalyst.plan.logical.Window;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Gives a resolved plan new attribute ids throughout, so it can appear twice in one query (a
 * self-join, a temporary view read twice) without its two copies' columns being confused.
 */
public final class PlanIds {
  private final Map<Long, Long> renamed = new HashMap<>();
  private final LongSupplier ids;

  private PlanIds(LongSupplier ids) { this.ids = ids; }

  /** A copy of {@code plan} in which every attribute it defines has a fresh id. */
  public static LogicalPlan freshen(LogicalPlan plan) { return freshenWithIds(plan).plan(); }

  /** The fresh copy and the new id of each old one. */
  public record Fresh(LogicalPlan plan, Map<Long, Long> ids) {}

  public static Fresh freshenWithIds(LogicalPlan plan) {
    PlanIds ids = new PlanIds(ExprIds::next);
    LogicalPlan out = plan.transformUp(ids::node);
    return new Fresh(out, Map.copyOf(ids.renamed));
  }

  /**
   * {@code plan} with ids numbered 1, 2, … in the order they are defined and every scanned table
   * reduced to its name and schema: two plans that compute the same thing the same way (a
   * DataFrame and the SQL view made from it, a view expanded twice) normalize to equal records.
   */
  public static LogicalPlan normalize(LogicalPlan plan) {
    long[] next = {1};
    PlanIds ids = new PlanIds(() -> next[0]++);
    return plan.transformUp(p -> {
      LogicalPlan n = ids.node(p);
      return n instanceof Scan s ? new Scan(new TableKey(s.table().name(), s.table().schema()), s.output(), s.filters()) : n;
    });
  }

  /** A table reduced to what identifies it in a normalized plan. */
  private record TableKey(String name, dev.ember.catalyst.types.Schema schema) implements dev.ember.catalyst.catalog.Table {}

  /** The ids {@code plan} defines (its scans', aliases', aggregates' and window columns'). */
  public static Set<Long> defined(LogicalPlan plan) {
    Set<Long> out = new HashSet<>();
    plan.foreach(p -> {
      for (AttributeRef a : p.output()) out.add(a.id());
    });
    return out;
  }

  private LogicalPlan node(LogicalPlan p) {
    if (p instanceof Scan s) {
      return new Scan(s.table(), fresh(s.output()), s.filters().stream().map(this::refs).toList());
    }
    if (p instanceof Values v) return new Values(fresh(v.output()), v.rows());
    if (p instanceof Project pr) {
      List<NamedExpr> out = new ArrayList<>();
      for (NamedExpr n : pr.projections()) out.add(named(n));
      return new Project(out, pr.child());
    }
    if (p instanceof Aggregate a) {
      List<NamedExpr> groups = new ArrayList<>();
      for (NamedExpr g : a.groupings()) groups.add(named(g));
      List<NamedAggregate> aggs = new ArrayList<>();
      for (NamedAggregate na : a.aggregates()) {
        aggs.add(new NamedAggregate(na.call().mapExprs(this::refs), na.name(), freshId(na.id())));
      }
      return new Aggregate(groups, aggs, a.child());
    }
    if (p instanceof Window w) {
      List<NamedWindow> fns = new ArrayList<>();
      for (NamedWindow nw : w.functions()) {
        fns.add(new NamedWindow(nw.function().mapExprs(this::refs), nw.frame(), nw.name(), freshId(nw.id())));
      }
      Window mapped = new Window(fns, w.partitionBy(), w.orderBy(), w.child());
      return mapped.transformExpressionsUp(this::ref);
    }
    return p.transformExpressionsUp(this::ref);
  }

  private NamedExpr named(NamedExpr n) {
    if (n instanceof Alias a) return new Alias(refs(a.child()), a.name(), freshId(a.id()));
    return (NamedExpr) ref((AttributeRef) n);
  }

  private List<AttributeRef> fresh(List<AttributeRef> attrs) {
    List<AttributeRef> out = new ArrayList<>();
    for (AttributeRef a : attrs) out.add(new AttributeRef(a.name(), a.type(), a.nullable(), freshId(a.id())));
    return out;
  }

  private long freshId(long old) {
    long id = ids.getAsLong();
    renamed.put(old, id);
    return id;
  }

  private Expr refs(Expr e) { return e.transformUp(this::ref); }

  private Expr ref(Expr e) {
    if (e instanceof AttributeRef a) {
      Long id = renamed.get(a.id());
      return id == null ? a : new AttributeRef(a.name(), a.type(), a.nullable(), id);
    }
    return e;
  }
}
