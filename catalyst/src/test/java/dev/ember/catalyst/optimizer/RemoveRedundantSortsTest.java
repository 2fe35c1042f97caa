package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;

import dev.ember.catalyst.RuleTester;
import dev.ember.catalyst.plan.logical.JoinType;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemoveRedundantSortsTest {
  private final RuleTester tester = RuleTester.of(new RemoveRedundantSorts());

  @Test void aSortBelowAnotherSortGoes() {
    tester.check(scan("t", "a INT", "b INT").sort(asc(col("a"))).filter(gt(col("a"), lit(1))).sort(asc(col("b"))))
        .before("""
            Sort [b ASC NULLS LAST]
              Filter [(a > 1)]
                Sort [a ASC NULLS LAST]
                  Scan t [a, b]
            """)
        .after("""
            Sort [b ASC NULLS LAST]
              Filter [(a > 1)]
                Scan t [a, b]
            """);
  }

  @Test void sortsBelowAggregatesAndJoinsAndOfOneRowGo() {
    tester.check(scan("t", "a INT", "b INT").sort(asc(col("b"))).project(col("a"))
            .join(scan("u", "x INT").sort(desc(col("x"))), JoinType.INNER, eq(col("a"), col("x")))
            .aggregate(List.of(), List.of(countStar().as("n"))).sort(asc(col("n"))))
        .after("""
            Aggregate [] [count(*) AS n]
              Join Inner [(a = x)]
                Project [a]
                  Scan t [a, b]
                Scan u [x]
            """);
  }

  @Test void aSortUnderALimitOrARandomFilterStays() {
    tester.checkUnchanged(scan("t", "a INT").sort(asc(col("a"))).limit(5).sort(desc(col("a"))));
    tester.checkUnchanged(scan("t", "a DOUBLE").sort(asc(col("a"))).filter(lt(rand(), col("a")))
        .aggregate(List.of(), List.of(countStar().as("n"))));
    tester.checkUnchanged(scan("t", "a INT").sort(asc(col("a"))));
  }
}
