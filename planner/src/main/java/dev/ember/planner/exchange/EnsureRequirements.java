package dev.ember.planner.exchange;

import dev.ember.planner.physical.Distribution;
import dev.ember.planner.physical.ExchangeExec;
import dev.ember.planner.physical.Partitioning;
import dev.ember.planner.physical.PhysicalPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Inserts an {@link ExchangeExec} above every child whose output partitioning does not meet
 * what its parent requires: a hash shuffle for clustered requirements, a gather for all-tuples,
 * a broadcast for broadcast joins. A child that already satisfies the requirement (e.g. an
 * aggregate over a join on the same keys) is left as it is.
 */
public final class EnsureRequirements {
  private final int shufflePartitions;

  public EnsureRequirements(int shufflePartitions) { this.shufflePartitions = shufflePartitions; }

  public PhysicalPlan apply(PhysicalPlan plan) {
    return plan.transformUp(node -> {
      List<PhysicalPlan> children = node.children();
      if (children.isEmpty()) return node;
      List<Distribution> required = node.requiredChildDistribution();
      List<PhysicalPlan> fixed = new ArrayList<>(children.size());
      boolean changed = false;
      for (int i = 0; i < children.size(); i++) {
        PhysicalPlan c = children.get(i);
        Distribution d = required.get(i);
        if (c.outputPartitioning().satisfies(d)) {
          fixed.add(c);
        } else {
          fixed.add(new ExchangeExec(partitioningFor(d), c));
          changed = true;
        }
      }
      return changed ? node.withChildren(fixed) : node;
    });
  }

  private Partitioning partitioningFor(Distribution d) {
    if (d instanceof Distribution.Clustered c) return new Partitioning.Hash(c.keys(), shufflePartitions);
    if (d instanceof Distribution.AllTuples) return Partitioning.SINGLE;
    if (d instanceof Distribution.BroadcastAll) return Partitioning.BROADCAST;
    throw new IllegalStateException("no exchange satisfies " + d);
  }
}
