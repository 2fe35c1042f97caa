package dev.ember.catalyst;

import dev.ember.catalyst.catalog.Table;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.NamedExpr;
import dev.ember.catalyst.plan.logical.Aggregate;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.Join;
import dev.ember.catalyst.plan.logical.JoinType;
import dev.ember.catalyst.plan.logical.Limit;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Project;
import dev.ember.catalyst.plan.logical.Scan;
import dev.ember.catalyst.plan.logical.Sort;
import dev.ember.catalyst.plan.logical.Union;
import dev.ember.catalyst.plan.logical.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds resolved logical plans for tests, one operator at a time:
 * <pre>
 * scan("t", "a INT", "b INT").filter(gt(col("a"), lit(1))).project(col("b")).build()
 * </pre>
 * Column names resolve against the current plan's output; after a join, qualify them with the
 * scan's table name (or an alias set with {@link #as}) when both sides have the column.
 * Immutable: each call returns a new builder.
 */
public final class PlanBuilder {
  private final LogicalPlan plan;
  private final Map<Long, String> qualifiers;

  private PlanBuilder(LogicalPlan plan, Map<Long, String> qualifiers) {
    this.plan = plan;
    this.qualifiers = Map.copyOf(qualifiers);
  }

  /** A scan of a new {@link TestTable} with columns like {@code "a INT"}. */
  public static PlanBuilder scan(String table, String... columns) { return scan(TestTable.of(table, columns)); }

  /** A scan of every column of {@code table}, with fresh attribute ids. */
  public static PlanBuilder scan(Table table) {
    Scan s = Scan.of(table);
    String q = table.name().substring(table.name().lastIndexOf('.') + 1);
    Map<Long, String> qs = new HashMap<>();
    for (AttributeRef a : s.output()) qs.put(a.id(), q);
    return new PlanBuilder(s, qs);
  }

  /** Literal rows, e.g. {@code values(List.of("a INT"), List.of(1), List.of(2))}. */
  @SafeVarargs
  public static PlanBuilder values(List<String> columns, List<Object>... rows) {
    List<AttributeRef> out = columns.stream().map(TestTable::parseColumn)
        .map(f -> AttributeRef.of(f.name(), f.type(), f.nullable())).toList();
    return new PlanBuilder(new Values(out, Arrays.asList(rows)), Map.of());
  }

  /** Wraps an existing plan; its columns are unqualified. */
  public static PlanBuilder of(LogicalPlan plan) { return new PlanBuilder(plan, Map.of()); }

  /** Qualifies every current output column with {@code alias} (like {@code FROM t AS alias}). */
  public PlanBuilder as(String alias) {
    Map<Long, String> qs = new HashMap<>();
    for (AttributeRef a : plan.output()) qs.put(a.id(), alias);
    return new PlanBuilder(plan, qs);
  }

  public PlanBuilder filter(DslExpr condition) { return next(new Filter(condition.resolve(scope()), plan)); }

  /** Each item must resolve to a column or an {@code .as(name)} alias. */
  public PlanBuilder project(DslExpr... items) {
    return next(new Project(named(Arrays.asList(items), scope()), plan));
  }

  /** A comma join: INNER with condition TRUE. */
  public PlanBuilder join(PlanBuilder right) { return join(right, JoinType.INNER, s -> Literal.TRUE); }

  public PlanBuilder join(PlanBuilder right, JoinType type, DslExpr condition) {
    Map<Long, String> qs = new HashMap<>(qualifiers);
    qs.putAll(right.qualifiers);
    List<AttributeRef> both = new ArrayList<>(plan.output());
    both.addAll(right.plan.output());
    Expr cond = condition.resolve(new Scope(both, qs));
    return new PlanBuilder(new Join(plan, right.plan, type, cond), qs);
  }

  public PlanBuilder aggregate(List<DslExpr> groupings, List<AggDsl.Named> aggregates) {
    Scope s = scope();
    return next(new Aggregate(named(groupings, s), aggregates.stream().map(a -> a.resolve(s)).toList(), plan));
  }

  public PlanBuilder sort(ExprDsl.SortDsl... orders) {
    Scope s = scope();
    return next(new Sort(Arrays.stream(orders).map(o -> o.resolve(s)).toList(), plan));
  }

  public PlanBuilder limit(long n) { return limit(n, 0); }

  public PlanBuilder limit(long n, long offset) { return next(new Limit(n, offset, plan)); }

  public PlanBuilder unionAll(PlanBuilder... others) {
    List<LogicalPlan> inputs = new ArrayList<>(List.of(plan));
    for (PlanBuilder o : others) inputs.add(o.plan);
    return next(new Union(inputs));
  }

  /** The attribute {@code name} of the current output (to compare ids in tests). */
  public AttributeRef attr(String name) { return scope().resolve(name); }

  public LogicalPlan build() { return plan; }

  private Scope scope() { return new Scope(plan.output(), qualifiers); }

  /** Keeps the qualifiers of columns that pass through; new columns are unqualified. */
  private PlanBuilder next(LogicalPlan p) { return new PlanBuilder(p, qualifiers); }

  private static List<NamedExpr> named(List<DslExpr> items, Scope s) {
    List<NamedExpr> out = new ArrayList<>();
    for (DslExpr d : items) {
      Expr e = d.resolve(s);
      if (!(e instanceof NamedExpr n)) {
        throw new IllegalArgumentException("name this expression with .as(…): " + e.display());
      }
      out.add(n);
    }
    return out;
  }
}
