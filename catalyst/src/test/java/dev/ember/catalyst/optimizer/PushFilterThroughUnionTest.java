package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;

import dev.ember.catalyst.RuleTester;
import org.junit.jupiter.api.Test;

class PushFilterThroughUnionTest {
  private final RuleTester tester = RuleTester.of(new PushFilterThroughUnion());

  @Test void copiesTheFilterIntoEveryInputWithItsColumns() {
    tester.check(scan("t", "a INT", "b INT").unionAll(scan("u", "x INT", "y INT"))
            .filter(and(gt(col("a"), lit(1)), lt(col("b"), col("a")))))
        .before("""
            Filter [((a > 1) AND (b < a))]
              Union
                Scan t [a, b]
                Scan u [x, y]
            """)
        .after("""
            Union
              Filter [((a > 1) AND (b < a))]
                Scan t [a, b]
              Filter [((x > 1) AND (y < x))]
                Scan u [x, y]
            """);
  }

  @Test void aNonDeterministicConjunctAndThoseAfterItStayAbove() {
    tester.check(scan("t", "a DOUBLE").unionAll(scan("u", "x DOUBLE"))
            .filter(and(gt(col("a"), lit(1.0)), lt(rand(), lit(0.5)), lt(col("a"), lit(9.0)))))
        .after("""
            Filter [((random() < 0.5) AND (a < 9.0))]
              Union
                Filter [(a > 1.0)]
                  Scan t [a]
                Filter [(x > 1.0)]
                  Scan u [x]
            """);
    tester.checkUnchanged(scan("t", "a DOUBLE").unionAll(scan("u", "x DOUBLE")).filter(lt(rand(), col("a"))));
  }
}
