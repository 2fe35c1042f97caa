package dev.ember.planner.strategy;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.types.DataType;
import dev.ember.planner.physical.ExchangeExec;
import dev.ember.planner.physical.HashAggregateExec;
import dev.ember.planner.physical.HashJoinExec;
import dev.ember.planner.physical.Partitioning;
import dev.ember.planner.physical.PhysicalPlan;
import dev.ember.planner.physical.WindowExec;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses plans that would hash ARRAY values — grouping keys (GROUP BY, DISTINCT), join keys,
 * hash exchanges and window partitions — before anything runs: Ember hashes scalar values only,
 * and failing at planning leaves nothing half-computed to clean up.
 */
final class ArrayKeys {
  private ArrayKeys() {}

  static PhysicalPlan check(PhysicalPlan plan) {
    plan.foreach(node -> {
      List<Expr> keys = new ArrayList<>();
      if (node instanceof HashAggregateExec a) a.groupings().forEach(g -> keys.add((Expr) g));
      if (node instanceof HashJoinExec j) {
        keys.addAll(j.leftKeys());
        keys.addAll(j.rightKeys());
      }
      if (node instanceof ExchangeExec e && e.partitioning() instanceof Partitioning.Hash h) keys.addAll(h.keys());
      if (node instanceof WindowExec w) keys.addAll(w.partitionBy());
      for (Expr k : keys) {
        DataType t = k.dataType();
        if (t.isArray()) {
          throw EmberException.notSupported("grouping, joining, DISTINCT or partitioning by a value of type " + t.sql()
              + " (" + k.display() + ")");
        }
      }
    });
    return plan;
  }
}
