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
 */
public record AdaptiveConfig(boolean enabled, long advisoryPartitionBytes, long minPartitionBytes, int parallelism,
                             long broadcastThreshold) {
  public static final long DEFAULT_ADVISORY = 64L * 1024 * 1024;
  public static final long DEFAULT_MIN_PARTITION = 1024L * 1024;

  public static final AdaptiveConfig DISABLED = new AdaptiveConfig(false, DEFAULT_ADVISORY, DEFAULT_MIN_PARTITION, 1, -1);

  public AdaptiveConfig {
    if (advisoryPartitionBytes < 1) throw new IllegalArgumentException("advisory partition size must be positive");
    parallelism = Math.max(1, parallelism);
  }
}
