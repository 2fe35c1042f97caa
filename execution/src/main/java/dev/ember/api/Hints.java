package dev.ember.api;

import dev.ember.catalyst.plan.logical.BroadcastHint;
import dev.ember.catalyst.plan.logical.LogicalPlan;

/** Plan hints from the DataFrame API. */
final class Hints {
  private Hints() {}

  /** {@code plan} marked for broadcasting (once is enough). */
  static LogicalPlan broadcast(LogicalPlan plan) {
    return plan instanceof BroadcastHint ? plan : new BroadcastHint(plan);
  }
}
