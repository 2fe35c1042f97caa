package dev.ember.sql.convert;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.catalog.PlanTable;
import dev.ember.catalyst.catalog.Table;
import dev.ember.catalyst.catalog.ViewTable;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.Alias;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.NamedExpr;
import dev.ember.catalyst.expr.SortOrder;
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
import dev.ember.catalyst.types.DataType;
import dev.ember.sql.validate.CatalogTable;
import dev.ember.sql.validate.TypeMapping;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Intersect;
import org.apache.calcite.rel.core.Minus;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.Pair;

/**
 * Converts Calcite relational algebra to Ember's logical plan, bottom-up. Each converted node has
 * one output attribute per Calcite field, in order, of the field's Ember type; that is what lets
 * a parent's {@code $i} become {@code child.output().get(i)}. Operators Ember does not have yet
 * (INTERSECT ALL, EXCEPT ALL, correlations that did not decorrelate) fail as not supported.
 */
public final class RelConverter {
  private final ViewExpander views;
  private final Set<String> broadcastTables;
  private final Set<Long> broadcastIds = new HashSet<>();

  public RelConverter(ViewExpander views) { this(views, Set.of()); }

  /** @param broadcastTables lower-cased names of tables a broadcast hint names ({@link BroadcastHints}) */
  public RelConverter(ViewExpander views, Set<String> broadcastTables) {
    this.views = requireNonNull(views);
    this.broadcastTables = Set.copyOf(broadcastTables);
  }

  /** The output attribute ids of the hinted tables' scans (and expanded views), after {@link #convert}. */
  public Set<Long> broadcastIds() { return Set.copyOf(broadcastIds); }

  /** Converts a whole query: {@link #convert} plus the checks that need the complete plan. */
  public LogicalPlan convertQuery(RelNode rel) {
    LogicalPlan plan = convert(rel);
    CorrelatedScalarChecks.requireNoneLeft(plan);
    return plan;
  }

  public LogicalPlan convert(RelNode rel) {
    if (rel instanceof TableScan scan) return scan(scan);
    if (rel instanceof org.apache.calcite.rel.core.Filter f) return filter(f);
    if (rel instanceof org.apache.calcite.rel.core.Project p) return project(p);
    if (rel instanceof org.apache.calcite.rel.core.Aggregate a) return AggregateConverter.convert(a, convert(a.getInput()));
    if (rel instanceof org.apache.calcite.rel.core.Join j) return join(j);
    if (rel instanceof org.apache.calcite.rel.core.Sort s) return sort(s);
    if (rel instanceof org.apache.calcite.rel.core.Union u) return union(u);
    if (rel instanceof org.apache.calcite.rel.core.Values v) return values(v);
    if (rel instanceof Intersect i) return SetOperations.intersectOrExcept(setInputs(i), true, i.all);
    if (rel instanceof Minus m) return SetOperations.intersectOrExcept(setInputs(m), false, m.all);
    if (rel instanceof Window w) return WindowConverter.convert(w, convert(w.getInput()));
    if (rel instanceof Correlate) throw EmberException.notSupported("correlated subquery that cannot be decorrelated");
    throw EmberException.notSupported("relational operator " + rel.getRelTypeName());
  }

