package dev.ember.catalyst.plan.logical;

import dev.ember.catalyst.tree.Trees;
import java.util.List;

/** Helpers for operators with exactly one child. */
final class UnaryPlan {
  private UnaryPlan() {}

  static LogicalPlan only(List<LogicalPlan> children, Object node) {
    Trees.checkArity(children, 1, node);
    return children.get(0);
  }
}
