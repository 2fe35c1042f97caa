package dev.ember.planner.strategy;

/**
 * Settings that steer physical planning.
 *
 * @param shufflePartitions partitions of a hash exchange ({@code ember.sql.shuffle.partitions})
 * @param autoBroadcastJoinThreshold largest estimated build side, in bytes, that is broadcast
 *     ({@code ember.sql.autoBroadcastJoinThreshold}; -1 never broadcasts an equi-join)
 */
public record PlannerConfig(int shufflePartitions, long autoBroadcastJoinThreshold) {
  public static final PlannerConfig DEFAULT = new PlannerConfig(4, 10L * 1024 * 1024);

  public PlannerConfig {
    if (shufflePartitions < 1) throw new IllegalArgumentException("shuffle partitions must be positive");
  }
}
