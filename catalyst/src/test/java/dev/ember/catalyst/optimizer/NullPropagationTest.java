package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;

import dev.ember.catalyst.RuleTester;
import dev.ember.catalyst.expr.Call;
import dev.ember.catalyst.plan.logical.JoinType;
import dev.ember.catalyst.types.DataType;
import org.junit.jupiter.api.Test;

class NullPropagationTest {
  private final RuleTester tester = RuleTester.of(new NullPropagation());

  @Test void arithmeticAndComparisonWithANullOperandAreNull() {
    tester.check(scan("t", "a INT", "b INT")
            .project(add(col("a"), nullOf(DataType.INT)).as("x"), eq(nullOf(DataType.INT), col("b")).as("y")))
        .before("""
            Project [(a + NULL) AS x, (NULL = b) AS y]
              Scan t [a, b]
            """)
        .after("""
            Project [NULL AS x, NULL AS y]
              Scan t [a, b]
            """);
  }

  @Test void nullTestsOfNonNullableExpressionsAreConstant() {
    tester.check(scan("t", "k INT NOT NULL", "a INT")
            .filter(and(isNotNull(add(col("k"), lit(1))), not(isNull(col("k"))), isNotNull(col("a")))))
        .after("""
            Filter [((true AND NOT false) AND (a IS NOT NULL))]
              Scan t [k, a]
            """);
  }

  @Test void coalesceDropsNullsAndEverythingAfterTheFirstNonNullableArgument() {
    tester.check(scan("t", "a INT", "k INT NOT NULL", "b INT")
            .project(call(Call.Fn.COALESCE, DataType.INT, nullOf(DataType.INT), col("a"), col("k"), col("b")).as("c"),
                call(Call.Fn.COALESCE, DataType.INT, nullOf(DataType.INT), col("k")).as("d")))
        .after("""
            Project [coalesce(a, k) AS c, k AS d]
              Scan t [a, k, b]
            """);
  }

  @Test void nullIntolerantFunctionsOfNullAreNull() {
    tester.check(scan("t", "s VARCHAR").filter(call(Call.Fn.STARTS_WITH, DataType.BOOLEAN, col("s"), nullOf(DataType.VARCHAR))))
        .after("""
            Filter [NULL]
              Scan t [s]
            """);
  }

  @Test void leavesConnectivesNullSafeOperatorsAndNullableColumnsAlone() {
    // NULL OR x may be TRUE; NULL AND x may be FALSE; a IS NULL depends on a.
    tester.checkUnchanged(scan("t", "a BOOLEAN", "b INT")
        .filter(and(or(nullOf(DataType.BOOLEAN), col("a")), isNull(col("b")))));
    tester.checkUnchanged(scan("t", "a INT").project(call(Call.Fn.COALESCE, DataType.INT, col("a"), lit(0)).as("c")));
  }

  @Test void aNonNullableColumnOfTheNullPaddedSideOfAnOuterJoinIsNotTrusted() {
    // x is NOT NULL in u, but a reference built before the LEFT join padded it may still say so.
    var t = scan("t", "a INT NOT NULL");
    var u = scan("u", "x INT NOT NULL");
    var staleRef = u.attr("x");
    tester.checkUnchanged(t.join(u, JoinType.LEFT, eq(col("a"), col("x"))).filter(isNull(of(staleRef))));
  }
}
