package dev.ember.execution.cluster;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.planner.physical.ScanExec;
import dev.ember.planner.stage.Stage;
import dev.ember.planner.stage.StagePlan;

/** Checks, before a query starts, that its stages can travel to executors. */
public final class ClusterPlans {
  private ClusterPlans() {}

  /**
   * Throws "not supported in cluster mode" for a scan of a table that exists only in the
   * driver's memory (a DataFrame made from local rows, a cached table, a range) or that has no
   * handle to travel as.
   */
  /** Whether every table the plan scans can travel to executors (see {@link #checkShippable}). */
  public static boolean isShippable(StagePlan plan) {
    for (Stage s : plan.stages()) {
      if (!s.plan().collect(n -> n instanceof ScanExec scan && !(scan.table() instanceof java.io.Serializable) ? n : null)
          .isEmpty()) {
        return false;
      }
    }
    return true;
  }

  public static void checkShippable(StagePlan plan) {
    for (Stage s : plan.stages()) {
      s.plan().foreach(node -> {
        if (node instanceof ScanExec scan && !(scan.table() instanceof java.io.Serializable)) {
          throw new EmberException(EmberException.FEATURE_NOT_SUPPORTED,
              "not supported in cluster mode: reading " + scan.table().name() + " ("
                  + scan.table().getClass().getSimpleName() + " lives only in the driver's memory; use local[N])");
        }
      });
    }
  }
}
