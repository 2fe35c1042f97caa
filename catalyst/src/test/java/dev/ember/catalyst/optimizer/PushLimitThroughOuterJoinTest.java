package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;

import dev.ember.catalyst.RuleTester;
import dev.ember.catalyst.plan.logical.JoinType;
import org.junit.jupiter.api.Test;

class PushLimitThroughOuterJoinTest {
  private final RuleTester tester = RuleTester.of(new PushLimitThroughOuterJoin());

  @Test void thePreservedSideOfAnOuterJoinGetsALocalLimit() {
    tester.check(scan("t", "a INT").join(scan("u", "x INT"), JoinType.LEFT, eq(col("a"), col("x"))).limit(10))
        .before("""
            Limit [10]
              Join LeftOuter [(a = x)]
                Scan t [a]
                Scan u [x]
            """)
        .after("""
            Limit [10]
              Join LeftOuter [(a = x)]
                Limit [10]
                  Scan t [a]
                Scan u [x]
            """);
    tester.check(scan("t", "a INT").join(scan("u", "x INT"), JoinType.RIGHT, eq(col("a"), col("x"))).limit(1, 1))
        .after("""
            Limit [1 OFFSET 1]
              Join RightOuter [(a = x)]
                Scan t [a]
                Limit [2]
                  Scan u [x]
            """);
  }

  @Test void notThroughJoinsThatMayDropRows() {
    for (JoinType t : new JoinType[] {JoinType.INNER, JoinType.FULL, JoinType.LEFT_SEMI, JoinType.LEFT_ANTI}) {
      tester.checkUnchanged(scan("t", "a INT").join(scan("u", "x INT"), t, eq(col("a"), col("x"))).limit(10));
    }
  }
}
