package dev.ember.sql.convert;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.sql.validate.ArrayFunctions;
import dev.ember.catalyst.expr.AggregateCall.AggFn;
import dev.ember.catalyst.expr.Alias;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Call;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.NamedAggregate;
import dev.ember.catalyst.expr.NamedExpr;
import dev.ember.catalyst.plan.logical.Aggregate;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Project;
import dev.ember.catalyst.plan.logical.Union;
import dev.ember.catalyst.types.DataType;
import dev.ember.sql.validate.TypeMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Converts a Calcite aggregate: grouping keys pass through as the child's attributes, each
 * aggregate call keeps its DISTINCT, FILTER and the result type the validator derived (from
 * {@code EmberTypeSystem}). GROUPING SETS, ROLLUP and CUBE become a UNION ALL of one simple
 * aggregate per grouping set, the keys outside the set NULL and {@code GROUPING(…)} a constant per
 * set (Spark's Expand would read the input once instead of once per set).
 */
final class AggregateConverter {
  private AggregateConverter() {}

  static LogicalPlan convert(org.apache.calcite.rel.core.Aggregate agg, LogicalPlan child) {
    if (agg.getGroupType() != org.apache.calcite.rel.core.Aggregate.Group.SIMPLE) return groupingSets(agg, child);
    return convert(agg, child, agg.getGroupSet(), Map.of());
  }

  /** One aggregate per grouping set, padded to the full key list, under a UNION ALL. */
  private static LogicalPlan groupingSets(org.apache.calcite.rel.core.Aggregate agg, LogicalPlan child) {
    List<Integer> allKeys = agg.getGroupSet().asList();
    List<String> names = agg.getRowType().getFieldNames();
    List<LogicalPlan> branches = new ArrayList<>();
    for (ImmutableBitSet set : agg.getGroupSets()) {
      // GROUPING(a, b, …) is a constant per set: bit i (from the left) is 1 when argument i is not grouped.
      Map<Integer, Expr> groupingValues = new HashMap<>();
      List<AggregateCall> calls = agg.getAggCallList();
      for (int i = 0; i < calls.size(); i++) {
        SqlKind kind = calls.get(i).getAggregation().getKind();
        if (kind != SqlKind.GROUPING && kind != SqlKind.GROUPING_ID) continue;
        long bits = 0;
        for (int arg : calls.get(i).getArgList()) bits = (bits << 1) | (set.get(arg) ? 0 : 1);
        groupingValues.put(i, Coercions.cast(Literal.ofLong(bits), TypeMapping.toEmber(calls.get(i).getType())));
      }
      LogicalPlan branch = convert(agg, child, set, groupingValues);
      List<AttributeRef> out = branch.output();
      List<NamedExpr> padded = new ArrayList<>();
      int next = 0;
      for (int k = 0; k < allKeys.size(); k++) {
        if (set.get(allKeys.get(k))) {
          padded.add(out.get(next++));
        } else {
          DataType t = TypeMapping.toEmber(agg.getRowType().getFieldList().get(k).getType());
          padded.add(Alias.of(Literal.nullOf(t), names.get(k)));
        }
      }
      padded.addAll(out.subList(next, out.size()));
      branches.add(new Project(padded, branch));
    }
    return branches.size() == 1 ? branches.get(0) : new Union(branches);
  }

  /** The aggregate grouped by {@code keys}; calls in {@code constants} are those values instead. */
  private static LogicalPlan convert(org.apache.calcite.rel.core.Aggregate agg, LogicalPlan child, ImmutableBitSet keys,
      Map<Integer, Expr> constants) {
    List<AttributeRef> in = child.output();
    List<NamedExpr> groupings = new ArrayList<>();
    for (int key : keys) groupings.add(in.get(key));
    List<String> names = agg.getRowType().getFieldNames();
    List<NamedAggregate> aggregates = new ArrayList<>();
    List<AggregateCall> calls = agg.getAggCallList();
    // LITERAL_AGG (from subquery removal) is a constant per group: computed by a Project on top.
    Map<Integer, Alias> literals = new HashMap<>();
    // SINGLE_VALUE calls whose input may have several rows per group: checked at run time.
    java.util.Set<Integer> checked = new java.util.HashSet<>();
    for (int i = 0; i < calls.size(); i++) {
      AggregateCall call = calls.get(i);
      String name = names.get(agg.getGroupCount() + i);
      if (constants.containsKey(i)) {
        literals.put(i, Alias.of(constants.get(i), name));
        continue;
      }
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
      DataType type = TypeMapping.toEmber(call.getType());
      AggFn fn = function(call, agg);
      if (fn == null) {
        // SINGLE_VALUE that needs the run-time check: ANY_VALUE and COUNT(*), checked above.
        aggregates.add(NamedAggregate.of(new dev.ember.catalyst.expr.AggregateCall(AggFn.ANY_VALUE, args, false,
            filter, type), name));
        aggregates.add(NamedAggregate.of(new dev.ember.catalyst.expr.AggregateCall(AggFn.COUNT, List.of(), false,
            filter, DataType.BIGINT), name + "$rows"));
        checked.add(i);
        continue;
      }
      aggregates.add(NamedAggregate.of(new dev.ember.catalyst.expr.AggregateCall(fn, args, call.isDistinct(),
          filter, type), name));
    }
    Aggregate aggregate = new Aggregate(groupings, aggregates, child);
    if (literals.isEmpty() && checked.isEmpty()) return aggregate;
    List<AttributeRef> out = aggregate.output();
    List<NamedExpr> projections = new ArrayList<>(out.subList(0, groupings.size()));
    int next = groupings.size();
    for (int i = 0; i < calls.size(); i++) {
      Alias literal = literals.get(i);
      if (literal != null) {
        projections.add(literal);
      } else if (checked.contains(i)) {
        AttributeRef value = out.get(next++);
        AttributeRef rows = out.get(next++);
        projections.add(Alias.of(new Call(Call.Fn.SCALAR_SUBQUERY_CHECK, List.of(rows, value), value.dataType()),
            names.get(agg.getGroupCount() + i)));
      } else {
        projections.add(out.get(next++));
      }
    }
    return new Project(projections, aggregate);
  }

  private static AggFn function(AggregateCall call, org.apache.calcite.rel.core.Aggregate agg) {
    if (call.getAggregation() == ArrayFunctions.COLLECT_LIST || call.getAggregation() == ArrayFunctions.ARRAY_AGG) {
      if (!call.getCollation().getFieldCollations().isEmpty()) {
        throw EmberException.notSupported(call.getAggregation().getName() + " with ORDER BY");
      }
      return AggFn.COLLECT_LIST;
    }
    if (call.getAggregation() == ArrayFunctions.COLLECT_SET) return AggFn.COLLECT_SET;
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
   * is known to have at most one row per group; otherwise null, and the caller adds a COUNT(*)
   * whose value {@link Call.Fn#SCALAR_SUBQUERY_CHECK} checks at run time (error 21000) — for a
   * correlated subquery (grouped by its correlation keys) above the join with the outer rows
   * ({@link CorrelatedScalarChecks}).
   */
  private static AggFn singleValue(org.apache.calcite.rel.core.Aggregate agg) {
    RelMetadataQuery mq = agg.getCluster().getMetadataQuery();
    boolean atMostOne;
    if (agg.getGroupCount() == 0) {
      Double max = mq.getMaxRowCount(agg.getInput());
      atMostOne = max != null && max <= 1;
    } else {
      atMostOne = Boolean.TRUE.equals(mq.areColumnsUnique(agg.getInput(), agg.getGroupSet()));
      // Grouped by the correlation keys, a group with several rows is an error only if an outer
      // row joins it, which this aggregate cannot know: CorrelatedScalarChecks moves the check
      // above that join.
    }
    return atMostOne ? AggFn.ANY_VALUE : null;
  }
}
