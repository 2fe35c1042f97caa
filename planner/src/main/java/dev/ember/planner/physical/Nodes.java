package dev.ember.planner.physical;

import dev.ember.catalyst.tree.Trees;
import java.util.List;

/** Helpers for node implementations. */
final class Nodes {
  private Nodes() {}

  static PhysicalPlan only(List<PhysicalPlan> children, Object node) {
    Trees.checkArity(children, 1, node);
    return children.get(0);
  }

  static String names(List<? extends dev.ember.catalyst.expr.AttributeRef> attrs) {
    return String.join(", ", attrs.stream().map(dev.ember.catalyst.expr.AttributeRef::name).toList());
  }
}
