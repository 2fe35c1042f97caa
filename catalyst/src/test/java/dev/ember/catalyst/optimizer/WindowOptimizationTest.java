package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.catalyst.PlanBuilder;
import dev.ember.catalyst.RuleTester;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.NamedWindow;
import dev.ember.catalyst.expr.SortOrder;
import dev.ember.catalyst.expr.WindowFrame;
import dev.ember.catalyst.expr.WindowFunction;
import dev.ember.catalyst.expr.WindowFunction.WinFn;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Window;
import dev.ember.catalyst.types.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Optimizing around a Window: its input is narrowed, and filters on its results stay above it. */
class WindowOptimizationTest {
  /** {@code SELECT …, sum(b) OVER (PARTITION BY a ORDER BY c) AS s FROM t}. */
  private static PlanBuilder windowed() {
    LogicalPlan t = scan("t", "a INT", "b BIGINT", "c INT", "d INT").build();
    AttributeRef a = t.output().get(0), b = t.output().get(1), c = t.output().get(2);
    NamedWindow sum = NamedWindow.of(new WindowFunction(WinFn.SUM, List.of(b), DataType.BIGINT),
        WindowFrame.RANGE_TO_CURRENT, "s");
    return PlanBuilder.of(new Window(List.of(sum), List.of(a), List.of(SortOrder.asc(c)), t));
  }

  @Test void theInputKeepsOnlyColumnsReadAboveOrByTheWindow() {
    RuleTester.of(new PruneColumns()).check(windowed().project(col("a"), col("s")))
        .before("""
            Project [a, s]
              Window [sum(b) RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW AS s] partitionBy=[a] orderBy=[c ASC NULLS LAST]
                Scan t [a, b, c, d]
            """)
        .after("""
            Project [a, s]
              Window [sum(b) RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW AS s] partitionBy=[a] orderBy=[c ASC NULLS LAST]
                Scan t [a, b, c]
            """);
  }

  @Test void aFilterOnTheWindowsResultOrInputIsNotPushedBelowIt() {
    // Filtering the input first would change which rows each window sees.
    LogicalPlan plan = windowed().project(col("a"), col("d"), col("s")).filter(and(gt(col("s"), lit(1L)), gt(col("d"), lit(0)))).build();
    assertEquals("""
        Project [a, d, s]
          Filter [((s > 1L) AND (d > 0))]
            Window [sum(b) RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW AS s] partitionBy=[a] orderBy=[c ASC NULLS LAST]
              Scan t [a, b, c, d]
        """, new Optimizer(Optimizer.Config.TESTING).optimize(plan).treeString());
  }

  @Test void aWindowWhoseResultNobodyReadsGoes() {
    RuleTester.of(new PruneColumns()).check(windowed().project(col("a"), col("d")))
        .after("""
            Project [a, d]
              Scan t [a, d]
            """);
  }

  @Test void aFilterOnPartitionKeysGoesBelowTheWindow() {
    LogicalPlan plan = windowed().filter(and(eq(col("a"), lit(1)), gt(col("s"), lit(0L)))).project(col("a"), col("s")).build();
    assertEquals("""
        Project [a, s]
          Filter [(s > 0L)]
            Window [sum(b) RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW AS s] partitionBy=[a] orderBy=[c ASC NULLS LAST]
              Scan t [a, b, c], filters=[(a = 1)]
        """, new Optimizer(Optimizer.Config.TESTING).optimize(plan).treeString());
  }
}
