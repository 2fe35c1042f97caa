package dev.ember.api;

import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;

/** Names and defaults of the settings a session understands (any other key is kept as given). */
public final class Settings {
  public static final String SHUFFLE_PARTITIONS = "ember.sql.shuffle.partitions";
  public static final String BROADCAST_THRESHOLD = "ember.sql.autoBroadcastJoinThreshold";
  public static final String CODEGEN_ENABLED = "ember.codegen.enabled";
  public static final String BATCH_SIZE = "ember.execution.batchSize";
  public static final String EXCLUDED_RULES = "ember.optimizer.excludedRules";
  /** When true, every query logs the optimizer's trace (which rule changed the plan, time per rule). */
  public static final String OPTIMIZER_TRACE = "ember.optimizer.trace";
  /**
   * When true (tests), the optimizer checks every rule's result (schema kept, references resolved)
   * and that each batch is done (Once batches idempotent, fixed points reached); a violation fails the query.
   */
  public static final String OPTIMIZER_CHECK_INVARIANTS = "ember.optimizer.checkInvariants";
  public static final String CATALOG_DIR = "ember.catalog.dir";
  /** Statistics-based estimates for join order and join selection; false falls back to the simple ones. */
  public static final String CBO_ENABLED = "ember.sql.cbo.enabled";
  /** Cost-based join reordering alone (needs {@link #CBO_ENABLED}). */
  public static final String CBO_JOIN_REORDER = "ember.sql.cbo.joinReorder.enabled";
  /** Min/max runtime filters from join build sides to the probe side's scan. */
  public static final String RUNTIME_FILTER = "ember.sql.runtimeFilter.enabled";
  /** Bloom-filter runtime filters (with {@link #RUNTIME_FILTER}): a small build side's keys drop probe rows at the scan. */
  public static final String RUNTIME_BLOOM_FILTER = "ember.sql.runtimeFilter.bloom.enabled";
  /** The largest build side, in rows, that gets a Bloom filter (10 bits a row). */
  public static final String RUNTIME_BLOOM_MAX_BUILD_ROWS = "ember.sql.runtimeFilter.bloom.maxBuildRows";
  /** Whether ANALYZE … FOR COLUMNS builds equi-height histograms of numeric and date columns. */
  public static final String HISTOGRAM_ENABLED = "ember.sql.statistics.histogram.enabled";
  /** Bins per histogram (Spark's default, 254). */
  public static final String HISTOGRAM_BINS = "ember.sql.statistics.histogram.numBins";
  /** Compressed bytes cached DataFrames and tables may hold in memory before the least recently used are evicted. */
  public static final String CACHE_MAX_BYTES = "ember.cache.maxBytes";

  /**
   * Seconds a query may run before it is cancelled with SQLSTATE 57014 "canceling statement due to
   * statement timeout"; 0 (the default) for no limit. Fractions are allowed.
   */
  public static final String QUERY_TIMEOUT = "ember.sql.queryTimeout";

  /** Adaptive execution: stages re-planned with the real sizes of the shuffles they read. */
  public static final String ADAPTIVE_ENABLED = "ember.sql.adaptive.enabled";
  /** Target size of a coalesced post-shuffle partition (adaptive execution). */
  public static final String ADVISORY_PARTITION_SIZE = "ember.sql.adaptive.advisoryPartitionSizeInBytes";
  /** Smallest coalesced partition when a small shuffle is still split for parallelism. */
  public static final String COALESCE_MIN_PARTITION_SIZE = "ember.sql.adaptive.coalescePartitions.minPartitionSize";
  /** Whether adaptive execution splits the skewed partitions of shuffled joins. */
  public static final String SKEW_JOIN_ENABLED = "ember.sql.adaptive.skewJoin.enabled";
  /** A join partition is skewed when larger than this many times its side's median partition (and the threshold). */
  public static final String SKEW_JOIN_FACTOR = "ember.sql.adaptive.skewJoin.skewedPartitionFactor";
  /** A join partition is skewed when larger than this many bytes (and the factor times the median). */
  public static final String SKEW_JOIN_THRESHOLD = "ember.sql.adaptive.skewJoin.skewedPartitionThresholdInBytes";

