package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;

import dev.ember.catalyst.RuleTester;
import dev.ember.catalyst.expr.Call;
import dev.ember.catalyst.plan.logical.JoinType;
import dev.ember.catalyst.types.DataType;
import org.junit.jupiter.api.Test;

class EliminateOuterJoinTest {
  private final RuleTester tester = RuleTester.of(new EliminateOuterJoin());

  @Test void aFilterRejectingThePaddedSideMakesTheJoinInner() {
    tester.check(scan("t", "a INT").join(scan("u", "x INT"), JoinType.LEFT, eq(col("a"), col("x")))
            .filter(gt(col("x"), lit(1))))
        .before("""
            Filter [(x > 1)]
              Join LeftOuter [(a = x)]
                Scan t [a]
                Scan u [x]
            """)
        .after("""
            Filter [(x > 1)]
              Join Inner [(a = x)]
                Scan t [a]
                Scan u [x]
            """);
  }

  @Test void aFullJoinLosesOnlyTheSidesWhosePaddingIsRejected() {
    tester.check(scan("t", "a INT").join(scan("u", "x INT"), JoinType.FULL, eq(col("a"), col("x")))
            .filter(isNotNull(col("a"))))
        .after("""
            Filter [(a IS NOT NULL)]
              Join LeftOuter [(a = x)]
                Scan t [a]
                Scan u [x]
            """);
    tester.check(scan("t", "a INT").join(scan("u", "x INT"), JoinType.RIGHT, eq(col("a"), col("x")))
            .filter(ne(col("a"), lit(3))))
        .after("""
            Filter [(a <> 3)]
              Join Inner [(a = x)]
                Scan t [a]
                Scan u [x]
            """);
  }

  @Test void keepsTheOuterJoinWhenPaddedRowsCanPass() {
    // x IS NULL and coalesce(x, 0) = 0 keep padded rows; a > 1 reads the preserved side; (a = x) OR … reads both.
    tester.checkUnchanged(scan("t", "a INT").join(scan("u", "x INT"), JoinType.LEFT, eq(col("a"), col("x")))
        .filter(and(isNull(col("x")), gt(col("a"), lit(1)))));
    tester.checkUnchanged(scan("t", "a INT").join(scan("u", "x INT"), JoinType.LEFT, eq(col("a"), col("x")))
        .filter(eq(call(Call.Fn.COALESCE, DataType.INT, col("x"), lit(0)), lit(0))));
    tester.checkUnchanged(scan("t", "a INT").join(scan("u", "x INT"), JoinType.LEFT, eq(col("a"), col("x")))
        .filter(or(gt(col("x"), lit(1)), gt(col("a"), lit(1)))));
  }
}
