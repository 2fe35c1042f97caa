package dev.ember.execution.cluster;

import dev.ember.catalyst.expr.eval.QueryClock;

/**
 * The query settings a task needs on an executor, fixed when the query starts.
 *
 * @param targetSplits the split count the driver asked scans for; the executor asks the same
 *     (deterministic) tables for the same splits, so task {@code p} reads the driver's split {@code p}
 */
public record TaskSettings(int batchSize, boolean codegen, boolean runtimeFilters, QueryClock clock,
                           int targetSplits) implements java.io.Serializable {}
