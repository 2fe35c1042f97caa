package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;

import dev.ember.catalyst.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemoveRedundantAggregatesTest {
  private final RuleTester tester = RuleTester.of(new RemoveRedundantAggregates());

  @Test void aDistinctBelowDuplicateInsensitiveAggregatesGoes() {
    tester.check(scan("t", "k INT", "v INT").aggregate(List.of(col("k"), add(col("v"), lit(1)).as("w")), List.of())
            .aggregate(List.of(col("k")), List.of(max(col("w")).as("m"), min(col("w")).as("n"))))
        .before("""
            Aggregate [k] [max(w) AS m, min(w) AS n]
              Aggregate [k, (v + 1) AS w] []
                Scan t [k, v]
            """)
        .after("""
            Aggregate [k] [max((v + 1)) AS m, min((v + 1)) AS n]
              Scan t [k, v]
            """);
  }

  @Test void seesThroughAProjectionThatOnlyPassesColumns() {
    tester.check(scan("t", "k INT", "v INT").aggregate(List.of(col("k"), col("v")), List.of()).project(col("v"), col("k"))
            .aggregate(List.of(col("v")), List.of(max(col("k")).as("m"))))
        .after("""
            Aggregate [v] [max(k) AS m]
              Scan t [k, v]
            """);
  }

  @Test void keepsTheDistinctUnderCountsAndSums() {
    tester.checkUnchanged(scan("t", "k INT", "v INT").aggregate(List.of(col("k"), col("v")), List.of())
        .aggregate(List.of(col("k")), List.of(countStar().as("n"))));
    tester.checkUnchanged(scan("t", "k INT", "v INT").aggregate(List.of(col("k"), col("v")), List.of())
        .aggregate(List.of(col("k")), List.of(max(col("v")).as("m"), sum(col("v")).as("s"))));
    tester.checkUnchanged(scan("t", "k INT", "v INT").aggregate(List.of(col("k")), List.of(max(col("v")).as("m")))
        .aggregate(List.of(col("k")), List.of(max(col("m")).as("mm"))));
  }
}