  private LogicalPlan scan(TableScan scan) {
    CatalogTable catalogTable = scan.getTable().unwrap(CatalogTable.class);
    if (catalogTable == null) throw new IllegalStateException("not an Ember table: " + scan.getTable());
    Table table = catalogTable.table();
    LogicalPlan plan = table instanceof ViewTable view ? views.expand(view)
        : table instanceof PlanTable planned ? planned.plan() : Scan.of(table);
    String name = table.name().substring(table.name().lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
    if (broadcastTables.contains(name)) {
      for (var a : plan.output()) broadcastIds.add(a.id());
    }
    return plan;
  }

  private LogicalPlan filter(org.apache.calcite.rel.core.Filter f) {
    LogicalPlan child = convert(f.getInput());
    return new Filter(rex(child, f).convert(f.getCondition()), child);
  }

  private LogicalPlan project(org.apache.calcite.rel.core.Project p) {
    LogicalPlan child = convert(p.getInput());
    RexConverter rex = rex(child, p);
    List<NamedExpr> projections = new ArrayList<>();
    for (Pair<RexNode, String> named : p.getNamedProjects()) {
      projections.add(named(rex.convert(named.left), named.right));
    }
    return new Project(projections, child);
  }

  /** A pass-through attribute when the expression is one under the same name, else an alias. */
  public static NamedExpr named(Expr e, String name) {
    if (e instanceof AttributeRef a && a.name().equals(name)) return a;
    return Alias.of(e, name);
  }

  private LogicalPlan join(org.apache.calcite.rel.core.Join j) {
    LogicalPlan left = convert(j.getLeft());
    LogicalPlan right = convert(j.getRight());
    List<AttributeRef> both = new ArrayList<>(left.output());
    both.addAll(right.output());
    Expr condition = new RexConverter(both, j.getCluster().getRexBuilder()).convert(j.getCondition());
    JoinType type = switch (j.getJoinType()) {
      case INNER -> JoinType.INNER;
      case LEFT -> JoinType.LEFT;
      case RIGHT -> JoinType.RIGHT;
      case FULL -> JoinType.FULL;
      case SEMI -> JoinType.LEFT_SEMI;
      case ANTI -> JoinType.LEFT_ANTI;
      default -> throw EmberException.notSupported(j.getJoinType() + " join");
    };
    return CorrelatedScalarChecks.pullAboveJoin(new Join(left, right, type, condition));
  }

  private LogicalPlan sort(org.apache.calcite.rel.core.Sort s) {
    LogicalPlan child = convert(s.getInput());
    List<AttributeRef> in = child.output();
    LogicalPlan out = child;
    List<RelFieldCollation> keys = s.getCollation().getFieldCollations();
    if (!keys.isEmpty()) {
      List<SortOrder> orders = new ArrayList<>();
      for (RelFieldCollation k : keys) {
        boolean asc = !k.direction.isDescending();
        boolean nullsFirst = switch (k.nullDirection) {
          case FIRST -> true;
          case LAST -> false;
          case UNSPECIFIED -> !asc;
        };
        orders.add(new SortOrder(in.get(k.getFieldIndex()), asc, nullsFirst));
      }
      out = new Sort(orders, out);
    }
    if (s.fetch != null || s.offset != null) {
      long limit = s.fetch == null ? -1 : count(s.fetch, "LIMIT");
      long offset = s.offset == null ? 0 : count(s.offset, "OFFSET");
      out = new Limit(limit, offset, out);
    }
    return out;
  }

  private static long count(RexNode n, String clause) {
    if (n instanceof RexLiteral lit) {
      Long v = lit.getValueAs(Long.class);
      if (v != null && v >= 0) return v;
      throw new EmberException(EmberException.SYNTAX_ERROR, clause + " must not be negative");
    }
    throw EmberException.notSupported(clause + " with an expression");
  }

  private LogicalPlan union(org.apache.calcite.rel.core.Union u) {
    LogicalPlan union = new Union(setInputs(u));
    if (u.all) return union;
    return new Aggregate(new ArrayList<>(union.output()), List.of(), union);
  }

  /** The inputs of a set operation, their columns cast to the operation's column types. */
  private List<LogicalPlan> setInputs(org.apache.calcite.rel.core.SetOp op) {
    List<DataType> types = new ArrayList<>();
    for (RelDataTypeField f : op.getRowType().getFieldList()) types.add(TypeMapping.toEmber(f.getType()));
    List<LogicalPlan> inputs = new ArrayList<>();
    for (RelNode input : op.getInputs()) inputs.add(castColumns(convert(input), types));
    return inputs;
  }

  /** {@code plan} with its columns cast to {@code types} (a Project only when one differs). */
  private static LogicalPlan castColumns(LogicalPlan plan, List<DataType> types) {
    List<AttributeRef> out = plan.output();
    boolean same = true;
    for (int i = 0; i < out.size(); i++) same &= out.get(i).type().equals(types.get(i));
    if (same) return plan;
    List<NamedExpr> projections = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      AttributeRef a = out.get(i);
      projections.add(named(Coercions.cast(a, types.get(i)), a.name()));
    }
    return new Project(projections, plan);
  }

  private LogicalPlan values(org.apache.calcite.rel.core.Values v) {
    List<AttributeRef> output = new ArrayList<>();
    List<DataType> types = new ArrayList<>();
    for (RelDataTypeField f : v.getRowType().getFieldList()) {
      DataType t = TypeMapping.toEmber(f.getType());
      types.add(t);
      output.add(AttributeRef.of(f.getName(), t, f.getType().isNullable()));
    }
    List<List<Object>> rows = new ArrayList<>();
    for (List<RexLiteral> tuple : v.getTuples()) {
      List<Object> row = new ArrayList<>();
      for (int i = 0; i < tuple.size(); i++) {
        Expr e = Coercions.cast(Literals.convert(tuple.get(i)), types.get(i));
        if (!(e instanceof Literal lit)) throw EmberException.notSupported("VALUES with mixed types in a column");
        row.add(lit.value());
      }
      rows.add(row);
    }
    return new Values(output, rows);
  }

  private static RexConverter rex(LogicalPlan child, RelNode rel) {
    return new RexConverter(child.output(), rel.getCluster().getRexBuilder());
  }
}
