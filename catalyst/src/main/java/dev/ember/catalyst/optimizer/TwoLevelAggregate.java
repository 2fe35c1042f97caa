package dev.ember.catalyst.optimizer;

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
import dev.ember.catalyst.types.DataType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The two-level form of an Aggregate whose DISTINCT aggregates all read one set of values (see
 * {@link RewriteDistinctAggregates}): inner groups by keys + values with partial plain
 * aggregates, outer groups by keys; a Project on top when count or avg need finishing.
 */
final class TwoLevelAggregate {
  private TwoLevelAggregate() {}

  /** The rewrite of {@code a}; its DISTINCT aggregates must share one {@link DistinctArgs#of} set. */
  static LogicalPlan of(Aggregate a) {
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
