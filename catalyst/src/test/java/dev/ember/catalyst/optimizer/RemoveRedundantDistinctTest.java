package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;

import dev.ember.catalyst.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemoveRedundantDistinctTest {
  private final RuleTester tester = RuleTester.of(new RemoveRedundantDistinct(), new RemoveRedundantProjects());

  @Test void aDistinctOverAGroupByOfItsColumnsGoes() {
    tester.check(scan("t", "k INT", "v INT").aggregate(List.of(col("k")), List.of(sum(col("v")).as("s")))
            .filter(gt(col("s"), lit(1L))).aggregate(List.of(col("k"), col("s")), List.of()))
        .before("""
            Aggregate [k, s] []
              Filter [(s > 1L)]
                Aggregate [k] [sum(v) AS s]
                  Scan t [k, v]
            """)
        .after("""
            Filter [(s > 1L)]
              Aggregate [k] [sum(v) AS s]
                Scan t [k, v]
            """);
  }

  @Test void aDistinctOfRenamedKeysOrOfOneRowBecomesAProjection() {
    tester.check(scan("t", "k INT", "v INT").aggregate(List.of(col("k")), List.of(sum(col("v")).as("s")))
            .project(col("s"), col("k").as("key")).aggregate(List.of(col("key")), List.of()))
        .after("""
            Project [key]
              Project [s, k AS key]
                Aggregate [k] [sum(v) AS s]
                  Scan t [k, v]
            """);
    tester.check(scan("t", "v INT").aggregate(List.of(), List.of(sum(col("v")).as("s"))).aggregate(List.of(col("s")), List.of()))
        .after("""
            Aggregate [] [sum(v) AS s]
              Scan t [v]
            """);
  }

  @Test void keepsADistinctThatDropsTheKeyOrReadsAnInputThatMayRepeatRows() {
    tester.checkUnchanged(scan("t", "k INT", "v INT").aggregate(List.of(col("k")), List.of(sum(col("v")).as("s")))
        .aggregate(List.of(col("s")), List.of()));
    tester.checkUnchanged(scan("t", "k INT", "v INT").aggregate(List.of(col("k"), col("v")), List.of()));
    tester.checkUnchanged(scan("t", "k INT").aggregate(List.of(col("k")), List.of())
        .unionAll(scan("u", "x INT").aggregate(List.of(col("x")), List.of())).aggregate(List.of(col("k")), List.of()));
  }
}
