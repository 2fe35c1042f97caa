package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;

import dev.ember.catalyst.RuleTester;
import org.junit.jupiter.api.Test;

class PushLimitThroughProjectTest {
  private final RuleTester tester = RuleTester.of(new PushLimitThroughProject());

  @Test void aLimitOverAProjectedSortBecomesATopN() {
    tester.check(scan("t", "a INT").sort(asc(col("a"))).project(add(col("a"), lit(1)).as("x")).limit(10, 2))
        .before("""
            Limit [10 OFFSET 2]
              Project [(a + 1) AS x]
                Sort [a ASC NULLS LAST]
                  Scan t [a]
            """)
        .after("""
            Project [(a + 1) AS x]
              Limit [10 OFFSET 2]
                Sort [a ASC NULLS LAST]
                  Scan t [a]
            """);
  }

  @Test void keepsALimitOverANonDeterministicProjection() {
    tester.checkUnchanged(scan("t", "a DOUBLE").project(add(col("a"), rand()).as("x")).limit(10));
  }
}
