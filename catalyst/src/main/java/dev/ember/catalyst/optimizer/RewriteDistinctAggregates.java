package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.AggregateCall;
import dev.ember.catalyst.expr.AggregateCall.AggFn;
import dev.ember.catalyst.expr.Alias;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.NamedAggregate;
import dev.ember.catalyst.expr.NamedExpr;
import dev.ember.catalyst.expr.Predicates;
import dev.ember.catalyst.expr.UnaryOp;
import dev.ember.catalyst.plan.logical.Aggregate;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Project;
import dev.ember.catalyst.rules.Rule;
import dev.ember.catalyst.types.DataType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces DISTINCT aggregates by two levels of plain aggregation (Spark's
 * RewriteDistinctAggregates without Expand), so the physical planner never sees DISTINCT. The
 * inner level groups by the keys plus the distinct values and computes partial values of the
 * other aggregates ({@link PartialAggregate}); the outer level groups by the keys, aggregates the
 * now-unique values and merges the partials. A Project on top finishes count and avg.
 * <pre>
 * Aggregate [k] [count(DISTINCT x) AS c, sum(v) AS s]      Aggregate [k] [count(x) AS c, sum(s_partial) AS s]
 *   Scan t [k, x, v]                               =>        Aggregate [k, x] [sum(v) AS s_partial]
 *                                                              Scan t [k, x, v]
 * </pre>
 * A FILTER on a DISTINCT aggregate becomes part of its distinct value ({@link DistinctArgs#of}).
 * min, max and any_value just lose DISTINCT. Output ids and types stay as they were.
 *
 * <p>Only one set of distinct values per Aggregate is supported (one grouping by it suffices);
 * several different sets would need Spark's Expand or a join of aggregates, and raise
 * {@link EmberException#notSupported}.
 */
public final class RewriteDistinctAggregates implements Rule<LogicalPlan> {
  @Override public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (!(node instanceof Aggregate a) || !DistinctArgs.hasDistinct(a)) return node;
      Aggregate plain = DistinctArgs.dropNeedlessDistinct(a);
      return DistinctArgs.hasDistinct(plain) ? twoLevels(plain) : plain;
    });
  }

  private static LogicalPlan twoLevels(Aggregate a) {
    Set<List<Expr>> argSets = new LinkedHashSet<>();
    for (NamedAggregate n : a.aggregates()) {
      if (n.call().distinct()) argSets.add(DistinctArgs.of(n.call()).stream().map(DistinctArgs::canonical).toList());
    }
    if (argSets.size() > 1) throw EmberException.notSupported("several DISTINCT aggregates over different arguments");

    // Inner groupings: the keys, then each distinct value not already among them.
    List<NamedExpr> innerGroupings = new ArrayList<>(a.groupings());
    Map<Expr, AttributeRef> grouped = new HashMap<>();
    for (NamedExpr g : a.groupings()) grouped.putIfAbsent(DistinctArgs.canonical(g.expr()), g.toAttribute());
    List<NamedAggregate> innerAggs = new ArrayList<>(), outerAggs = new ArrayList<>();
    List<NamedExpr> outputs = new ArrayList<>();
    for (NamedExpr g : a.groupings()) outputs.add(g.toAttribute());
    for (NamedAggregate n : a.aggregates()) {
      if (n.call().distinct()) {
        List<AttributeRef> values = new ArrayList<>();
        for (Expr v : DistinctArgs.of(n.call())) {
          values.add(grouped.computeIfAbsent(DistinctArgs.canonical(v), k -> {
            NamedExpr added = v instanceof AttributeRef r ? r : Alias.of(v, "_distinct" + innerGroupings.size());
            innerGroupings.add(added);
            return added.toAttribute();
          }));
        }
        NamedAggregate outer = new NamedAggregate(overUniqueValues(n.call(), values), n.name(), n.id());
        outerAggs.add(outer);
        outputs.add(outer.toAttribute());
      } else {
        PartialAggregate p = PartialAggregate.of(n);
        innerAggs.addAll(p.inner());
        outerAggs.addAll(p.outer());
        outputs.add(p.output());
      }
    }
    Aggregate inner = new Aggregate(innerGroupings, innerAggs, a.child());
    List<NamedExpr> outerGroupings = a.groupings().stream().map(g -> (NamedExpr) g.toAttribute()).toList();
    Aggregate outer = new Aggregate(outerGroupings, outerAggs, inner);
    return outer.output().equals(outputs) ? outer : new Project(outputs, outer);
  }

  /**
   * The DISTINCT aggregate {@code call} over one row per distinct value: the same function
   * without DISTINCT and without FILTER (now inside the values). count of several values counts
   * the rows where none is NULL.
   */
  private static AggregateCall overUniqueValues(AggregateCall call, List<AttributeRef> values) {
    if (call.fn() == AggFn.COUNT && values.size() > 1) {
      List<Expr> nonNull = values.stream().map(v -> (Expr) UnaryOp.isNotNull(v)).toList();
      return new AggregateCall(AggFn.COUNT, List.of(), false, Predicates.and(nonNull), DataType.BIGINT);
    }
    return new AggregateCall(call.fn(), List.copyOf(values), false, null, call.type());
  }
}
