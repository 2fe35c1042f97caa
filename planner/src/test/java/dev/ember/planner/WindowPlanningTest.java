package dev.ember.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.catalyst.PlanBuilder;
import dev.ember.catalyst.TestTable;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.NamedWindow;
import dev.ember.catalyst.expr.SortOrder;
import dev.ember.catalyst.expr.WindowFrame;
import dev.ember.catalyst.expr.WindowFunction;
import dev.ember.catalyst.expr.WindowFunction.WinFn;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.PlanPrinter;
import dev.ember.catalyst.plan.logical.Window;
import dev.ember.catalyst.stats.Statistics;
import dev.ember.catalyst.types.DataType;
import dev.ember.planner.physical.PhysicalPlan;
import dev.ember.planner.strategy.PhysicalPlanner;
import dev.ember.planner.strategy.PlannerConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Window planning: the child is clustered on the partition keys, or gathered without any. */
class WindowPlanningTest {
  private static final PhysicalPlanner PLANNER = new PhysicalPlanner(new PlannerConfig(4, 1000));
  private static final LogicalPlan BIG = PlanBuilder.scan(TestTable.of("big", "k BIGINT", "v INT")
      .withStatistics(Statistics.of(1_000_000, 16_000_000))).build();
  private static final AttributeRef K = BIG.output().get(0), V = BIG.output().get(1);

  private static String plan(LogicalPlan p) { return PlanPrinter.print(PLANNER.plan(p), PhysicalPlan::describe); }

  private static NamedWindow rowNumber() {
    return NamedWindow.of(new WindowFunction(WinFn.ROW_NUMBER, List.of(), DataType.BIGINT), WindowFrame.RANGE_TO_CURRENT, "rn");
  }

  @Test void partitionedWindowsShuffleOnTheirKeys() {
    NamedWindow sum = NamedWindow.of(new WindowFunction(WinFn.SUM, List.of(V), DataType.BIGINT),
        new WindowFrame(true, WindowFrame.Bound.preceding(2), WindowFrame.Bound.CURRENT_ROW), "s");
    assertEquals("""
        Window [row_number() AS rn, sum(v) ROWS BETWEEN 2 PRECEDING AND CURRENT ROW AS s] partitionBy=[k] orderBy=[v ASC NULLS LAST]
          Exchange hash(k, 4)
            Scan big [k, v]
        """, plan(new Window(List.of(rowNumber(), sum), List.of(K), List.of(SortOrder.asc(V)), BIG)));
  }

  @Test void withoutPartitionByAllRowsGoToOnePartitionAndComputedKeysAreProjectedAway() {
    Expr bucket = new BinaryOp(BinaryOp.Op.MODULO, K, new Literal(10L, DataType.BIGINT), DataType.BIGINT);
    assertEquals("""
        Project [k, v, rn]
          Window [row_number() AS rn] partitionBy=[] orderBy=[wkey0 DESC NULLS FIRST]
            Exchange single
              Project [k, v, (k % 10L) AS wkey0]
                Scan big [k, v]
        """, plan(new Window(List.of(rowNumber()), List.of(), List.of(SortOrder.desc(bucket)), BIG)));
  }
}
