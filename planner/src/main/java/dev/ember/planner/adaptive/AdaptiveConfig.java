package dev.ember.planner.adaptive;

/**
 * Settings of adaptive execution ({@code ember.sql.adaptive.*}).
 *
 * @param enabled re-plan stages with the real sizes of the shuffles they read
 * @param advisoryPartitionBytes target size of a coalesced post-shuffle partition
 *     ({@code ember.sql.adaptive.advisoryPartitionSizeInBytes}, 64 MB)
 * @param minPartitionBytes smallest coalesced partition when the data is split for parallelism
 *     ({@code ember.sql.adaptive.coalescePartitions.minPartitionSize}, 1 MB, as Spark)
 * @param parallelism how many tasks can run at once: small shuffles are still split this many
 *     ways (down to {@code minPartitionBytes}) so that coalescing never serializes the work
 * @param broadcastThreshold a shuffled join whose build side's shuffle holds at most this many
 *     bytes becomes a broadcast join (-1: never)
 * @param skewJoin when a shuffled join's partition counts as skewed and is split
 */
public record AdaptiveConfig(boolean enabled, long advisoryPartitionBytes, long minPartitionBytes, int parallelism,
                             long broadcastThreshold, SkewJoin skewJoin) {
  public static final long DEFAULT_ADVISORY = 64L * 1024 * 1024;
  public static final long DEFAULT_MIN_PARTITION = 1024L * 1024;

  public static final AdaptiveConfig DISABLED = new AdaptiveConfig(false, DEFAULT_ADVISORY, DEFAULT_MIN_PARTITION, 1, -1,
      SkewJoin.DEFAULT);

  /**
   * Skewed join partitions ({@code ember.sql.adaptive.skewJoin.*}, as Spark): a partition of one
   * side of a shuffled join is skewed when it is larger than both {@code factor} times the median
   * partition of that side and {@code thresholdBytes}.
   *
   * @param enabled {@code ember.sql.adaptive.skewJoin.enabled} (true)
   * @param factor {@code ember.sql.adaptive.skewJoin.skewedPartitionFactor} (5)
   * @param thresholdBytes {@code ember.sql.adaptive.skewJoin.skewedPartitionThresholdInBytes} (256 MB)
   */
  public record SkewJoin(boolean enabled, double factor, long thresholdBytes) {
    public static final double DEFAULT_FACTOR = 5;
    public static final long DEFAULT_THRESHOLD = 256L * 1024 * 1024;
    public static final SkewJoin DEFAULT = new SkewJoin(true, DEFAULT_FACTOR, DEFAULT_THRESHOLD);
    public static final SkewJoin OFF = new SkewJoin(false, DEFAULT_FACTOR, DEFAULT_THRESHOLD);

    public SkewJoin {
      if (!(factor > 0)) throw new IllegalArgumentException("skewed partition factor must be positive");
      if (thresholdBytes < 0) throw new IllegalArgumentException("skewed partition threshold must not be negative");
    }
  }

  public AdaptiveConfig {
    if (advisoryPartitionBytes < 1) throw new IllegalArgumentException("advisory partition size must be positive");
    parallelism = Math.max(1, parallelism);
    java.util.Objects.requireNonNull(skewJoin);
  }
}
