package dev.ember.planner.adaptive;

import dev.ember.planner.physical.HashJoinExec;
import dev.ember.planner.physical.PartitionRange;
import dev.ember.planner.physical.Partitioning;
import dev.ember.planner.physical.PhysicalPlan;
import dev.ember.planner.physical.StageInputExec;
import dev.ember.planner.stage.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Adaptive execution's re-planning of a stage about to start, once every stage it reads has
 * finished and the real sizes of their shuffle outputs are known (as Spark's AQE):
 * <ol>
 *   <li>a shuffled hash join whose build side's shuffle turned out small
 *       ({@link AdaptiveConfig#broadcastThreshold}) becomes a broadcast join: every task reads
 *       that whole shuffle as its hash table, and the probe side's shuffle where it is, without
 *       shuffling again;</li>
 *   <li>a shuffled join's skewed partitions are split ({@link SkewedJoins}): the skewed side's
 *       partition by map tasks into several tasks, each with the other side's whole partition;</li>
 *   <li>small contiguous post-shuffle partitions are coalesced into tasks of about
 *       {@link AdaptiveConfig#advisoryPartitionBytes} — every hash input of the stage (both sides
 *       of a join) with the same ranges, so that equal keys still meet.</li>
 * </ol>
 * Pure plan rewriting: the stage keeps its id, parents and output partitioning.
 */
public final class StageReplanner {
  private final AdaptiveConfig config;

  private final SkewedJoins skewedJoins;

  public StageReplanner(AdaptiveConfig config) {
    this.config = config;
    this.skewedJoins = new SkewedJoins(config);
  }

  /** {@code stage} re-planned with the output sizes of the stages it reads (by stage id). */
  public Stage replan(Stage stage, Map<Integer, MapOutputStatistics> inputs) {
    if (!config.enabled()) return stage;
    PhysicalPlan plan = switchJoins(stage.plan(), inputs);
    plan = skewedJoins.split(plan, inputs); // coalesces the partitions around the skewed ones itself
    plan = coalesce(plan, inputs);
    return plan == stage.plan() ? stage : new Stage(stage.id(), plan, stage.output(), stage.parents());
  }

  private PhysicalPlan switchJoins(PhysicalPlan plan, Map<Integer, MapOutputStatistics> inputs) {
    if (config.broadcastThreshold() < 0) return plan;
    return plan.transformUp(node -> {
      if (!(node instanceof HashJoinExec j) || j.broadcast() || j.rightKeys().isEmpty()) return node;
      if (!(j.right() instanceof StageInputExec r) || !(r.partitioning() instanceof Partitioning.Hash h)
          || !r.ranges().isEmpty()) {
        return node;
      }
      MapOutputStatistics stats = inputs.get(r.stageId());
      if (stats == null || stats.totalBytes() > config.broadcastThreshold()) return node;
      StageInputExec whole = r.withRanges(Partitioning.BROADCAST, List.of(new PartitionRange(0, h.numPartitions())));
      return new HashJoinExec(j.joinType(), j.leftKeys(), j.rightKeys(), j.residual(), true, j.left(), whole);
    });
  }

  private PhysicalPlan coalesce(PhysicalPlan plan, Map<Integer, MapOutputStatistics> inputs) {
    List<StageInputExec> reads = plan.collect(n -> n instanceof StageInputExec in ? in : null);
    int n = -1;
    long[] bytes = null;
    for (StageInputExec in : reads) {
      if (in.partitioning() instanceof Partitioning.Broadcast) continue;
      if (!(in.partitioning() instanceof Partitioning.Hash h) || !in.ranges().isEmpty()) return plan;
      MapOutputStatistics stats = inputs.get(in.stageId());
      if (stats == null || stats.partitions() != h.numPartitions() || (n >= 0 && n != h.numPartitions())) return plan;
      n = h.numPartitions();
      if (bytes == null) bytes = new long[n];
      for (int p = 0; p < n; p++) bytes[p] += stats.bytes()[p];
    }
    if (bytes == null) return plan;
    List<PartitionRange> ranges = ranges(bytes);
    if (ranges.size() == n) return plan;
    return plan.transformUp(node -> node instanceof StageInputExec in && in.partitioning() instanceof Partitioning.Hash
        ? in.withRanges(in.partitioning(), ranges) : node);
  }

  /**
   * Contiguous ranges of about the target size: the advisory size, but smaller when the whole
   * shuffle would then run in fewer tasks than can run at once (never below the minimum size).
   */
  List<PartitionRange> ranges(long[] bytes) {
    long total = 0;
    for (long b : bytes) total += b;
    List<PartitionRange> out = new ArrayList<>();
    Coalescing.group(bytes, 0, bytes.length, Coalescing.target(config, total), out);
    return out;
  }
}
