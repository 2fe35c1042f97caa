package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.plan.logical.Join;
import dev.ember.catalyst.plan.logical.JoinType;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.rules.Rule;

/**
 * Turns an outer join without a condition into an inner (cross) join when the side it would pad
 * with NULLs always has at least one row, so that every preserved row matches and padding never
 * happens — the shape an uncorrelated scalar subquery takes after decorrelation (its aggregate
 * without grouping keys returns one row even over no input).
 * <pre>
 * Join LeftOuter                      Join Inner
 *   Scan t [a]                 =>       Scan t [a]
 *   Aggregate [] [count(*) AS c]        Aggregate [] [count(*) AS c]
 *     Scan u [x]                          Scan u [x]
 * </pre>
 * Why it matters: a pipeline fuses a chain of broadcast joins, and a LEFT join's probe emits the
 * rest of the pipeline twice (matched and padded), so fifteen scalar subqueries in one SELECT
 * (TPC-DS q09) generated 2^15 copies of the code and ran out of heap compiling it; an inner probe
 * emits it once.
 *
 * <p>Not done when the join has a condition (a row of the preserved side may match nothing), nor
 * for FULL joins (either side may be empty).
 */
public final class EliminateOuterJoinOnNonEmptySide implements Rule<LogicalPlan> {
  @Override public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (!(node instanceof Join j) || !j.condition().equals(Literal.TRUE)) return node;
      boolean padsNever = (j.type() == JoinType.LEFT && MinRows.of(j.right()) >= 1)
          || (j.type() == JoinType.RIGHT && MinRows.of(j.left()) >= 1);
      return padsNever ? new Join(j.left(), j.right(), JoinType.INNER, j.condition()) : node;
    });
  }
}
