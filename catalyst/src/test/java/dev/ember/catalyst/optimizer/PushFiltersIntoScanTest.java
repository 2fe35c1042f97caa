package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;

import dev.ember.catalyst.RuleTester;
import org.junit.jupiter.api.Test;

class PushFiltersIntoScanTest {
  private final RuleTester tester = RuleTester.of(new PushFiltersIntoScan());

  @Test void movesConjunctsIntoTheScan() {
    tester.check(scan("t", "a INT", "b VARCHAR").filter(and(gt(col("a"), lit(1)), eq(col("b"), lit("x")))))
        .before("""
            Filter [((a > 1) AND (b = 'x'))]
              Scan t [a, b]
            """)
        .after("""
            Scan t [a, b], filters=[((a > 1) AND (b = 'x'))]
            """);
  }

  @Test void addsToFiltersTheScanAlreadyHasWithoutRepeatingThem() {
    tester.check(scan("t", "a INT").filter(gt(col("a"), lit(1))).filter(and(gt(col("a"), lit(1)), lt(col("a"), lit(5)))))
        .after("""
            Scan t [a], filters=[((a > 1) AND (a < 5))]
            """);
  }

  @Test void keepsTheNonDeterministicTailInAFilter() {
    tester.check(scan("t", "a DOUBLE").filter(and(gt(col("a"), lit(1.0)), lt(rand(), col("a")))))
        .after("""
            Filter [(random() < a)]
              Scan t [a], filters=[(a > 1.0)]
            """);
  }

  @Test void doesNotFireWhenTheFirstConjunctIsNonDeterministic() {
    tester.checkUnchanged(scan("t", "a DOUBLE").filter(and(lt(rand(), col("a")), gt(col("a"), lit(1.0)))));
  }

  @Test void doesNotFireForAFilterThatIsNotDirectlyOverAScan() {
    tester.checkUnchanged(scan("t", "a INT").project(col("a")).filter(gt(col("a"), lit(1))));
  }
}
