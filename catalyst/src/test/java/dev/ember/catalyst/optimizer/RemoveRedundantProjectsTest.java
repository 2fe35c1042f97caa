package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;

import dev.ember.catalyst.RuleTester;
import org.junit.jupiter.api.Test;

class RemoveRedundantProjectsTest {
  private final RuleTester tester = RuleTester.of(new RemoveRedundantProjects());

  @Test void removesAnIdentityProjection() {
    tester.check(scan("t", "a INT", "b INT").project(col("a"), col("b")).filter(gt(col("a"), lit(1))))
        .before("""
            Filter [(a > 1)]
              Project [a, b]
                Scan t [a, b]
            """)
        .after("""
            Filter [(a > 1)]
              Scan t [a, b]
            """);
  }

  @Test void keepsProjectionsThatReorderDropRenameOrCompute() {
    tester.checkUnchanged(scan("t", "a INT", "b INT").project(col("b"), col("a")));
    tester.checkUnchanged(scan("t", "a INT", "b INT").project(col("a")));
    tester.checkUnchanged(scan("t", "a INT", "b INT").project(col("a").as("a"), col("b")));
    tester.checkUnchanged(scan("t", "a INT", "b INT").project(col("a"), add(col("b"), lit(0)).as("b")));
  }
}
