package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.plan.logical.Limit;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Union;
import dev.ember.catalyst.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds a local limit to every input of a UNION ALL under a limit: no input needs to produce more
 * rows than the limit (plus its offset) takes in total. The limit itself stays on top.
 * <pre>
 * Limit [10]                    Limit [10]
 *   Union                         Union
 *     Scan t [a]          =>        Limit [10]
 *     Scan u [b]                      Scan t [a]
 *                                   Limit [10]
 *                                     Scan u [b]
 * </pre>
 * Not done for a limit without a count (OFFSET only), nor for an input that already returns at
 * most that many rows ({@link MaxRows}), which also makes the rule converge.
 */
public final class PushLimitIntoUnion implements Rule<LogicalPlan> {
  @Override public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (!(node instanceof Limit l && l.child() instanceof Union u) || l.limit() < 0) return node;
      long n = l.limit() + l.offset();
      List<LogicalPlan> inputs = new ArrayList<>();
      for (LogicalPlan in : u.inputs()) inputs.add(limitedTo(in, n) ? in : new Limit(n, 0, in));
      return l.withChild(u.withChildren(inputs));
    });
  }

  /** True when {@code plan} already returns at most {@code n} rows. */
  static boolean limitedTo(LogicalPlan plan, long n) { return MaxRows.of(plan) <= n; }
}
