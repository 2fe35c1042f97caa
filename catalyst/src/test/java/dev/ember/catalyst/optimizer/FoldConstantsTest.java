package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;

import dev.ember.catalyst.RuleTester;
import dev.ember.catalyst.expr.Call;
import dev.ember.catalyst.types.DataType;
import org.junit.jupiter.api.Test;

class FoldConstantsTest {
  private final RuleTester tester = RuleTester.of(new FoldConstants());

  @Test void foldsConstantSubexpressions() {
    tester.check(scan("t", "a INT", "s VARCHAR")
            .filter(and(gt(col("a"), mul(lit(2), lit(3))), eq(col("s"), call(Call.Fn.UPPER, DataType.VARCHAR, lit("ab")))))
            .project(add(col("a"), add(lit(1), lit(2))).as("x")))
        .before("""
            Project [(a + (1 + 2)) AS x]
              Filter [((a > (2 * 3)) AND (s = upper('ab')))]
                Scan t [a, s]
            """)
        .after("""
            Project [(a + 3) AS x]
              Filter [((a > 6) AND (s = 'AB'))]
                Scan t [a, s]
            """);
  }

  @Test void foldsNullArithmeticToATypedNull() {
    tester.check(scan("t", "a INT").project(add(lit(1), nullOf(DataType.INT)).as("x")))
        .after("""
            Project [NULL AS x]
              Scan t [a]
            """);
  }

  @Test void foldsAWholeAliasedConstantButKeepsTheAlias() {
    tester.check(scan("t", "a INT").project(col("a"), add(lit(1), lit(2)).as("three")))
        .after("""
            Project [a, 3 AS three]
              Scan t [a]
            """);
  }

  @Test void leavesExpressionsThatFailForRunTime() {
    tester.checkUnchanged(scan("t", "a INT").filter(gt(col("a"), div(lit(1), lit(0)))));
    tester.checkUnchanged(scan("t", "a INT").filter(eq(col("a"), cast(lit("abc"), DataType.INT))));
  }

  @Test void leavesColumnsAndNonDeterministicOrClockExpressions() {
    tester.checkUnchanged(scan("t", "a DOUBLE").filter(gt(col("a"), rand())));
    tester.checkUnchanged(scan("t", "d DATE").filter(gt(col("d"), call(Call.Fn.CURRENT_DATE, DataType.DATE))));
    tester.checkUnchanged(scan("t", "a INT").filter(gt(add(col("a"), lit(1)), lit(2))));
  }

  @Test void foldsInsideAggregateArgumentsAndFilters() {
    tester.check(scan("t", "a INT").aggregate(java.util.List.of(),
            java.util.List.of(sum(add(col("a"), mul(lit(2), lit(3)))).filter(gt(col("a"), add(lit(1), lit(1)))).as("s"))))
        .after("""
            Aggregate [] [sum((a + 6)) FILTER (WHERE (a > 2)) AS s]
              Scan t [a]
            """);
  }
}
