package dev.ember.planner.adaptive;

import static dev.ember.planner.adaptive.StageReplannerTest.shuffledJoin;
import static dev.ember.planner.adaptive.StageReplannerTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.catalyst.plan.logical.JoinType;
import dev.ember.planner.physical.PartitionRange;
import dev.ember.planner.physical.StageInputExec;
import dev.ember.planner.stage.Stage;
import dev.ember.planner.stage.StagePlan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SkewedJoinsTest {
  private static final long MB = 1024 * 1024;
  private static final AdaptiveConfig CONFIG = new AdaptiveConfig(true, 64 * MB, MB, 4, -1,
      new AdaptiveConfig.SkewJoin(true, 5, 100 * MB));

  /** 4 map tasks over 8 partitions: every block {@code small} bytes, but {@code big} in partition {@code hot}. */
  private static MapOutputStatistics maps(int stage, long small, int hot, long big) {
    long[][] bytes = new long[4][8];
    for (long[] m : bytes) {
      java.util.Arrays.fill(m, small);
      if (hot >= 0) m[hot] = big;
    }
    return MapOutputStatistics.ofMaps(stage, bytes, null, 8);
  }

  private static Stage replan(JoinType type, AdaptiveConfig config, MapOutputStatistics left, MapOutputStatistics right) {
    StagePlan plan = shuffledJoin(type);
    return new StageReplanner(config).replan(plan.resultStage(), Map.of(0, left, 1, right));
  }

  private static List<PartitionRange> ranges(Stage s, int stageId) {
    List<StageInputExec> reads = s.plan().collect(n -> n instanceof StageInputExec in && in.stageId() == stageId ? in : null);
    return reads.get(0).ranges();
  }

  @Test void aSkewedProbePartitionIsSplitByMapTasksAndTheBuildPartitionReplicated() {
    Stage s = replan(JoinType.INNER, CONFIG, maps(0, 4 * MB, 5, 100 * MB), maps(1, MB, -1, 0));
    assertEquals("""
        ShuffledHashJoin Inner [k = k3]
          StageInput [stage 0, hash(k, 8), coalesced 8 → 7, skewed partitions: 1 split into 4] [k, v]
          StageInput [stage 1, hash(k3, 8), coalesced 8 → 7, partitions replicated for skew: 1] [k3, w]
        """, text(s));
    // partitions 0-4 hold 100 MB together: two tasks of about 25 MB (the 4-way spread); then
    // partition 5 once per map task on the left, whole four times on the right; then 6-7
    assertEquals(List.of(new PartitionRange(0, 3), new PartitionRange(3, 5), PartitionRange.split(5, 0, 1),
        PartitionRange.split(5, 1, 2), PartitionRange.split(5, 2, 3), PartitionRange.split(5, 3, 4),
        new PartitionRange(6, 8)), ranges(s, 0));
    assertEquals(List.of(new PartitionRange(0, 3), new PartitionRange(3, 5), new PartitionRange(5, 6),
        new PartitionRange(5, 6), new PartitionRange(5, 6), new PartitionRange(5, 6), new PartitionRange(6, 8)),
        ranges(s, 1));
  }

  @Test void splitsGroupMapTasksUpToTheAdvisorySize() {
    // 4 blocks of 30 MB: two splits of 60 MB under a 64 MB target
    Stage s = replan(JoinType.INNER, CONFIG, maps(0, MB, 2, 30 * MB), maps(1, MB, -1, 0));
    assertEquals(List.of(PartitionRange.split(2, 0, 2), PartitionRange.split(2, 2, 4)),
        ranges(s, 0).stream().filter(PartitionRange::partial).toList());
  }

  @Test void bothSidesSkewedInOnePartitionMeetSplitBySplit() {
    Stage s = replan(JoinType.INNER, CONFIG, maps(0, MB, 1, 100 * MB), maps(1, MB, 1, 64 * MB));
    List<PartitionRange> left = ranges(s, 0), right = ranges(s, 1);
    assertEquals(left.size(), right.size());
    assertEquals(16, left.stream().filter(r -> r.start() == 1).count()); // 4 splits x 4 splits
    assertEquals(4, left.stream().filter(PartitionRange::partial).distinct().count());
    assertEquals(4, right.stream().filter(PartitionRange::partial).distinct().count());
  }

  @Test void theBuildSideOfAnOuterJoinIsNeverSplit() {
    // the right side is skewed, but a LEFT join must see all of a key's build rows in one task
    Stage s = replan(JoinType.LEFT, CONFIG, maps(0, MB, -1, 0), maps(1, MB, 5, 100 * MB));
    assertEquals(List.of(), ranges(s, 1).stream().filter(PartitionRange::partial).toList());
    assertEquals(ranges(s, 0), ranges(s, 1));
    // its probe side may be split
    Stage probe = replan(JoinType.LEFT_ANTI, CONFIG, maps(0, MB, 5, 100 * MB), maps(1, MB, -1, 0));
    assertEquals(4, ranges(probe, 0).stream().filter(PartitionRange::partial).count());
  }

  @Test void partitionsBelowTheThresholdOrFactorAreNotSkewed() {
    // 5 x 4 MB over a 1 MB median, but under the 100 MB threshold
    Stage s = replan(JoinType.INNER, CONFIG, maps(0, MB, 5, 5 * MB), maps(1, MB, -1, 0));
    assertEquals(List.of(), ranges(s, 0).stream().filter(PartitionRange::partial).toList());
    // 400 MB, but not 5 x the 100 MB median
    Stage even = replan(JoinType.INNER, CONFIG, maps(0, 25 * MB, 5, 100 * MB), maps(1, MB, -1, 0));
    assertEquals(List.of(), ranges(even, 0).stream().filter(PartitionRange::partial).toList());
    // switched off
    AdaptiveConfig off = new AdaptiveConfig(true, 64 * MB, MB, 4, -1, AdaptiveConfig.SkewJoin.OFF);
    Stage disabled = replan(JoinType.INNER, off, maps(0, 4 * MB, 5, 100 * MB), maps(1, MB, -1, 0));
    assertEquals(List.of(), ranges(disabled, 0).stream().filter(PartitionRange::partial).toList());
  }
}
