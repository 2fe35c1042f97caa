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

  /**
   * The cost-based reorder runs first and may build a bushy tree whose first relation is not
   * connected to the second: flattening it into the written order would undo the choice (TPC-H Q9
   * became partsupp ⋈ lineitem first, 24 M estimated rows, instead of lineitem ⋈ part).
   */
  @Test void keepsABushyTreeWithoutCrossProducts() {
    var partAndLineitem = scan("lineitem", "l_partkey BIGINT", "l_orderkey BIGINT")
        .join(scan("part", "p_partkey BIGINT"), JoinType.INNER, eq(col("l_partkey"), col("p_partkey")));
    tester.checkUnchanged(scan("partsupp", "ps_partkey BIGINT").join(
        scan("orders", "o_orderkey BIGINT").join(partAndLineitem, JoinType.INNER, eq(col("o_orderkey"), col("l_orderkey"))),
        JoinType.INNER, eq(col("ps_partkey"), col("l_partkey"))));
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
