package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;

import dev.ember.catalyst.RuleTester;
import dev.ember.catalyst.types.DataType;
import org.junit.jupiter.api.Test;

class SimplifyCastsTest {
  private final RuleTester tester = RuleTester.of(new SimplifyCasts());

  @Test void dropsACastToTheSameType() {
    tester.check(scan("t", "a INT").filter(gt(cast(col("a"), DataType.INT), lit(1))))
        .before("""
            Filter [(CAST(a AS INT) > 1)]
              Scan t [a]
            """)
        .after("""
            Filter [(a > 1)]
              Scan t [a]
            """);
  }

  @Test void collapsesACastOfALosslessWidening() {
    tester.check(scan("t", "i INT", "d DECIMAL(7,2)")
            .project(cast(cast(col("i"), DataType.BIGINT), DataType.DOUBLE).as("x"),
                cast(cast(col("d"), DataType.decimal(15, 2)), DataType.decimal(12, 4)).as("y"),
                cast(cast(col("i"), DataType.BIGINT), DataType.INT).as("z")))
        .after("""
            Project [CAST(i AS DOUBLE) AS x, CAST(d AS DECIMAL(12,4)) AS y, i AS z]
              Scan t [i, d]
            """);
  }

  @Test void keepsNarrowingAndTextCasts() {
    // BIGINT to INT may overflow; DOUBLE to INT rounds; FLOAT widened to DOUBLE prints differently.
    tester.checkUnchanged(scan("t", "b BIGINT", "f FLOAT", "x DOUBLE")
        .project(cast(cast(col("b"), DataType.INT), DataType.BIGINT).as("p"),
            cast(cast(col("x"), DataType.INT), DataType.BIGINT).as("q"),
            cast(cast(col("f"), DataType.DOUBLE), DataType.VARCHAR).as("r"),
            cast(cast(col("b"), DataType.DOUBLE), DataType.decimal(38, 0)).as("s")));
  }
}
