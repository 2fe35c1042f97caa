package dev.ember.sql.convert;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.Alias;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Call;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Exprs;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.NamedExpr;
import dev.ember.catalyst.expr.Predicates;
import dev.ember.catalyst.plan.logical.Aggregate;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.Join;
import dev.ember.catalyst.plan.logical.JoinType;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Project;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a correlated scalar subquery's "more than one row" check runs. Decorrelated, such a
 * subquery is an aggregate grouped by the correlation keys, {@code any_value(v)} and
 * {@code count(*)} per group, joined to the outer rows. Checked right above the aggregate
 * ({@link AggregateConverter}), a group with several rows would fail the query even when no outer
 * row meets it, so the check moves above the join, where only groups an outer row joined are seen
 * (DuckDB raises 21000 exactly then):
 * <pre>
 * Join LeftOuter [(a = k)]                        Project [a, scalar_subquery_check(v$rows, v) AS v]
 *   Scan t [a]                               =>     Join LeftOuter [(a = k)]
 *   Project [k, scalar_subquery_check(              Scan t [a]
 *       v$rows, v) AS v]                            Project [k, v, v$rows]
 *     Aggregate [k] [any_value(x) AS v,               Aggregate [k] [any_value(x) AS v, count(*) AS v$rows]
 *                    count(*) AS v$rows]
 * </pre>
 * For an inner join, filters between the join and the check (decorrelation pushes the subquery's
 * comparison there) and conjuncts of the join condition that read the checked value go to a
 * filter above the check; a LEFT join with either, other join types, and checks left anywhere
 * else ({@link #requireNoneLeft}) fail as not supported.
 */
final class CorrelatedScalarChecks {
  private CorrelatedScalarChecks() {}

  /** The join, with the checks of its right side's grouped aggregate moved above it. */
  static LogicalPlan pullAboveJoin(Join join) {
    // Filters on the subquery's value that decorrelation pushed into the right side.
    List<Expr> rightFilters = new ArrayList<>();
    LogicalPlan right = join.right();
    while (right instanceof Filter f) {
      rightFilters.addAll(Predicates.splitConjuncts(f.condition()));
      right = f.child();
    }
    if (!(right instanceof Project p && p.child() instanceof Aggregate a && !a.groupings().isEmpty())) {
      return join;
    }
    Map<Long, Call> checks = new HashMap<>();
    for (NamedExpr n : p.projections()) {
      if (n instanceof Alias al && isCheck(al.child())) checks.put(al.id(), (Call) al.child());
    }
    if (checks.isEmpty()) return join;
    boolean inner = join.type() == JoinType.INNER;
    // Only an inner join lets those filters run after it: below a LEFT join they pad instead.
    if (!inner && (join.type() != JoinType.LEFT || !rightFilters.isEmpty())) throw notSupported();
    // Below the join: the value and the row count pass through unchecked, under fresh ids.
    List<NamedExpr> below = new ArrayList<>();
    Map<Long, AttributeRef[]> passed = new HashMap<>();
    for (NamedExpr n : p.projections()) {
      Call check = checks.get(n.toAttribute().id());
      if (check == null) {
        below.add(n);
        continue;
      }
      NamedExpr value = check.args().get(1) instanceof AttributeRef v ? v : Alias.of(check.args().get(1), "value");
      AttributeRef rows = (AttributeRef) check.args().get(0);
      below.add(value);
      below.add(rows);
      passed.put(n.toAttribute().id(), new AttributeRef[] {value.toAttribute(), rows});
    }
    List<Expr> kept = new ArrayList<>();
    List<Expr> above = new ArrayList<>(rightFilters);
    for (Expr c : Predicates.splitConjuncts(join.condition())) {
      boolean readsCheck = Exprs.references(c).stream().anyMatch(checks::containsKey);
      if (readsCheck && !inner) throw notSupported();
      (readsCheck ? above : kept).add(c);
    }
    Join lowered = new Join(join.left(), new Project(below, a), join.type(),
        kept.isEmpty() ? Literal.TRUE : Predicates.and(kept));
    Map<Long, AttributeRef> joined = new HashMap<>();
    for (AttributeRef r : lowered.output()) joined.put(r.id(), r);
    List<NamedExpr> top = new ArrayList<>();
    for (AttributeRef r : join.output()) {
      AttributeRef[] vr = passed.get(r.id());
      if (vr == null) {
        top.add(joined.get(r.id()));
        continue;
      }
      AttributeRef value = joined.get(vr[0].id()), rows = joined.get(vr[1].id());
      top.add(new Alias(new Call(Call.Fn.SCALAR_SUBQUERY_CHECK, List.of(rows, value), value.type()), r.name(), r.id()));
    }
    LogicalPlan out = new Project(top, lowered);
    return above.isEmpty() ? out : new Filter(Predicates.and(above), out);
  }

  /** Fails when a check still sits right above a grouped aggregate, where it would run for every group. */
  static void requireNoneLeft(LogicalPlan plan) {
    plan.foreach(node -> {
      if (node instanceof Project p && p.child() instanceof Aggregate a && !a.groupings().isEmpty()
          && p.projections().stream().anyMatch(n -> n instanceof Alias al && isCheck(al.child()))) {
        throw notSupported();
      }
    });
  }

  private static boolean isCheck(Expr e) { return e instanceof Call c && c.fn() == Call.Fn.SCALAR_SUBQUERY_CHECK; }

  private static EmberException notSupported() {
    return EmberException.notSupported("correlated scalar subquery that may return more than one row, used where"
        + " its rows cannot be checked after the join");
  }
}
