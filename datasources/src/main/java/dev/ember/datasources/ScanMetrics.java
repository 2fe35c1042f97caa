package dev.ember.datasources;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a table's scans skipped, counted across every reader it opened (thread-safe), so tests,
 * benchmarks and EXPLAIN ANALYZE-style output can show how much pushdown saved.
 */
public final class ScanMetrics {
  /** Partition directories whose values ruled out the pushed filters (their files never opened). */
  public final AtomicLong partitionsPruned = new AtomicLong();
  /** Partition directories read. */
  public final AtomicLong partitionsScanned = new AtomicLong();
  /** Files never opened because their partition was pruned. */
  public final AtomicLong filesPruned = new AtomicLong();
  /** Parquet row groups skipped because their min/max/null statistics ruled out the filters. */
  public final AtomicLong rowGroupsPrunedByStatistics = new AtomicLong();
  /** Parquet row groups skipped because their dictionaries hold none of the wanted values. */
  public final AtomicLong rowGroupsPrunedByDictionary = new AtomicLong();
  /** Parquet row groups read. */
  public final AtomicLong rowGroupsRead = new AtomicLong();

  /** One line for EXPLAIN and logs. */
  @Override public String toString() {
    return "partitions pruned " + partitionsPruned + " of " + (partitionsPruned.get() + partitionsScanned.get())
        + ", files pruned " + filesPruned
        + ", row groups pruned " + (rowGroupsPrunedByStatistics.get() + rowGroupsPrunedByDictionary.get())
        + " of " + (rowGroupsPrunedByStatistics.get() + rowGroupsPrunedByDictionary.get() + rowGroupsRead.get())
        + " (statistics " + rowGroupsPrunedByStatistics + ", dictionary " + rowGroupsPrunedByDictionary + ")";
  }
}
