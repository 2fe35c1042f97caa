package dev.ember.planner.adaptive;

import static dev.ember.catalyst.ExprDsl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ember.catalyst.PlanBuilder;
import dev.ember.catalyst.TestTable;
import dev.ember.catalyst.plan.logical.JoinType;
import dev.ember.catalyst.plan.logical.PlanPrinter;
import dev.ember.catalyst.stats.Statistics;
import dev.ember.planner.physical.PartitionRange;
import dev.ember.planner.physical.PhysicalPlan;
import dev.ember.planner.stage.Stage;
import dev.ember.planner.stage.StagePlan;
import dev.ember.planner.strategy.PhysicalPlanner;
import dev.ember.planner.strategy.PlannerConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageReplannerTest {
  private static final long MB = 1024 * 1024;

  static StagePlan shuffledJoin() { return shuffledJoin(JoinType.INNER); }

  /** {@code big JOIN other ON k = k3}, both sides shuffled into 8 partitions. */
  static StagePlan shuffledJoin(JoinType type) {
    PlanBuilder big = PlanBuilder.scan(TestTable.of("big", "k BIGINT", "v INT").withStatistics(Statistics.of(1_000_000, 16_000_000)));
    PlanBuilder other = PlanBuilder.scan(TestTable.of("other", "k3 BIGINT", "w INT").withStatistics(Statistics.of(1_000_000, 16_000_000)));
    PhysicalPlan plan = new PhysicalPlanner(new PlannerConfig(8, 1000)).plan(
        big.join(other, type, eq(col("k"), col("k3"))).build());
    return StagePlan.cut(plan);
  }

  static String text(Stage s) { return PlanPrinter.print(s.plan(), PhysicalPlan::describe); }

  private static MapOutputStatistics stats(int stage, long... bytes) { return new MapOutputStatistics(stage, bytes, null); }

  @Test void smallPartitionsAreCoalescedTheSameWayOnBothSidesOfAJoin() {
    StagePlan plan = shuffledJoin();
    StageReplanner r = new StageReplanner(new AdaptiveConfig(true, 10 * MB, MB, 1, -1, AdaptiveConfig.SkewJoin.DEFAULT));
    Stage result = r.replan(plan.resultStage(), Map.of(
        0, stats(0, 3 * MB, 3 * MB, 3 * MB, 0, 0, 8 * MB, 1, 1),
        1, stats(1, 1 * MB, 1 * MB, 1 * MB, 0, 0, 1 * MB, 0, 0)));
    assertEquals("""
        ShuffledHashJoin Inner [k = k3]
          StageInput [stage 0, hash(k, 8), coalesced 8 → 3] [k, v]
          StageInput [stage 1, hash(k3, 8), coalesced 8 → 3] [k3, w]
        """, text(result));
  }

  @Test void aBuildSideThatTurnsOutSmallIsBroadcastAndTheProbeSideReadWhereItIs() {
    StagePlan plan = shuffledJoin();
    StageReplanner r = new StageReplanner(new AdaptiveConfig(true, 64 * MB, MB, 4, 1000, AdaptiveConfig.SkewJoin.DEFAULT));
    Stage result = r.replan(plan.resultStage(), Map.of(
        0, stats(0, 90 * MB, 90 * MB, 90 * MB, 90 * MB, 90 * MB, 90 * MB, 90 * MB, 90 * MB),
        1, stats(1, 100, 100, 0, 0, 0, 0, 0, 700)));
    assertEquals("""
        BroadcastHashJoin Inner [k = k3]
          StageInput [stage 0, hash(k, 8)] [k, v]
          StageInput [stage 1, broadcast, all 8 shuffle partitions] [k3, w]
        """, text(result));
  }

  @Test void disabledOrAlreadyRightLeavesTheStageAlone() {
    StagePlan plan = shuffledJoin();
    Map<Integer, MapOutputStatistics> big = Map.of(0, stats(0, 90 * MB, 90 * MB, 90 * MB, 90 * MB, 90 * MB, 90 * MB, 90 * MB, 90 * MB),
        1, stats(1, 90 * MB, 90 * MB, 90 * MB, 90 * MB, 90 * MB, 90 * MB, 90 * MB, 90 * MB));
    assertSame(plan.resultStage(), new StageReplanner(new AdaptiveConfig(true, 64 * MB, MB, 4, 1000, AdaptiveConfig.SkewJoin.DEFAULT)).replan(plan.resultStage(), big));
    assertSame(plan.resultStage(), new StageReplanner(AdaptiveConfig.DISABLED).replan(plan.resultStage(),
        Map.of(0, stats(0, 1, 1, 1, 1, 1, 1, 1, 1), 1, stats(1, 1, 1, 1, 1, 1, 1, 1, 1))));
  }

  @Test void smallShufflesStaySplitForParallelismButNotBelowTheMinimumSize() {
    StageReplanner r = new StageReplanner(new AdaptiveConfig(true, 64 * MB, MB, 4, -1, AdaptiveConfig.SkewJoin.DEFAULT));
    long[] sixteen = new long[16];
    java.util.Arrays.fill(sixteen, 2 * MB);
    assertEquals(4, r.ranges(sixteen).size()); // 32 MB over 4 cores: 8 MB each, not one 64 MB task
    long[] tiny = new long[200];
    java.util.Arrays.fill(tiny, 1000);
    assertEquals(List.of(new PartitionRange(0, 200)), r.ranges(tiny));
  }
}
