package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;

import dev.ember.catalyst.RuleTester;
import dev.ember.catalyst.plan.logical.JoinType;
import org.junit.jupiter.api.Test;

class ReorderJoinsAvoidingCrossProductsTest {
  private final RuleTester tester = RuleTester.of(new ReorderJoinsAvoidingCrossProducts());

  @Test void movesTheUnconnectedRelationAfterTheOneThatConnectsIt() {
    tester.check(scan("part", "p_partkey BIGINT").join(scan("supplier", "s_suppkey BIGINT"))
            .join(scan("lineitem", "l_partkey BIGINT", "l_suppkey BIGINT"), JoinType.INNER,
                and(eq(col("s_suppkey"), col("l_suppkey")), eq(col("p_partkey"), col("l_partkey")))))
        .before("""
            Join Inner [((s_suppkey = l_suppkey) AND (p_partkey = l_partkey))]
              Join Inner
                Scan part [p_partkey]
                Scan supplier [s_suppkey]
              Scan lineitem [l_partkey, l_suppkey]
            """)
        .after("""
            Project [p_partkey, s_suppkey, l_partkey, l_suppkey]
              Join Inner [(s_suppkey = l_suppkey)]
                Join Inner [(p_partkey = l_partkey)]
                  Scan part [p_partkey]
                  Scan lineitem [l_partkey, l_suppkey]
                Scan supplier [s_suppkey]
            """);
  }

  @Test void keepsAnOrderThatIsAlreadyConnected() {
    tester.checkUnchanged(scan("a", "x INT").join(scan("b", "y INT"), JoinType.INNER, eq(col("x"), col("y")))
        .join(scan("c", "z INT"), JoinType.INNER, eq(col("y"), col("z"))));
  }

  @Test void leavesOuterJoinsInPlace() {
    tester.checkUnchanged(scan("a", "x INT").join(scan("b", "y INT"), JoinType.LEFT, eq(col("x"), lit(1)))
        .join(scan("c", "z INT"), JoinType.LEFT, eq(col("x"), col("z"))));
  }

  @Test void aRelationNothingConnectsStaysACrossProductAtTheEnd() {
    tester.check(scan("a", "x INT").join(scan("lonely", "w INT")).join(scan("b", "y INT"), JoinType.INNER,
            eq(col("x"), col("y"))))
        .after("""
            Project [x, w, y]
              Join Inner
                Join Inner [(x = y)]
                  Scan a [x]
                  Scan b [y]
                Scan lonely [w]
            """);
  }
}
