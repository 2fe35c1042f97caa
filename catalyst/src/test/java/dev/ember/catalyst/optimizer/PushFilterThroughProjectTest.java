package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;

import dev.ember.catalyst.RuleTester;
import org.junit.jupiter.api.Test;

class PushFilterThroughProjectTest {
  private final RuleTester tester = RuleTester.of(new PushFilterThroughProject());

  @Test void substitutesAliasesAndMovesBelow() {
    tester.check(scan("t", "a INT", "b INT").project(col("b"), add(col("a"), lit(1)).as("x"))
            .filter(and(gt(col("x"), lit(1)), eq(col("b"), lit(2)))))
        .before("""
            Filter [((x > 1) AND (b = 2))]
              Project [b, (a + 1) AS x]
                Scan t [a, b]
            """)
        .after("""
            Project [b, (a + 1) AS x]
              Filter [(((a + 1) > 1) AND (b = 2))]
                Scan t [a, b]
            """);
  }

  @Test void keepsConjunctsFromTheFirstNonDeterministicOneAbove() {
    tester.check(scan("t", "a DOUBLE").project(col("a"))
            .filter(and(gt(col("a"), lit(1.0)), lt(rand(), lit(0.5)), lt(col("a"), lit(9.0)))))
        .after("""
            Filter [((random() < 0.5) AND (a < 9.0))]
              Project [a]
                Filter [(a > 1.0)]
                  Scan t [a]
            """);
  }

  @Test void doesNotFireOverANonDeterministicProjection() {
    tester.checkUnchanged(scan("t", "a DOUBLE").project(col("a"), rand().as("r")).filter(gt(col("a"), lit(1.0))));
  }

  @Test void doesNotFireForANonDeterministicCondition() {
    tester.checkUnchanged(scan("t", "a DOUBLE").project(col("a")).filter(lt(rand(), col("a"))));
  }
}
