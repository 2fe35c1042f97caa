package dev.ember.execution.scheduler;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.datasources.DataSourceTable;
import dev.ember.datasources.ScanSplit;
import dev.ember.planner.physical.HashJoinExec;
import dev.ember.planner.physical.Partitioning;
import dev.ember.planner.physical.PhysicalPlan;
import dev.ember.planner.physical.ScanExec;
import dev.ember.planner.physical.StageInputExec;
import dev.ember.planner.physical.UnionExec;
import dev.ember.planner.physical.ValuesExec;
import dev.ember.planner.stage.Stage;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stage being run: its plan, the splits of its scans, and how many tasks it has. The task
 * count follows the stage's leaves: a scan's splits, a shuffle's partitions, one for literal
 * rows; a union's partitions are its inputs' partitions in sequence.
 */
public final class StageContext {
  private final Stage stage;
  private final int targetSplits;
  private final Map<ScanExec, List<ScanSplit>> splits = new IdentityHashMap<>();
  private final Map<PhysicalPlan, Integer> counts = new IdentityHashMap<>();
  private final int partitions;

  public StageContext(Stage stage, int targetSplits) {
    this.stage = stage;
    this.targetSplits = targetSplits;
    this.partitions = Math.max(1, count(stage.plan()));
  }

  public Stage stage() { return stage; }

  public int partitions() { return partitions; }

  public List<ScanSplit> splits(ScanExec scan) {
    return splits.computeIfAbsent(scan, s -> {
      if (!(s.table() instanceof DataSourceTable t)) {
        throw new EmberException(EmberException.INTERNAL_ERROR, "table " + s.table().name() + " cannot be read");
      }
      return t.splits(targetSplits);
    });
  }

  /** How many partitions {@code plan} produces in this stage (0: it adapts, e.g. a broadcast). */
  public int count(PhysicalPlan plan) {
    Integer known = counts.get(plan);
    if (known != null) return known;
    int n;
    if (plan instanceof ScanExec s) {
      n = Math.max(1, splits(s).size());
    } else if (plan instanceof ValuesExec) {
      n = 1;
    } else if (plan instanceof StageInputExec in) {
      Partitioning p = in.partitioning();
      n = p instanceof Partitioning.Broadcast ? 0 : !in.ranges().isEmpty() ? in.ranges().size() : p instanceof Partitioning.Hash h ? h.numPartitions() : p instanceof Partitioning.Single ? 1 : 0;
    } else if (plan instanceof UnionExec u) {
      n = 0;
      for (PhysicalPlan c : u.inputs()) n += Math.max(1, count(c));
    } else if (plan instanceof HashJoinExec j) {
      n = count(j.left());
      if (n == 0) n = count(j.right());
    } else {
      n = plan.children().isEmpty() ? 1 : count(plan.children().get(0));
    }
    counts.put(plan, n);
    return n;
  }
}