  /** Whether stragglers get a speculative copy on another executor (cluster mode). */
  public static final String SPECULATION = "ember.speculation";
  /** A task is a straggler when it runs this many times longer than the median finished task. */
  public static final String SPECULATION_MULTIPLIER = "ember.speculation.multiplier";
  /** The share of a stage's tasks that must have finished before any is copied. */
  public static final String SPECULATION_QUANTILE = "ember.speculation.quantile";
  /** A task running less than this long is never copied ("100ms", "1s" or milliseconds). */
  public static final String SPECULATION_MIN_RUNTIME = "ember.speculation.minTaskRuntime";
  /** How long a task waits for the executor holding its input before it goes to any ("3s", or milliseconds). */
  public static final String LOCALITY_WAIT = "ember.locality.wait";
  /** TEST ONLY: "stage:partition:millis" makes that task's first attempt sleep on its executor (a straggler). */
  public static final String TEST_SLOW_TASK = "ember.test.slowTask";

  /** How many times a task may fail before its query fails (cluster mode). */
  public static final String TASK_MAX_FAILURES = "ember.task.maxFailures";

  private Settings() {}

  static Map<String, String> defaults(int parallelism) {
    Map<String, String> d = new LinkedHashMap<>();
    // Spark's 200 (coalesced by adaptive execution) measured slower at TPC-H SF 1 (Q18 17.8 s -> 27.7 s,
    // Q9 3.3 s -> 4.1 s): the map side still splits every batch 200 ways. Kept at the task threads.
    d.put(SHUFFLE_PARTITIONS, Integer.toString(Math.max(1, parallelism)));
    d.put(ADAPTIVE_ENABLED, "true");
    d.put(ADVISORY_PARTITION_SIZE, Long.toString(dev.ember.planner.adaptive.AdaptiveConfig.DEFAULT_ADVISORY));
    d.put(COALESCE_MIN_PARTITION_SIZE, Long.toString(dev.ember.planner.adaptive.AdaptiveConfig.DEFAULT_MIN_PARTITION));
    d.put(SKEW_JOIN_ENABLED, "true");
    d.put(SKEW_JOIN_FACTOR, "5");
    d.put(SKEW_JOIN_THRESHOLD, Long.toString(dev.ember.planner.adaptive.AdaptiveConfig.SkewJoin.DEFAULT_THRESHOLD));
    d.put(BROADCAST_THRESHOLD, Long.toString(10L * 1024 * 1024));
    d.put(CODEGEN_ENABLED, "true");
    d.put(BATCH_SIZE, "4096");
    d.put(EXCLUDED_RULES, "");
    d.put(OPTIMIZER_TRACE, "false");
    d.put(OPTIMIZER_CHECK_INVARIANTS, "false");
    d.put(CBO_ENABLED, "true");
    d.put(CBO_JOIN_REORDER, "false"); // off until its estimates beat the connected-order heuristic: TPC-H SF 1 Q9 takes 14 s with it, 3.9 s without
    d.put(RUNTIME_FILTER, "true");
    d.put(QUERY_TIMEOUT, "0");
    d.put(TASK_MAX_FAILURES, "4");
    d.put(SPECULATION, "false");
    d.put(SPECULATION_MULTIPLIER, "1.5");
    d.put(SPECULATION_QUANTILE, "0.75");
    d.put(SPECULATION_MIN_RUNTIME, "100ms");
    d.put(LOCALITY_WAIT, "3s");
    d.put(TEST_SLOW_TASK, "");
    d.put(HISTOGRAM_ENABLED, "true");
    // Off until the filter drops rows inside the generated pipeline instead of copying survivors
    // into new batches: on TPC-H SF 1 it made Q9 1.8 s instead of 0.95 s and Q18 2.1 s instead of 1.85 s.
    d.put(RUNTIME_BLOOM_FILTER, "false");
    d.put(RUNTIME_BLOOM_MAX_BUILD_ROWS, "1000000");
    d.put(HISTOGRAM_BINS, Integer.toString(dev.ember.catalyst.stats.Histogram.DEFAULT_BINS));
    d.put(CACHE_MAX_BYTES, Long.toString(256L * 1024 * 1024));
    d.put(CATALOG_DIR, Paths.get(System.getProperty("user.home"), ".ember", "catalog").toString());
    return d;
  }
}
