package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;

import dev.ember.catalyst.RuleTester;
import org.junit.jupiter.api.Test;

class CombineFiltersTest {
  private final RuleTester tester = RuleTester.of(new CombineFilters());

  @Test void mergesAdjacentDeterministicFilters() {
    tester.check(scan("t", "a INT", "b INT").filter(gt(col("a"), lit(1))).filter(eq(col("b"), lit(2))))
        .before("""
            Filter [(b = 2)]
              Filter [(a > 1)]
                Scan t [a, b]
            """)
        .after("""
            Filter [((a > 1) AND (b = 2))]
              Scan t [a, b]
            """);
  }

  @Test void mergesAChainOfThree() {
    tester.check(scan("t", "a INT").filter(gt(col("a"), lit(1))).filter(lt(col("a"), lit(9)))
            .filter(ne(col("a"), lit(5))))
        .after("""
            Filter [(((a > 1) AND (a < 9)) AND (a <> 5))]
              Scan t [a]
            """);
  }

  @Test void leavesNonDeterministicFiltersApart() {
    tester.checkUnchanged(scan("t", "a DOUBLE").filter(gt(col("a"), lit(1.0))).filter(lt(rand(), lit(0.5))));
    tester.checkUnchanged(scan("t", "a DOUBLE").filter(lt(rand(), lit(0.5))).filter(gt(col("a"), lit(1.0))));
  }

  @Test void leavesASingleFilterAlone() {
    tester.checkUnchanged(scan("t", "a INT").filter(gt(col("a"), lit(1))));
  }
}
