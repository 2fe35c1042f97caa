package dev.ember.planner.strategy;

/**
 * Settings that steer physical planning.
 *
 * @param shufflePartitions partitions of a hash exchange ({@code ember.sql.shuffle.partitions})
 * @param autoBroadcastJoinThreshold largest estimated build side, in bytes, that is broadcast
 *     ({@code ember.sql.autoBroadcastJoinThreshold}; -1 never broadcasts an equi-join)
 * @param cboEnabled sizes for join selection come from the statistics-based
 *     {@link dev.ember.catalyst.optimizer.cbo.CardinalityEstimator} ({@code ember.sql.cbo.enabled});
 *     off, from the simple {@link dev.ember.planner.cost.SizeEstimator}
 */
public record PlannerConfig(int shufflePartitions, long autoBroadcastJoinThreshold, boolean cboEnabled) {
  public static final PlannerConfig DEFAULT = new PlannerConfig(4, 10L * 1024 * 1024);

  public PlannerConfig {
    if (shufflePartitions < 1) throw new IllegalArgumentException("shuffle partitions must be positive");
  }

  /** With the cost-based estimates on (the default). */
  public PlannerConfig(int shufflePartitions, long autoBroadcastJoinThreshold) {
    this(shufflePartitions, autoBroadcastJoinThreshold, true);
  }
}
