package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;

import dev.ember.catalyst.PlanBuilder;
import dev.ember.catalyst.RuleTester;
import dev.ember.catalyst.plan.logical.JoinType;
import org.junit.jupiter.api.Test;

class PushExtraPredicateThroughJoinTest {
  private final RuleTester tester = RuleTester.of(new PushExtraPredicateThroughJoin());

  private static PlanBuilder t() { return scan("t", "a INT", "b VARCHAR"); }

  private static PlanBuilder u() { return scan("u", "x INT", "y VARCHAR"); }

  /** TPC-H Q7's nation pair: each side keeps only the rows some branch could accept. */
  @Test void eachInputGetsTheDisjunctionOfItsOwnParts() {
    tester.check(t().join(u(), JoinType.INNER, and(eq(col("a"), col("x")),
            or(and(eq(col("b"), lit("F")), eq(col("y"), lit("G"))), and(eq(col("b"), lit("G")), eq(col("y"), lit("F")))))))
        .after("""
            Join Inner [((a = x) AND (((b = 'F') AND (y = 'G')) OR ((b = 'G') AND (y = 'F'))))]
              Filter [((b = 'F') OR (b = 'G'))]
                Scan t [a, b]
              Filter [((y = 'G') OR (y = 'F'))]
                Scan u [x, y]
            """);
  }

  /** Applying it again finds the filters already there (the rule runs in a fixed-point batch). */
  @Test void isIdempotent() {
    PlanBuilder once = t().join(u(), JoinType.INNER, or(and(eq(col("b"), lit("F")), eq(col("y"), lit("G"))),
        and(eq(col("b"), lit("G")), eq(col("y"), lit("F")))));
    var after = new PushExtraPredicateThroughJoin().apply(once.build());
    org.junit.jupiter.api.Assertions.assertEquals(after, new PushExtraPredicateThroughJoin().apply(after));
  }

  /** Must not fire: one branch says nothing about u, so every row of u may still match. */
  @Test void needsAPartFromEveryBranch() {
    tester.check(t().join(u(), JoinType.INNER, or(and(eq(col("b"), lit("F")), eq(col("y"), lit("G"))), eq(col("b"), lit("H")))))
        .after("""
            Join Inner [(((b = 'F') AND (y = 'G')) OR (b = 'H'))]
              Filter [((b = 'F') OR (b = 'H'))]
                Scan t [a, b]
              Scan u [x, y]
            """);
  }

  /** Must not fire on the preserved side of an outer join: its unmatched rows are still output. */
  @Test void leavesThePreservedSideOfAnOuterJoin() {
    tester.check(t().join(u(), JoinType.LEFT, or(and(eq(col("b"), lit("F")), eq(col("y"), lit("G"))),
            and(eq(col("b"), lit("G")), eq(col("y"), lit("F"))))))
        .after("""
            Join LeftOuter [(((b = 'F') AND (y = 'G')) OR ((b = 'G') AND (y = 'F')))]
              Scan t [a, b]
              Filter [((y = 'G') OR (y = 'F'))]
                Scan u [x, y]
            """);
    tester.checkUnchanged(t().join(u(), JoinType.FULL, or(and(eq(col("b"), lit("F")), eq(col("y"), lit("G"))),
        and(eq(col("b"), lit("G")), eq(col("y"), lit("F"))))));
  }

  @Test void leavesNonDeterministicConditions() {
    tester.checkUnchanged(t().join(u(), JoinType.INNER, or(and(eq(col("b"), lit("F")), lt(rand(), lit(0.5))),
        and(eq(col("b"), lit("G")), eq(col("y"), lit("F"))))));
  }
}
