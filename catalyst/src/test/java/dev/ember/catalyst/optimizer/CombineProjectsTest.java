package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;

import dev.ember.catalyst.RuleTester;
import org.junit.jupiter.api.Test;

class CombineProjectsTest {
  private final RuleTester tester = RuleTester.of(new CombineProjects());

  @Test void substitutesTheLowerAliases() {
    tester.check(scan("t", "a INT", "b INT").project(col("b"), add(col("a"), lit(1)).as("x"))
            .project(mul(col("x"), lit(2)).as("y"), col("b")))
        .before("""
            Project [(x * 2) AS y, b]
              Project [b, (a + 1) AS x]
                Scan t [a, b]
            """)
        .after("""
            Project [((a + 1) * 2) AS y, b]
              Scan t [a, b]
            """);
  }

  @Test void aPassedThroughAliasKeepsItsIdAsAnAlias() {
    tester.check(scan("t", "a INT").project(add(col("a"), lit(1)).as("x")).project(col("x")))
        .after("""
            Project [(a + 1) AS x]
              Scan t [a]
            """);
  }

  @Test void duplicatesCheapExpressions() {
    tester.check(scan("t", "a INT").project(col("a").as("x"), lit(7).as("k"))
            .project(add(col("x"), col("x")).as("y"), add(col("k"), col("k")).as("z")))
        .after("""
            Project [(a + a) AS y, (7 + 7) AS z]
              Scan t [a]
            """);
  }

  @Test void doesNotDuplicateAnExpensiveExpression() {
    tester.checkUnchanged(scan("t", "a INT").project(mul(col("a"), col("a")).as("x"))
        .project(add(col("x"), col("x")).as("y")));
  }

  @Test void doesNotMergeANonDeterministicLowerProjection() {
    tester.checkUnchanged(scan("t", "a DOUBLE").project(col("a"), rand().as("r")).project(col("r")));
  }
}
