package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.catalyst.DslExpr;
import dev.ember.catalyst.PlanBuilder;
import dev.ember.catalyst.RuleTester;
import dev.ember.catalyst.types.DataType;
import org.junit.jupiter.api.Test;

class SimplifyBooleansTest {
  private final RuleTester tester = RuleTester.of(new SimplifyBooleans());

  private static PlanBuilder t() { return scan("t", "a INT", "b BOOLEAN"); }

  /** The filter condition after simplification, rendered. */
  private String simplified(DslExpr cond) {
    return tester.run(t().filter(or(cond, col("b"))).build()).treeString().lines().findFirst().orElseThrow();
  }

  @Test void neutralAndAbsorbingOperands() {
    DslExpr x = gt(col("a"), lit(1));
    assertEquals("Filter [((a > 1) OR b)]", simplified(and(lit(true), x)));
    assertEquals("Filter [((a > 1) OR b)]", simplified(and(x, lit(true))));
    assertEquals("Filter [b]", simplified(and(lit(false), x)));
    assertEquals("Filter [b]", simplified(and(x, lit(false))));
    assertEquals("Filter [((a > 1) OR b)]", simplified(or(lit(false), x)));
    assertEquals("Filter [((a > 1) OR b)]", simplified(and(x, x)));
    assertEquals("Filter [((a > 1) OR b)]", simplified(not(not(x))));
    assertEquals("Filter [b]", simplified(not(lit(true))));
  }

  @Test void orWithTrueRemovesTheFilter() {
    tester.check(t().filter(or(gt(col("a"), lit(1)), lit(true))).project(col("a")))
        .after("""
            Project [a]
              Scan t [a, b]
            """);
  }

  @Test void aFalseOrNullFilterBecomesEmptyValues() {
    tester.check(t().filter(and(gt(col("a"), lit(1)), lit(false))))
        .after("""
            Values [a, b] rows=0
            """);
    tester.check(t().filter(nullOf(DataType.BOOLEAN)))
        .after("""
            Values [a, b] rows=0
            """);
  }

  @Test void leavesWhatIsNotExactUnderThreeValuedLogic() {
    tester.checkUnchanged(t().filter(and(nullOf(DataType.BOOLEAN), col("b"))));
    tester.checkUnchanged(t().filter(or(nullOf(DataType.BOOLEAN), col("b"))));
    tester.checkUnchanged(t().filter(not(gt(col("a"), lit(1)))));
    tester.checkUnchanged(t().filter(and(lt(rand(), lit(0.5)), lt(rand(), lit(0.5)))).project(col("a")));
  }
}
