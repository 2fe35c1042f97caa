package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;

import dev.ember.catalyst.PlanBuilder;
import dev.ember.catalyst.RuleTester;
import dev.ember.catalyst.plan.logical.JoinType;
import org.junit.jupiter.api.Test;

class PushFilterThroughJoinTest {
  private final RuleTester tester = RuleTester.of(new PushFilterThroughJoin());

  private static PlanBuilder t() { return scan("t", "a INT", "b INT"); }

  private static PlanBuilder u() { return scan("u", "x INT", "y INT"); }

  /** WHERE a = x AND b > 1 AND y < 5 AND (a + y) > b, over a join of the given type. */
  private static PlanBuilder whereOver(JoinType type) {
    return t().join(u(), type, eq(col("a"), col("x")))
        .filter(and(gt(col("b"), lit(1)), lt(col("y"), lit(5)), gt(add(col("a"), col("y")), col("b"))));
  }

  @Test void commaJoinBecomesAnEquiJoin() {
    tester.check(t().join(u()).filter(and(eq(col("a"), col("x")), gt(col("b"), lit(1)), lt(col("y"), lit(5)))))
        .before("""
            Filter [(((a = x) AND (b > 1)) AND (y < 5))]
              Join Inner
                Scan t [a, b]
                Scan u [x, y]
            """)
        .after("""
            Join Inner [(a = x)]
              Filter [(b > 1)]
                Scan t [a, b]
              Filter [(y < 5)]
                Scan u [x, y]
            """);
  }

  @Test void commaJoinsOfThreeTablesBecomeTwoEquiJoins() {
    PlanBuilder v = scan("v", "k INT", "z INT");
    tester.check(t().join(u()).join(v).filter(and(eq(col("a"), col("x")), eq(col("y"), col("k")), gt(col("z"), lit(0)))))
        .after("""
            Join Inner [(y = k)]
              Join Inner [(a = x)]
                Scan t [a, b]
                Scan u [x, y]
              Filter [(z > 0)]
                Scan v [k, z]
            """);
  }

  @Test void innerJoinConditionPushesSingleSidedConjuncts() {
    tester.check(t().join(u(), JoinType.INNER, and(eq(col("a"), col("x")), gt(col("b"), lit(1)), lt(col("y"), lit(5)))))
        .after("""
            Join Inner [(a = x)]
              Filter [(b > 1)]
                Scan t [a, b]
              Filter [(y < 5)]
                Scan u [x, y]
            """);
  }

  @Test void leftJoinTakesOnlyLeftOnlyWhereConjuncts() {
    tester.check(whereOver(JoinType.LEFT))
        .after("""
            Filter [((y < 5) AND ((a + y) > b))]
              Join LeftOuter [(a = x)]
                Filter [(b > 1)]
                  Scan t [a, b]
                Scan u [x, y]
            """);
  }

  @Test void rightJoinTakesOnlyRightOnlyWhereConjuncts() {
    tester.check(whereOver(JoinType.RIGHT))
        .after("""
            Filter [((b > 1) AND ((a + y) > b))]
              Join RightOuter [(a = x)]
                Scan t [a, b]
                Filter [(y < 5)]
                  Scan u [x, y]
            """);
  }

  @Test void fullJoinTakesNothing() {
    tester.checkUnchanged(whereOver(JoinType.FULL));
    tester.checkUnchanged(t().join(u(), JoinType.FULL, and(eq(col("a"), col("x")), gt(col("b"), lit(1)), lt(col("y"), lit(5)))));
  }

  @Test void leftJoinConditionPushesOnlyRightOnlyConjuncts() {
    tester.check(t().join(u(), JoinType.LEFT, and(eq(col("a"), col("x")), gt(col("b"), lit(1)), lt(col("y"), lit(5)))))
        .after("""
            Join LeftOuter [((a = x) AND (b > 1))]
              Scan t [a, b]
              Filter [(y < 5)]
                Scan u [x, y]
            """);
  }

  @Test void semiJoinPushesWhereToTheLeftAndOnConjunctsToTheirSide() {
    tester.check(t().join(u(), JoinType.LEFT_SEMI, and(eq(col("a"), col("x")), gt(col("b"), lit(1)), lt(col("y"), lit(5))))
            .filter(lt(col("a"), lit(100))))
        .after("""
            Join LeftSemi [(a = x)]
              Filter [(b > 1)]
                Filter [(a < 100)]
                  Scan t [a, b]
              Filter [(y < 5)]
                Scan u [x, y]
            """);
  }

  @Test void antiJoinKeepsLeftOnlyOnConjuncts() {
    tester.check(t().join(u(), JoinType.LEFT_ANTI, and(eq(col("a"), col("x")), gt(col("b"), lit(1)), lt(col("y"), lit(5)))))
        .after("""
            Join LeftAnti [((a = x) AND (b > 1))]
              Scan t [a, b]
              Filter [(y < 5)]
                Scan u [x, y]
            """);
  }

  @Test void nonDeterministicConjunctsAndWhatFollowsStayAbove() {
    tester.check(t().join(u()).filter(and(eq(col("a"), col("x")), lt(rand(), lit(0.5)), gt(col("b"), lit(1)))))
        .after("""
            Filter [((random() < 0.5) AND (b > 1))]
              Join Inner [(a = x)]
                Scan t [a, b]
                Scan u [x, y]
            """);
  }

  @Test void doesNotFireWhenNothingCanMove() {
    tester.checkUnchanged(t().join(u(), JoinType.INNER, eq(col("a"), col("x"))));
    tester.checkUnchanged(t().join(u(), JoinType.LEFT, eq(col("a"), col("x"))).filter(isNull(col("y"))));
  }
}
