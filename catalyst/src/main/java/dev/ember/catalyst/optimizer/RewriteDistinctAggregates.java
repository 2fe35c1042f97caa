package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.plan.logical.Aggregate;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.rules.Rule;
import java.util.List;

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
 * <p>DISTINCT aggregates over different values need one such rewrite per set of values
 * ({@link JoinedDistinctAggregates}): joined by a cross join when there are no grouping keys,
 * and on the keys when none can be NULL; other cases raise {@link EmberException#notSupported}
 * until the planner can hash-join on null-safe keys (or Ember has Spark's Expand).
 */
public final class RewriteDistinctAggregates implements Rule<LogicalPlan> {
  @Override public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (!(node instanceof Aggregate a) || !DistinctArgs.hasDistinct(a)) return node;
      Aggregate plain = DistinctArgs.dropNeedlessDistinct(a);
      return DistinctArgs.hasDistinct(plain) ? rewrite(plain) : plain;
    });
  }

  private static LogicalPlan rewrite(Aggregate a) {
    List<List<Expr>> argSets = DistinctArgs.argSets(a);
    if (argSets.size() == 1) return TwoLevelAggregate.of(a);
    return JoinedDistinctAggregates.of(a, argSets);
  }
}
