package dev.ember.planner.adaptive;

import dev.ember.catalyst.plan.logical.JoinType;
import dev.ember.planner.physical.AggMode;
import dev.ember.planner.physical.FilterExec;
import dev.ember.planner.physical.HashAggregateExec;
import dev.ember.planner.physical.HashJoinExec;
import dev.ember.planner.physical.PartitionRange;
import dev.ember.planner.physical.Partitioning;
import dev.ember.planner.physical.PhysicalPlan;
import dev.ember.planner.physical.ProjectExec;
import dev.ember.planner.physical.StageInputExec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Splits the skewed partitions of a shuffled hash join (Spark's OptimizeSkewedJoin). A partition
 * of one side is skewed when it is larger than {@link AdaptiveConfig.SkewJoin#factor} times that
 * side's median partition and than {@link AdaptiveConfig.SkewJoin#thresholdBytes}. It is then
 * read by several tasks, each reading the blocks of a contiguous run of map tasks (about the
 * advisory size, or the mean non-skewed partition if larger), and each joined with the other
 * side's whole partition, replicated. When both sides of one partition are skewed, every split
 * of one meets every split of the other.
 * <pre>
 * ShuffledHashJoin Inner [k = d]                ShuffledHashJoin Inner [k = d]
 *   StageInput [stage 0, hash(k, 4)]    =>        StageInput [stage 0, hash(k, 4), coalesced 4 → 10, skewed partitions: 1 split into 8]
 *   StageInput [stage 1, hash(d, 4)]              StageInput [stage 1, hash(d, 4), coalesced 4 → 10, partitions replicated for skew: 1]
 * </pre>
 * The partitions between skewed ones are coalesced as usual. <b>Not safe</b>, so left alone:
 * a side whose rows must all meet in one task — the build (right) side of an outer, semi or anti
 * join, the probe side of a right or full join; a stage whose join reads its shuffles through
 * anything but projections and filters, or whose join output feeds anything that relies on its
 * partitioning (a final aggregation, a window, a sort, another shuffled join); a stage reading
 * other shuffles besides the join's two; inputs whose per-map-task sizes are unknown.
 */
final class SkewedJoins {
  /** A split smaller than this share of the target is merged into its neighbour (as Spark). */
  private static final double SMALL_SPLIT = 0.2;

  private final AdaptiveConfig config;

  SkewedJoins(AdaptiveConfig config) { this.config = config; }

  /** {@code plan} with the skewed partitions of its shuffled join split, or {@code plan} itself. */
  PhysicalPlan split(PhysicalPlan plan, Map<Integer, MapOutputStatistics> inputs) {
    if (!config.skewJoin().enabled()) return plan;
    HashJoinExec join = joinAbove(plan);
    if (join == null) return plan;
    StageInputExec left = read(join.left()), right = read(join.right());
    if (left == null || right == null || left.stageId() == right.stageId()) return plan;
    List<StageInputExec> reads = plan.collect(n -> n instanceof StageInputExec in
        && !(in.partitioning() instanceof Partitioning.Broadcast) ? in : null);
    if (reads.size() != 2) return plan;
    MapOutputStatistics ls = inputs.get(left.stageId()), rs = inputs.get(right.stageId());
    if (!usable(left, ls) || !usable(right, rs) || ls.partitions() != rs.partitions()) return plan;
    boolean[] leftSkewed = skewed(ls, splitsLeft(join.joinType()));
    boolean[] rightSkewed = skewed(rs, splitsRight(join.joinType()));
    List<PartitionRange> leftRanges = new ArrayList<>(), rightRanges = new ArrayList<>();
    if (!plan(ls, rs, leftSkewed, rightSkewed, leftRanges, rightRanges)) return plan;
    return plan.transformUp(node -> {
      if (node == left) return left.withRanges(left.partitioning(), leftRanges);
      if (node == right) return right.withRanges(right.partitioning(), rightRanges);
      return node;
    });
  }

  static boolean splitsLeft(JoinType t) {
    return switch (t) {
      case INNER, LEFT, LEFT_SEMI, LEFT_ANTI -> true;
      case RIGHT, FULL -> false;
    };
  }

  static boolean splitsRight(JoinType t) {
    return switch (t) {
      case INNER, RIGHT -> true;
      case LEFT, FULL, LEFT_SEMI, LEFT_ANTI -> false;
    };
  }

  /**
   * The per-task ranges of both sides; false when no partition is split after all (a skewed
   * partition written by one map task, or whose map tasks' blocks fit one target).
   */
  private boolean plan(MapOutputStatistics ls, MapOutputStatistics rs, boolean[] leftSkewed, boolean[] rightSkewed,
                       List<PartitionRange> leftRanges, List<PartitionRange> rightRanges) {
    int n = ls.partitions();
    long[] combined = new long[n];
    for (int p = 0; p < n; p++) combined[p] = ls.bytes()[p] + rs.bytes()[p];
    long coalesceTarget = Coalescing.target(config, Arrays.stream(combined).sum());
    long leftTarget = splitTarget(ls, leftSkewed), rightTarget = splitTarget(rs, rightSkewed);
    boolean anySplit = false;
    int runStart = 0;
    for (int p = 0; p <= n; p++) {
      if (p < n && !leftSkewed[p] && !rightSkewed[p]) continue;
      List<PartitionRange> run = new ArrayList<>();
      Coalescing.group(combined, runStart, p, coalesceTarget, run);
      leftRanges.addAll(run);
      rightRanges.addAll(run);
      runStart = p + 1;
      if (p == n) break;
      List<PartitionRange> ls1 = leftSkewed[p] ? byMaps(ls, p, leftTarget) : List.of(new PartitionRange(p, p + 1));
      List<PartitionRange> rs1 = rightSkewed[p] ? byMaps(rs, p, rightTarget) : List.of(new PartitionRange(p, p + 1));
      anySplit |= ls1.size() > 1 || rs1.size() > 1;
      for (PartitionRange l : ls1) {
        for (PartitionRange r : rs1) {
          leftRanges.add(l);
          rightRanges.add(r);
        }
      }
    }
    return anySplit;
  }

  /** Which partitions of one side are skewed (none when that side may not be split). */
  private boolean[] skewed(MapOutputStatistics stats, boolean splittable) {
    boolean[] out = new boolean[stats.partitions()];
    if (!splittable) return out;
    long median = median(stats.bytes());
    for (int p = 0; p < out.length; p++) {
      long b = stats.bytes()[p];
      out[p] = b > config.skewJoin().factor() * median && b > config.skewJoin().thresholdBytes();
    }
    return out;
  }

  static long median(long[] bytes) {
    long[] sorted = bytes.clone();
    Arrays.sort(sorted);
    return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
  }

  /** The size of a split: the advisory size, or the mean non-skewed partition when larger (as Spark). */
  private long splitTarget(MapOutputStatistics stats, boolean[] skewed) {
    long sum = 0;
    int count = 0;
    for (int p = 0; p < skewed.length; p++) {
      if (!skewed[p]) {
        sum += stats.bytes()[p];
        count++;
      }
    }
    return Math.max(config.advisoryPartitionBytes(), count == 0 ? 0 : sum / count);
  }

  /** Partition {@code p} split into runs of map tasks of about {@code target} bytes each. */
  static List<PartitionRange> byMaps(MapOutputStatistics stats, int p, long target) {
    List<int[]> groups = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    int start = 0;
    long size = 0;
    for (int m = 0; m < stats.maps(); m++) {
      long b = stats.mapBytes(m, p);
      if (m > start && size + b > target) {
        groups.add(new int[] {start, m});
        sizes.add(size);
        start = m;
        size = 0;
      }
      size += b;
    }
    groups.add(new int[] {start, stats.maps()});
    sizes.add(size);
    // a small last split joins the one before it
    int last = groups.size() - 1;
    if (last > 0 && sizes.get(last) < SMALL_SPLIT * target) {
      groups.get(last - 1)[1] = groups.get(last)[1];
      groups.remove(last);
    }
    if (groups.size() < 2) return List.of(new PartitionRange(p, p + 1));
    return groups.stream().map(g -> PartitionRange.split(p, g[0], g[1])).toList();
  }

  private static boolean usable(StageInputExec in, MapOutputStatistics stats) {
    return in.partitioning() instanceof Partitioning.Hash h && in.ranges().isEmpty() && stats != null
        && stats.mapBytes() != null && stats.partitions() == h.numPartitions();
  }

  /** The shuffle read under {@code plan} through projections and filters only, or null. */
  private static StageInputExec read(PhysicalPlan plan) {
    while (plan instanceof ProjectExec || plan instanceof FilterExec) plan = plan.children().get(0);
    return plan instanceof StageInputExec in ? in : null;
  }

  /**
   * The shuffled join whose output reaches the stage's output through nodes that work row by row
   * within a task (projections, filters, partial aggregations, the probe side of broadcast
   * joins): splitting its partitions then changes no answer. Null when there is none.
   */
  private static HashJoinExec joinAbove(PhysicalPlan plan) {
    while (true) {
      if (plan instanceof HashJoinExec j && !j.broadcast()) return j.leftKeys().isEmpty() ? null : j;
      if (plan instanceof ProjectExec || plan instanceof FilterExec
          || plan instanceof HashAggregateExec a && a.mode() == AggMode.PARTIAL) {
        plan = plan.children().get(0);
      } else if (plan instanceof HashJoinExec j && j.broadcast() && probesOnly(j.joinType())) {
        plan = j.left();
      } else {
        return null;
      }
    }
  }

  /** Join types whose output rows each come from one probe row and its matches: safe over any split of the probe side. */
  private static boolean probesOnly(JoinType t) {
    return splitsLeft(t);
  }
}
