package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;
import static dev.ember.catalyst.TpchTables.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.catalyst.plan.logical.LogicalPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole optimizer runs over query-shaped plans, with every invariant checked. */
class OptimizerEndToEndTest {
  private final Optimizer optimizer = new Optimizer(Optimizer.Config.TESTING);

  /**
   * TPC-H Q5 as the front end converts it: comma joins of six tables, one WHERE conjunction,
   * a projection, a grouped sum and a sort.
   */
  static LogicalPlan q5() {
    return scan(CUSTOMER).join(scan(ORDERS)).join(scan(LINEITEM)).join(scan(SUPPLIER))
        .join(scan(NATION)).join(scan(REGION))
        .filter(and(
            eq(col("c_custkey"), col("o_custkey")),
            eq(col("l_orderkey"), col("o_orderkey")),
            eq(col("l_suppkey"), col("s_suppkey")),
            eq(col("c_nationkey"), col("s_nationkey")),
            eq(col("s_nationkey"), col("n_nationkey")),
            eq(col("n_regionkey"), col("r_regionkey")),
            eq(col("r_name"), lit("ASIA")),
            ge(col("o_orderdate"), date("1994-01-01")),
            lt(col("o_orderdate"), date("1995-01-01"))))
        .project(col("n_name"), mul(col("l_extendedprice"), sub(dec("1", 15, 2), col("l_discount"))).as("v"))
        .aggregate(List.of(col("n_name")), List.of(sum(col("v")).as("revenue")))
        .sort(desc(col("revenue")))
        .build();
  }

  @Test void q5BecomesEquiJoinsWithFiltersInScansAndPrunedColumns() {
    LogicalPlan plan = q5();
    LogicalPlan out = optimizer.optimize(plan);
    assertEquals("""
        Sort [revenue DESC NULLS FIRST]
          Aggregate [n_name] [sum(v) AS revenue]
            Project [n_name, (l_extendedprice * (1.00 - l_discount)) AS v]
              Join Inner [(n_regionkey = r_regionkey)]
                Project [l_extendedprice, l_discount, n_name, n_regionkey]
                  Join Inner [(s_nationkey = n_nationkey)]
                    Project [l_extendedprice, l_discount, s_nationkey]
                      Join Inner [((l_suppkey = s_suppkey) AND (c_nationkey = s_nationkey))]
                        Project [c_nationkey, l_suppkey, l_extendedprice, l_discount]
                          Join Inner [(l_orderkey = o_orderkey)]
                            Project [c_nationkey, o_orderkey]
                              Join Inner [(c_custkey = o_custkey)]
                                Scan customer [c_custkey, c_nationkey]
                                Project [o_orderkey, o_custkey]
                                  Scan orders [o_orderkey, o_custkey, o_orderdate], filters=[((o_orderdate >= DATE '1994-01-01') AND (o_orderdate < DATE '1995-01-01'))]
                            Scan lineitem [l_orderkey, l_suppkey, l_extendedprice, l_discount]
                        Scan supplier [s_suppkey, s_nationkey]
                    Scan nation [n_nationkey, n_name, n_regionkey]
                Project [r_regionkey]
                  Scan region [r_regionkey, r_name], filters=[(r_name = 'ASIA')]
        """, out.treeString());
    assertEquals(plan.output(), out.output());
  }
}
