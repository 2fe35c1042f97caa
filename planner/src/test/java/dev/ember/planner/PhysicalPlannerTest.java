package dev.ember.planner;

import static dev.ember.catalyst.ExprDsl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.catalyst.PlanBuilder;
import dev.ember.catalyst.TestTable;
import dev.ember.catalyst.plan.logical.JoinType;
import dev.ember.catalyst.plan.logical.PlanPrinter;
import dev.ember.catalyst.stats.Statistics;
import dev.ember.planner.physical.PhysicalPlan;
import dev.ember.planner.stage.StagePlan;
import dev.ember.planner.strategy.PhysicalPlanner;
import dev.ember.planner.strategy.PlannerConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Physical planning: two-phase aggregation, join strategies, exchanges where required, stages. */
class PhysicalPlannerTest {
  private static final PhysicalPlanner PLANNER = new PhysicalPlanner(new PlannerConfig(4, 1000));

  private static PlanBuilder big() {
    return PlanBuilder.scan(TestTable.of("big", "k BIGINT", "v INT").withStatistics(Statistics.of(1_000_000, 16_000_000)));
  }

  private static PlanBuilder small() {
    return PlanBuilder.scan(TestTable.of("small", "k2 BIGINT", "name VARCHAR").withStatistics(Statistics.of(10, 300)));
  }

  private static String plan(PlanBuilder b) {
    return PlanPrinter.print(PLANNER.plan(b.build()), PhysicalPlan::describe);
  }

  @Test void aggregatesInTwoPhasesAroundAHashExchange() {
    assertEquals("""
        HashAggregate(final) [k] [sum(v) AS s]
          Exchange hash(k, 4)
            HashAggregate(partial) [k] [sum(v) AS s]
              Scan big [k, v]
        """, plan(big().aggregate(List.of(col("k")), List.of(sum(col("v")).as("s")))));
  }

  @Test void aGlobalAggregateGathersIntoOnePartition() {
    assertEquals("""
        HashAggregate(final) [] [count(*) AS n]
          Exchange single
            HashAggregate(partial) [] [count(*) AS n]
              Scan big [k, v]
        """, plan(big().aggregate(List.of(), List.of(countStar().as("n")))));
  }

  @Test void aSmallBuildSideIsBroadcast() {
    assertEquals("""
        BroadcastHashJoin Inner [k = k2]
          Scan big [k, v]
          Exchange broadcast
            Scan small [k2, name]
        """, plan(big().join(small(), JoinType.INNER, eq(col("k"), col("k2")))));
  }

  @Test void anInnerJoinBuildsOnTheSmallerSideWhateverTheOrder() {
    assertEquals("""
        Project [k2, name, k, v]
          BroadcastHashJoin Inner [k = k2]
            Scan big [k, v]
            Exchange broadcast
              Scan small [k2, name]
        """, plan(small().join(big(), JoinType.INNER, eq(col("k2"), col("k")))));
  }

  @Test void largeSidesAreShuffledOnTheirKeysAndAnAggregateOnTheSameKeyReusesThePartitioning() {
    PlanBuilder other = PlanBuilder.scan(TestTable.of("other", "k3 BIGINT", "w INT")
        .withStatistics(Statistics.of(1_000_000, 16_000_000)));
    assertEquals("""
        HashAggregate(final) [k] [sum(w) AS s]
          HashAggregate(partial) [k] [sum(w) AS s]
            ShuffledHashJoin Inner [k = k3]
              Exchange hash(k, 4)
                Scan big [k, v]
              Exchange hash(k3, 4)
                Scan other [k3, w]
        """, plan(big().join(other, JoinType.INNER, eq(col("k"), col("k3")))
            .aggregate(List.of(col("k")), List.of(sum(col("w")).as("s")))));
  }

  @Test void aNonEquiJoinIsABroadcastNestedLoop() {
    assertEquals("""
        BroadcastHashJoin LeftOuter [] residual=[(k < k2)]
          Scan big [k, v]
          Exchange broadcast
            Scan small [k2, name]
        """, plan(big().join(small(), JoinType.LEFT, lt(col("k"), col("k2")))));
  }

  @Test void limitOverSortIsATopNInTwoSteps() {
    assertEquals("""
        TopN(global) [10] [v DESC NULLS FIRST]
          Exchange single
            TopN(local) [10] [v DESC NULLS FIRST]
              Scan big [k, v]
        """, plan(big().sort(desc(col("v"))).limit(10)));
  }

  @Test void stagesAreCutAtExchanges() {
    StagePlan stages = StagePlan.cut(PLANNER.plan(big().aggregate(List.of(col("k")), List.of(sum(col("v")).as("s")))
        .sort(asc(col("k"))).build()));
    assertEquals("""
        Stage 2 (result)
          Sort [k ASC NULLS LAST]
            StageInput [stage 1, single] [k, s]
        Stage 1 → single
          HashAggregate(final) [k] [sum(v) AS s]
            StageInput [stage 0, hash(k, 4)] [k, s_buf0]
        Stage 0 → hash(k, 4)
          HashAggregate(partial) [k] [sum(v) AS s]
            Scan big [k, v]
        """, stages.treeString());
    assertEquals(List.of(1), stages.resultStage().parents());
    assertEquals(List.of(0), stages.stage(1).parents());
    assertEquals(List.of(), stages.stage(0).parents());
  }
}
