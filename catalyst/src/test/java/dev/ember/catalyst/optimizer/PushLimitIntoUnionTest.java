package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;

import dev.ember.catalyst.RuleTester;
import org.junit.jupiter.api.Test;

class PushLimitIntoUnionTest {
  private final RuleTester tester = RuleTester.of(new PushLimitIntoUnion());

  @Test void everyInputGetsALocalLimitCoveringTheOffset() {
    tester.check(scan("t", "a INT").unionAll(scan("u", "b INT").limit(3)).limit(10, 5))
        .before("""
            Limit [10 OFFSET 5]
              Union
                Scan t [a]
                Limit [3]
                  Scan u [b]
            """)
        .after("""
            Limit [10 OFFSET 5]
              Union
                Limit [15]
                  Scan t [a]
                Limit [3]
                  Scan u [b]
            """);
  }

  @Test void notForAnOffsetWithoutCountNorForInputsAlreadyThatSmall() {
    tester.checkUnchanged(scan("t", "a INT").unionAll(scan("u", "b INT")).limit(-1, 5));
    tester.checkUnchanged(scan("t", "a INT").limit(4).project(col("a")).unionAll(scan("u", "b INT").limit(2)).limit(5));
  }
}
