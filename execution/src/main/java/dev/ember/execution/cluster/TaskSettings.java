package dev.ember.execution.cluster;

import dev.ember.catalyst.expr.eval.QueryClock;
import dev.ember.execution.scheduler.SlowTask;
import java.util.Map;

/**
 * The session's settings a task needs on an executor, fixed when the query starts: every query
 * setting that changes how a task runs (planning settings stay on the driver, which plans), and
 * the process-wide ones the session set.
 *
 * @param bloomMaxBuildRows the largest join build side that gets a Bloom runtime filter; negative: none
 * @param targetSplits the split count the driver asked scans for; the executor asks the same
 *     (deterministic) tables for the same splits, so task {@code p} reads the driver's split {@code p}
 * @param processSettings the memory budget ({@code ember.memory.offHeap.size}, {@code
 *     ember.memory.storageFraction}) and spill directory ({@code ember.local.dir}) as the session set
 *     them; an executor applies them to its process before running the task ({@link ExecutorSettings}).
 *     Absent keys leave the executor's own values (for {@code local-cluster[E,C,M]}: M MiB).
 * @param slowTask test only ({@link SlowTask}): null unless a test makes one task a straggler
 */
public record TaskSettings(int batchSize, boolean codegen, boolean runtimeFilters, long bloomMaxBuildRows,
                           QueryClock clock, int targetSplits, Map<String, String> processSettings, SlowTask slowTask)
    implements java.io.Serializable {
  public TaskSettings {
    processSettings = Map.copyOf(processSettings);
  }

  /** Settings without the test-only slow task. */
  public TaskSettings(int batchSize, boolean codegen, boolean runtimeFilters, long bloomMaxBuildRows, QueryClock clock,
                      int targetSplits, Map<String, String> processSettings) {
    this(batchSize, codegen, runtimeFilters, bloomMaxBuildRows, clock, targetSplits, processSettings, null);
  }
}
