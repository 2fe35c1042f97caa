package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;

import dev.ember.catalyst.RuleTester;
import dev.ember.catalyst.plan.logical.JoinType;
import org.junit.jupiter.api.Test;

class InferFiltersFromConstraintsTest {
  private final RuleTester tester = RuleTester.of(new InferFiltersFromConstraints());

  @Test void nullableEquiJoinKeysAreNotNullOnBothSides() {
    tester.check(scan("t", "a INT", "b INT").join(scan("u", "x INT", "y INT NOT NULL"), JoinType.INNER,
            and(eq(col("a"), col("x")), eq(col("b"), col("y")))))
        .before("""
            Join Inner [((a = x) AND (b = y))]
              Scan t [a, b]
              Scan u [x, y]
            """)
        .after("""
            Join Inner [((a = x) AND (b = y))]
              Filter [((a IS NOT NULL) AND (b IS NOT NULL))]
                Scan t [a, b]
              Filter [(x IS NOT NULL)]
                Scan u [x, y]
            """);
  }

  @Test void aConstantOnOneKeyCarriesOverToTheOther() {
    tester.check(scan("t", "a INT NOT NULL").filter(eq(col("a"), lit(5)))
            .join(scan("u", "x INT NOT NULL").filter(in(col("x"), lit(5), lit(6))), JoinType.INNER, eq(col("a"), col("x"))))
        .after("""
            Join Inner [(a = x)]
              Filter [a IN (5, 6)]
                Filter [(a = 5)]
                  Scan t [a]
              Filter [(x = 5)]
                Filter [x IN (5, 6)]
                  Scan u [x]
            """);
  }

  @Test void outerJoinsFilterOnlyTheSideWhoseUnmatchedRowsTheyDrop() {
    tester.check(scan("t", "a INT").filter(gt(col("a"), lit(5)))
            .join(scan("u", "x INT"), JoinType.LEFT, eq(col("a"), col("x"))))
        .after("""
            Join LeftOuter [(a = x)]
              Filter [(a > 5)]
                Scan t [a]
              Filter [((x IS NOT NULL) AND (x > 5))]
                Scan u [x]
            """);
    tester.checkUnchanged(scan("t", "a INT").join(scan("u", "x INT"), JoinType.FULL, eq(col("a"), col("x"))));
    // A RIGHT join keeps every right row: a > 5 says nothing about x.
    tester.checkUnchanged(scan("t", "a INT").filter(gt(col("a"), lit(5))).join(scan("u", "x INT"),
        JoinType.RIGHT, eq(col("a"), col("x"))));
  }

  @Test void knownConditionsAreNotAddedAgainAndOtherConditionsAreNotCopied() {
    // Below a projection the keys are already known non-null; (a + 1) > 5 is not a simple bound.
    tester.checkUnchanged(scan("t", "a INT", "b INT").filter(and(isNotNull(col("a")), gt(add(col("a"), lit(1)), lit(5))))
        .project(col("a"))
        .join(scan("u", "x INT NOT NULL").filter(gt(add(col("x"), lit(1)), lit(0))), JoinType.INNER, eq(col("a"), col("x"))));
    tester.checkUnchanged(scan("t", "a INT").join(scan("u", "x INT"), JoinType.INNER, lt(col("a"), col("x"))));
  }
}
