package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Project;
import dev.ember.catalyst.rules.Rule;
import java.util.List;

/**
 * Removes a projection that returns exactly its child's columns, in the same order.
 * <pre>
 * Project [a, b]                  Scan t [a, b]
 *   Scan t [a, b]         =>
 * </pre>
 * Not done when the projection renames, reorders, drops or computes a column: its output would
 * differ from the child's (names matter at the root, where they become the result's headers).
 */
public final class RemoveRedundantProjects implements Rule<LogicalPlan> {
  @Override public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (node instanceof Project p && p.isPassThrough() && same(p.output(), p.child().output())) {
        return p.child();
      }
      return node;
    });
  }

  private static boolean same(List<AttributeRef> a, List<AttributeRef> b) {
    if (a.size() != b.size()) return false;
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i).id() != b.get(i).id() || !a.get(i).name().equals(b.get(i).name())) return false;
    }
    return true;
  }
}
