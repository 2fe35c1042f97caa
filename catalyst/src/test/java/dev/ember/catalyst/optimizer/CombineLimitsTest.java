package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;

import dev.ember.catalyst.RuleTester;
import org.junit.jupiter.api.Test;

class CombineLimitsTest {
  private final RuleTester tester = RuleTester.of(new CombineLimits());

  @Test void addsOffsetsAndTakesWhatTheUpperLimitLeaves() {
    tester.check(scan("t", "a INT").limit(10, 1).limit(5, 2))
        .before("""
            Limit [5 OFFSET 2]
              Limit [10 OFFSET 1]
                Scan t [a]
            """)
        .after("""
            Limit [5 OFFSET 3]
              Scan t [a]
            """);
  }

  @Test void upperOffsetCanEatTheLowerLimit() {
    tester.check(scan("t", "a INT").limit(3).limit(10, 2)).after("""
        Limit [1 OFFSET 2]
          Scan t [a]
        """);
    tester.check(scan("t", "a INT").limit(3).limit(10, 5)).after("""
        Limit [0 OFFSET 5]
          Scan t [a]
        """);
  }

  @Test void unlimitedSides() {
    tester.check(scan("t", "a INT").limit(-1, 4).limit(2)).after("""
        Limit [2 OFFSET 4]
          Scan t [a]
        """);
    tester.check(scan("t", "a INT").limit(7).limit(-1, 3)).after("""
        Limit [4 OFFSET 3]
          Scan t [a]
        """);
  }

  @Test void keepsALimitOverASortOverALimit() {
    tester.checkUnchanged(scan("t", "a INT").limit(10).sort(asc(col("a"))).limit(3));
  }
}
