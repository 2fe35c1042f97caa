package dev.ember.sql.convert;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.AggregateCall.AggFn;
import dev.ember.catalyst.expr.Alias;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.NamedAggregate;
import dev.ember.catalyst.expr.NamedExpr;
import dev.ember.catalyst.plan.logical.Aggregate;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Project;
import dev.ember.sql.validate.TypeMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.SqlKind;

/**
 * Converts a Calcite aggregate: grouping keys pass through as the child's attributes, each
 * aggregate call keeps its DISTINCT, FILTER and the result type the validator derived (from
 * {@code EmberTypeSystem}). Grouping sets are not supported yet.
 */
final class AggregateConverter {
  private AggregateConverter() {}

  static LogicalPlan convert(org.apache.calcite.rel.core.Aggregate agg, LogicalPlan child) {
    if (agg.getGroupType() != org.apache.calcite.rel.core.Aggregate.Group.SIMPLE) {
      throw EmberException.notSupported("GROUPING SETS, ROLLUP and CUBE");
    }
    List<AttributeRef> in = child.output();
    List<NamedExpr> groupings = new ArrayList<>();
    for (int key : agg.getGroupSet()) groupings.add(in.get(key));
    List<String> names = agg.getRowType().getFieldNames();
    List<NamedAggregate> aggregates = new ArrayList<>();
    List<AggregateCall> calls = agg.getAggCallList();
    // LITERAL_AGG (from subquery removal) is a constant per group: computed by a Project on top.
    Map<Integer, Alias> literals = new HashMap<>();
    for (int i = 0; i < calls.size(); i++) {
      AggregateCall call = calls.get(i);
      String name = names.get(agg.getGroupCount() + i);
      if (call.getAggregation().getKind() == SqlKind.LITERAL_AGG) {
        Expr value = Literals.convert((RexLiteral) call.rexList.get(0));
        literals.put(i, Alias.of(Coercions.cast(value, TypeMapping.toEmber(call.getType())), name));
        continue;
      }
      if (!call.getCollation().getFieldCollations().isEmpty()) {
        throw EmberException.notSupported("WITHIN GROUP (ORDER BY …) in aggregates");
      }
      List<Expr> args = new ArrayList<>();
      for (int arg : call.getArgList()) args.add(in.get(arg));
      Expr filter = call.filterArg >= 0 ? in.get(call.filterArg) : null;
      var converted = new dev.ember.catalyst.expr.AggregateCall(function(call, agg), args, call.isDistinct(),
          filter, TypeMapping.toEmber(call.getType()));
      aggregates.add(NamedAggregate.of(converted, name));
    }
    Aggregate aggregate = new Aggregate(groupings, aggregates, child);
    if (literals.isEmpty()) return aggregate;
    List<AttributeRef> out = aggregate.output();
    List<NamedExpr> projections = new ArrayList<>(out.subList(0, groupings.size()));
    int next = groupings.size();
    for (int i = 0; i < calls.size(); i++) {
      Alias literal = literals.get(i);
      projections.add(literal != null ? literal : out.get(next++));
    }
    return new Project(projections, aggregate);
  }

  private static AggFn function(AggregateCall call, org.apache.calcite.rel.core.Aggregate agg) {
    return switch (call.getAggregation().getKind()) {
      case COUNT -> AggFn.COUNT;
      case SUM -> AggFn.SUM;
      case AVG -> AggFn.AVG;
      case MIN -> AggFn.MIN;
      case MAX -> AggFn.MAX;
      case STDDEV_SAMP -> AggFn.STDDEV_SAMP;
      case STDDEV_POP -> AggFn.STDDEV_POP;
      case VAR_SAMP -> AggFn.VAR_SAMP;
      case VAR_POP -> AggFn.VAR_POP;
      case ANY_VALUE -> AggFn.ANY_VALUE;
      case SINGLE_VALUE -> singleValue(agg);
      default -> throw EmberException.notSupported("aggregate function " + call.getAggregation().getName());
    };
  }

  /**
   * SINGLE_VALUE (a scalar subquery's "at most one row, else error") is ANY_VALUE when the input
   * is known to have at most one row per group; otherwise Ember cannot raise the error yet, and
   * answering anyway could be wrong.
   */
  private static AggFn singleValue(org.apache.calcite.rel.core.Aggregate agg) {
    RelMetadataQuery mq = agg.getCluster().getMetadataQuery();
    boolean atMostOne;
    if (agg.getGroupCount() == 0) {
      Double max = mq.getMaxRowCount(agg.getInput());
      atMostOne = max != null && max <= 1;
    } else {
      atMostOne = Boolean.TRUE.equals(mq.areColumnsUnique(agg.getInput(), agg.getGroupSet()));
    }
    if (!atMostOne) throw EmberException.notSupported("scalar subquery that may return more than one row");
    return AggFn.ANY_VALUE;
  }
}
