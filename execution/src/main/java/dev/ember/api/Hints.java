package dev.ember.api;

import dev.ember.catalyst.plan.logical.LogicalPlan;

/** Plan hints from the DataFrame API. */
final class Hints {
  private Hints() {}

  /** {@code plan} marked for broadcasting. Not yet: the planner decides from size estimates alone. */
  static LogicalPlan broadcast(LogicalPlan plan) { return plan; }
}
