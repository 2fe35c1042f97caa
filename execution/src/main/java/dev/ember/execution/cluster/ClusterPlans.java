package dev.ember.execution.cluster;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.planner.physical.ScanExec;
import dev.ember.planner.stage.Stage;
import dev.ember.planner.stage.StagePlan;
import java.io.Serializable;
import java.util.List;

/** Checks, before a query starts, that its stages can travel to executors. */
public final class ClusterPlans {
  private ClusterPlans() {}

  /** Whether every table the plan scans can travel to executors (see {@link #checkShippable}). */
  public static boolean isShippable(StagePlan plan) { return firstUnshippable(plan) == null; }

  /**
   * Throws "not supported in cluster mode" for a scan of a table that exists only in the
   * driver's memory (a DataFrame made from local rows, a cached table, a range) or that has no
   * handle to travel as.
   */
  public static void checkShippable(StagePlan plan) {
    ScanExec scan = firstUnshippable(plan);
    if (scan != null) {
      throw new EmberException(EmberException.FEATURE_NOT_SUPPORTED,
          "not supported in cluster mode: reading " + scan.table().name() + " ("
              + scan.table().getClass().getSimpleName() + " lives only in the driver's memory; use local[N])");
    }
  }

  /** The first scan of a table without a handle to travel as, or null. */
  private static ScanExec firstUnshippable(StagePlan plan) {
    for (Stage s : plan.stages()) {
      List<ScanExec> scans = s.plan().collect(
          n -> n instanceof ScanExec scan && !(scan.table() instanceof Serializable) ? scan : null);
      if (!scans.isEmpty()) return scans.get(0);
    }
    return null;
  }
}
