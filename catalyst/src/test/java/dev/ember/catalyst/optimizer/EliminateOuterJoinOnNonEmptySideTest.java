package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;
import static dev.ember.catalyst.PlanBuilder.values;

import dev.ember.catalyst.RuleTester;
import dev.ember.catalyst.plan.logical.JoinType;
import java.util.List;
import org.junit.jupiter.api.Test;

class EliminateOuterJoinOnNonEmptySideTest {
  private final RuleTester tester = RuleTester.of(new EliminateOuterJoinOnNonEmptySide());

  @Test void aLeftJoinOnTrueToAGlobalAggregateIsACrossJoin() {
    tester.check(scan("t", "a INT").join(scan("u", "x INT").aggregate(List.of(), List.of(countStar().as("c"))),
            JoinType.LEFT, lit(true)))
        .before("""
            Join LeftOuter
              Scan t [a]
              Aggregate [] [count(*) AS c]
                Scan u [x]
            """)
        .after("""
            Join Inner
              Scan t [a]
              Aggregate [] [count(*) AS c]
                Scan u [x]
            """);
  }

  @Test void aRightJoinOnTrueFromNonEmptyValuesIsACrossJoin() {
    tester.check(values(List.of("k INT"), List.of(1)).join(scan("u", "x INT").project(col("x")), JoinType.RIGHT,
            lit(true)))
        .after("""
            Join Inner
              Values [k] rows=1
              Project [x]
                Scan u [x]
            """);
  }

  @Test void keepsTheOuterJoinWhenTheOtherSideMayBeEmptyOrAConditionMayFail() {
    // A grouped aggregate, a filter over a global one, or a condition: padding can happen.
    tester.checkUnchanged(scan("t", "a INT").join(scan("u", "x INT").aggregate(List.of(col("x")), List.of()),
        JoinType.LEFT, lit(true)));
    tester.checkUnchanged(scan("t", "a INT").join(scan("u", "x INT").aggregate(List.of(), List.of(countStar().as("c")))
        .filter(gt(col("c"), lit(1L))), JoinType.LEFT, lit(true)));
    tester.checkUnchanged(scan("t", "a INT").join(scan("u", "x INT").aggregate(List.of(), List.of(max(col("x")).as("m"))),
        JoinType.LEFT, eq(col("a"), col("m"))));
    tester.checkUnchanged(scan("t", "a INT").join(scan("u", "x INT").aggregate(List.of(), List.of(countStar().as("c"))),
        JoinType.FULL, lit(true)));
    // The preserved side is the one-row side: the other may be empty.
    tester.checkUnchanged(scan("u", "x INT").aggregate(List.of(), List.of(countStar().as("c")))
        .join(scan("t", "a INT"), JoinType.LEFT, lit(true)));
  }
}
