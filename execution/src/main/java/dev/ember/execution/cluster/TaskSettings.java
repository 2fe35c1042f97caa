package dev.ember.execution.cluster;

import dev.ember.catalyst.expr.eval.QueryClock;
import dev.ember.execution.scheduler.SlowTask;

/**
 * The query settings a task needs on an executor, fixed when the query starts.
 *
 * @param targetSplits the split count the driver asked scans for; the executor asks the same
 *     (deterministic) tables for the same splits, so task {@code p} reads the driver's split {@code p}
 * @param slowTask test only ({@link SlowTask}): null unless a test makes one task a straggler
 */
public record TaskSettings(int batchSize, boolean codegen, boolean runtimeFilters, QueryClock clock,
                           int targetSplits, SlowTask slowTask) implements java.io.Serializable {
  /** Settings without the test-only slow task. */
  public TaskSettings(int batchSize, boolean codegen, boolean runtimeFilters, QueryClock clock, int targetSplits) {
    this(batchSize, codegen, runtimeFilters, clock, targetSplits, null);
  }
}
