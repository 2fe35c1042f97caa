package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;

import dev.ember.catalyst.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class PushFilterThroughAggregateTest {
  private final RuleTester tester = RuleTester.of(new PushFilterThroughAggregate());

  @Test void movesGroupingOnlyConjunctsBelow() {
    tester.check(scan("t", "k INT", "v INT").aggregate(List.of(col("k")), List.of(sum(col("v")).as("s")))
            .filter(and(gt(col("k"), lit(1)), gt(col("s"), lit(10L)))))
        .before("""
            Filter [((k > 1) AND (s > 10L))]
              Aggregate [k] [sum(v) AS s]
                Scan t [k, v]
            """)
        .after("""
            Filter [(s > 10L)]
              Aggregate [k] [sum(v) AS s]
                Filter [(k > 1)]
                  Scan t [k, v]
            """);
  }

  @Test void substitutesAliasedGroupings() {
    tester.check(scan("t", "k INT", "v INT")
            .aggregate(List.of(add(col("k"), lit(1)).as("g")), List.of(countStar().as("n")))
            .filter(eq(col("g"), lit(3))))
        .after("""
            Aggregate [(k + 1) AS g] [count(*) AS n]
              Filter [((k + 1) = 3)]
                Scan t [k, v]
            """);
  }

  @Test void keepsConstantConjunctsOverAGlobalAggregate() {
    tester.checkUnchanged(scan("t", "v INT").aggregate(List.of(), List.of(countStar().as("n"))).filter(lit(false)));
  }

  @Test void keepsConjunctsOnAggregatesAndNonDeterministicOnes() {
    tester.checkUnchanged(scan("t", "k INT", "v INT").aggregate(List.of(col("k")), List.of(sum(col("v")).as("s")))
        .filter(gt(col("s"), lit(10L))));
    tester.checkUnchanged(scan("t", "k DOUBLE", "v INT").aggregate(List.of(col("k")), List.of(sum(col("v")).as("s")))
        .filter(and(lt(rand(), lit(0.5)), gt(col("k"), lit(1.0)))));
  }
}
