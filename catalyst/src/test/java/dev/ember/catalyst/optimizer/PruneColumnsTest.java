package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.catalyst.PlanBuilder;
import dev.ember.catalyst.RuleTester;
import dev.ember.catalyst.plan.logical.JoinType;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

class PruneColumnsTest {
  private final RuleTester tester = RuleTester.of(new PruneColumns());

  private static PlanBuilder t() { return scan("t", "a INT", "b INT", "c INT"); }

  @Test void narrowsScansUnderJoins() {
    PlanBuilder u = scan("u", "x INT", "y INT");
    tester.check(t().join(u, JoinType.INNER, eq(col("a"), col("x"))).project(col("a"), col("y")))
        .before("""
            Project [a, y]
              Join Inner [(a = x)]
                Scan t [a, b, c]
                Scan u [x, y]
            """)
        .after("""
            Project [a, y]
              Join Inner [(a = x)]
                Scan t [a]
                Scan u [x, y]
            """);
  }

  @Test void keepsColumnsFiltersAndScanFiltersRead() {
    LogicalPlan scanWithFilter = new PushFiltersIntoScan().apply(t().filter(gt(col("c"), lit(0))).build());
    tester.check(PlanBuilder.of(scanWithFilter).filter(gt(col("b"), lit(1))).project(col("a")))
        .after("""
            Project [a]
              Filter [(b > 1)]
                Scan t [a, b, c], filters=[(c > 0)]
            """);
  }

  @Test void dropsUnusedProjectionsAndAggregates() {
    tester.check(t().project(col("a"), col("b"), add(col("c"), lit(1)).as("d"))
            .aggregate(List.of(col("a")), List.of(sum(col("b")).as("s"), max(col("d")).as("m")))
            .project(col("a"), col("s")))
        .after("""
            Project [a, s]
              Aggregate [a] [sum(b) AS s]
                Project [a, b]
                  Scan t [a, b]
            """);
  }

  @Test void insertsAProjectUnderAJoinInputOnlyWhenItNarrows() {
    PlanBuilder u = scan("u", "x INT", "y INT");
    LogicalPlan left = new PushFiltersIntoScan().apply(t().filter(gt(col("c"), lit(0))).build());
    tester.check(PlanBuilder.of(left).join(u, JoinType.INNER, eq(col("a"), col("x"))).project(col("b"), col("y")))
        .after("""
            Project [b, y]
              Join Inner [(a = x)]
                Project [a, b]
                  Scan t [a, b, c], filters=[(c > 0)]
                Scan u [x, y]
            """);
  }

  @Test void countStarKeepsOneColumnOfTheScan() {
    tester.check(t().aggregate(List.of(), List.of(countStar().as("n"))))
        .after("""
            Aggregate [] [count(*) AS n]
              Scan t [a]
            """);
  }

  @Test void globalAggregateKeepsOneAggregateWhenNoneIsUsed() {
    tester.check(t().aggregate(List.of(), List.of(sum(col("b")).as("s"), max(col("c")).as("m")))
            .project(lit(1).as("one")))
        .after("""
            Project [1 AS one]
              Aggregate [] [sum(b) AS s]
                Scan t [b]
            """);
  }

  @Test void unionInputsKeepTheSamePositions() {
    PlanBuilder u = scan("u", "x INT", "y INT", "z INT");
    tester.check(t().unionAll(u).project(col("c")))
        .after("""
            Project [c]
              Union
                Scan t [c]
                Scan u [z]
            """);
  }

  @Test void theRootOutputNeverChanges() {
    LogicalPlan plan = t().join(scan("u", "x INT"), JoinType.INNER, eq(col("a"), col("x"))).build();
    tester.checkUnchanged(plan);
    assertEquals(plan.output(), tester.run(plan).output());
  }

  @Test void doesNotFireWhenEveryColumnIsUsed() {
    tester.checkUnchanged(t().filter(gt(col("a"), lit(1))).project(col("c"), col("b"), col("a")));
    tester.checkUnchanged(t().aggregate(List.of(col("a")), List.of(sum(col("b")).as("s"), min(col("c")).as("m"))));
  }
}
