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
      changed |= coPartition(required, fixed);
      return changed ? node.withChildren(fixed) : node;
    });
  }

  /**
   * Both inputs of a shuffled join must be partitioned alike. A single-partition input meets a
   * clustered requirement on its own, but not beside a hash-partitioned one: each of the join's
   * tasks would then see it in only one task (TPC-H Q15's max revenue joined to the revenue per
   * supplier). Such an input is hashed on its keys into as many partitions as the other has.
   */
  private static boolean coPartition(List<Distribution> required, List<PhysicalPlan> fixed) {
    if (required.size() != 2 || !(required.get(0) instanceof Distribution.Clustered)
        || !(required.get(1) instanceof Distribution.Clustered)) {
      return false;
    }
    Partitioning l = fixed.get(0).outputPartitioning(), r = fixed.get(1).outputPartitioning();
    int single = l instanceof Partitioning.Single && r instanceof Partitioning.Hash ? 0
        : r instanceof Partitioning.Single && l instanceof Partitioning.Hash ? 1 : -1;
    if (single < 0) return false;
    Partitioning.Hash other = (Partitioning.Hash) fixed.get(1 - single).outputPartitioning();
    if (other.numPartitions() == 1) return false;
    Distribution.Clustered keys = (Distribution.Clustered) required.get(single);
    fixed.set(single, new ExchangeExec(new Partitioning.Hash(keys.keys(), other.numPartitions()), fixed.get(single)));
    return true;
  }

  private Partitioning partitioningFor(Distribution d) {
    if (d instanceof Distribution.Clustered c) return new Partitioning.Hash(c.keys(), shufflePartitions);
    if (d instanceof Distribution.AllTuples) return Partitioning.SINGLE;
    if (d instanceof Distribution.BroadcastAll) return Partitioning.BROADCAST;
    throw new IllegalStateException("no exchange satisfies " + d);
  }
}
