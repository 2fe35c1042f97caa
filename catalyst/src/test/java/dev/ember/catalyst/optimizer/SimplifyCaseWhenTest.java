package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;

import dev.ember.catalyst.DslExpr;
import dev.ember.catalyst.RuleTester;
import dev.ember.catalyst.expr.CaseWhen;
import dev.ember.catalyst.types.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimplifyCaseWhenTest {
  private final RuleTester tester = RuleTester.of(new SimplifyCaseWhen());

  /** {@code CASE WHEN c1 THEN v1 … ELSE e END} of INT. */
  private static DslExpr caseWhen(DslExpr c1, DslExpr v1, DslExpr c2, DslExpr v2, DslExpr otherwise) {
    return s -> new CaseWhen(List.of(c1.resolve(s), c2.resolve(s)), List.of(v1.resolve(s), v2.resolve(s)),
        otherwise.resolve(s), DataType.INT);
  }

  @Test void dropsFalseAndNullBranches() {
    tester.check(scan("t", "a INT").project(
            caseWhen(lit(false), lit(1), nullOf(DataType.BOOLEAN), lit(2), col("a")).as("x"),
            caseWhen(lit(false), lit(1), gt(col("a"), lit(0)), lit(2), lit(3)).as("y")))
        .before("""
            Project [CASE WHEN false THEN 1 WHEN NULL THEN 2 ELSE a END AS x, CASE WHEN false THEN 1 WHEN (a > 0) THEN 2 ELSE 3 END AS y]
              Scan t [a]
            """)
        .after("""
            Project [a AS x, CASE WHEN (a > 0) THEN 2 ELSE 3 END AS y]
              Scan t [a]
            """);
  }

  @Test void aTrueBranchEndsTheCase() {
    tester.check(scan("t", "a INT").project(
            caseWhen(lit(true), lit(1), gt(col("a"), lit(0)), lit(2), col("a")).as("x"),
            caseWhen(gt(col("a"), lit(0)), lit(1), lit(true), lit(2), col("a")).as("y")))
        .after("""
            Project [1 AS x, CASE WHEN (a > 0) THEN 1 ELSE 2 END AS y]
              Scan t [a]
            """);
  }

  @Test void identicalBranchesAreTheirValue() {
    tester.check(scan("t", "a INT").project(caseWhen(gt(col("a"), lit(0)), col("a"), lt(col("a"), lit(-5)), col("a"), col("a")).as("x")))
        .after("""
            Project [a AS x]
              Scan t [a]
            """);
  }

  @Test void keepsCasesThatDependOnTheRow() {
    tester.checkUnchanged(scan("t", "a INT").project(
        caseWhen(gt(col("a"), lit(0)), lit(1), lt(col("a"), lit(-5)), lit(1), lit(2)).as("x")));
  }
}
