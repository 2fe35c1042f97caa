package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;

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

class PushFilterThroughWindowTest {
  private final RuleTester tester = RuleTester.of(new PushFilterThroughWindow());

  /** {@code rank() OVER (PARTITION BY k ORDER BY v) AS r} over t(k, v, w). */
  static PlanBuilder ranked() {
    LogicalPlan t = scan("t", "k INT", "v INT", "w INT").build();
    AttributeRef k = t.output().get(0), v = t.output().get(1);
    NamedWindow rank = NamedWindow.of(new WindowFunction(WinFn.RANK, List.of(), DataType.INT),
        WindowFrame.RANGE_TO_CURRENT, "r");
    return PlanBuilder.of(new Window(List.of(rank), List.of(k), List.of(SortOrder.asc(v)), t));
  }

  @Test void movesConjunctsOnPartitionKeysBelow() {
    tester.check(ranked().filter(and(eq(col("k"), lit(1)), lt(col("r"), lit(3)))))
        .before("""
            Filter [((k = 1) AND (r < 3))]
              Window [rank() AS r] partitionBy=[k] orderBy=[v ASC NULLS LAST]
                Scan t [k, v, w]
            """)
        .after("""
            Filter [(r < 3)]
              Window [rank() AS r] partitionBy=[k] orderBy=[v ASC NULLS LAST]
                Filter [(k = 1)]
                  Scan t [k, v, w]
            """);
  }

  @Test void keepsConjunctsOnOtherColumnsResultsOrAfterRandomOnes() {
    // w > 0 would drop rows the rank of other rows counts; the window result exists only above.
    tester.checkUnchanged(ranked().filter(and(gt(col("w"), lit(0)), lt(col("r"), lit(3)))));
    tester.checkUnchanged(ranked().filter(gt(add(col("k"), col("v")), lit(0))));
    tester.checkUnchanged(ranked().filter(and(lt(rand(), lit(0.5)), eq(col("k"), lit(1)))));
  }
}
