package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Scan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every rule must preserve, checked after each rule that changed the plan when
 * {@link Optimizer.Config#checkInvariants()} is on (in tests): the root's output attributes
 * (ids and types, in order) stay the same, and every attribute an operator reads is produced by
 * its children (a Scan's filters read the Scan's own output) with the same type.
 */
public final class PlanInvariants {
  private PlanInvariants() {}

  /** Throws {@link IllegalStateException} describing the first broken invariant. */
  public static void check(LogicalPlan before, LogicalPlan after) {
    List<AttributeRef> was = before.output(), now = after.output();
    boolean same = was.size() == now.size();
    for (int i = 0; same && i < was.size(); i++) {
      same = was.get(i).id() == now.get(i).id() && was.get(i).type().equals(now.get(i).type());
    }
    if (!same) throw new IllegalStateException("output changed from " + withIds(was) + " to " + withIds(now));
    checkReferences(after);
  }

  /** Checks that every node reads only attributes its inputs produce. */
  public static void checkReferences(LogicalPlan plan) {
    plan.foreach(node -> {
      Map<Long, AttributeRef> available = new HashMap<>();
      List<LogicalPlan> inputs = node instanceof Scan ? List.of(node) : node.children();
      for (LogicalPlan in : inputs) for (AttributeRef a : in.output()) available.put(a.id(), a);
      for (Expr e : node.expressions()) {
        e.foreach(x -> {
          if (!(x instanceof AttributeRef a)) return;
          AttributeRef producer = available.get(a.id());
          if (producer == null) {
            throw new IllegalStateException(node.describe() + " reads " + a.name() + "#" + a.id()
                + " which its inputs do not produce: " + withIds(List.copyOf(available.values())));
          }
          if (!producer.type().equals(a.type())) {
            throw new IllegalStateException(node.describe() + " reads " + a.name() + "#" + a.id()
                + " as " + a.type() + " but it is produced as " + producer.type());
          }
        });
      }
    });
  }

  private static String withIds(List<AttributeRef> attrs) {
    return attrs.stream().map(a -> a.name() + "#" + a.id() + " " + a.type()).toList().toString();
  }
}
