package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Exprs;
import dev.ember.catalyst.plan.logical.Join;
import dev.ember.catalyst.plan.logical.JoinType;
import java.util.Set;

/**
 * Which inputs of a join a conjunct reads, and where each join type lets a conjunct of a given
 * side go. A conjunct that reads no column at all counts as left-only.
 */
enum JoinSide {
  LEFT, RIGHT, BOTH, NEITHER_INPUT;

  static JoinSide of(Expr conjunct, Join join) {
    Set<Long> refs = Exprs.references(conjunct);
    Set<Long> left = Conjuncts.outputIds(join.left());
    Set<Long> right = Conjuncts.outputIds(join.right());
    if (left.containsAll(refs)) return LEFT;
    if (right.containsAll(refs)) return RIGHT;
    for (Long id : refs) if (!left.contains(id) && !right.contains(id)) return NEITHER_INPUT;
    return BOTH;
  }

  /**
   * May a WHERE conjunct of this side go below a join of this type? Only where the join cannot
   * add null-padded rows for that side's columns (and both-sided ones only into an inner join).
   */
  boolean canLeaveWhere(JoinType type) {
    return switch (this) {
      case LEFT -> type == JoinType.INNER || type == JoinType.LEFT
          || type == JoinType.LEFT_SEMI || type == JoinType.LEFT_ANTI;
      case RIGHT -> type == JoinType.INNER || type == JoinType.RIGHT;
      case BOTH -> type == JoinType.INNER;
      case NEITHER_INPUT -> false;
    };
  }

  /**
   * May a conjunct of a join's own condition filter this side's input instead? Only the side
   * whose unmatched rows the join drops: both for inner, the right of LEFT (and of semi/anti),
   * the left of RIGHT and of semi.
   */
  boolean canLeaveOn(JoinType type) {
    return switch (this) {
      case LEFT -> type == JoinType.INNER || type == JoinType.RIGHT || type == JoinType.LEFT_SEMI;
      case RIGHT -> type == JoinType.INNER || type == JoinType.LEFT
          || type == JoinType.LEFT_SEMI || type == JoinType.LEFT_ANTI;
      case BOTH, NEITHER_INPUT -> false;
    };
  }
}
