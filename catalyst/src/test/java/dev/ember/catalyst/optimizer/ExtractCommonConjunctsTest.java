package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;

import dev.ember.catalyst.RuleTester;
import org.junit.jupiter.api.Test;

class ExtractCommonConjunctsTest {
  private final RuleTester tester = RuleTester.of(new ExtractCommonConjuncts());

  @Test void factorsTheSharedConjunctOutOfEveryBranch() {
    tester.check(scan("t", "a INT", "b INT", "x INT")
            .filter(or(and(eq(col("a"), col("b")), eq(col("x"), lit(1))),
                and(eq(col("a"), col("b")), eq(col("x"), lit(2))))))
        .before("""
            Filter [(((a = b) AND (x = 1)) OR ((a = b) AND (x = 2)))]
              Scan t [a, b, x]
            """)
        .after("""
            Filter [((a = b) AND ((x = 1) OR (x = 2)))]
              Scan t [a, b, x]
            """);
  }

  @Test void aBranchThatIsOnlyTheSharedPartAbsorbsTheRest() {
    tester.check(scan("t", "a INT", "x INT")
            .filter(or(gt(col("a"), lit(0)), and(gt(col("a"), lit(0)), eq(col("x"), lit(2))))))
        .after("""
            Filter [(a > 0)]
              Scan t [a, x]
            """);
  }

  @Test void leavesDisjunctionsWithoutASharedConjunct() {
    tester.checkUnchanged(scan("t", "a INT", "x INT")
        .filter(or(and(gt(col("a"), lit(0)), eq(col("x"), lit(1))), eq(col("x"), lit(2)))));
  }

  @Test void leavesNonDeterministicDisjunctions() {
    tester.checkUnchanged(scan("t", "a DOUBLE")
        .filter(or(and(gt(col("a"), lit(0.0)), lt(rand(), lit(0.5))), and(gt(col("a"), lit(0.0)), gt(rand(), lit(0.9))))));
  }
}
