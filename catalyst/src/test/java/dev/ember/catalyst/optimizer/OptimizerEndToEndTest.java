package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;
import static dev.ember.catalyst.TpchTables.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.catalyst.plan.logical.JoinType;
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

  /** TPC-H Q3: three comma-joined tables, filters on each side, top 10. */
  @Test void q3() {
    LogicalPlan plan = scan(CUSTOMER).join(scan(ORDERS)).join(scan(LINEITEM))
        .filter(and(
            eq(col("c_mktsegment"), lit("BUILDING")),
            eq(col("c_custkey"), col("o_custkey")),
            eq(col("l_orderkey"), col("o_orderkey")),
            lt(col("o_orderdate"), date("1995-03-15")),
            gt(col("l_shipdate"), date("1995-03-15"))))
        .project(col("l_orderkey"), col("o_orderdate"), col("o_shippriority"),
            mul(col("l_extendedprice"), sub(dec("1", 15, 2), col("l_discount"))).as("v"))
        .aggregate(List.of(col("l_orderkey"), col("o_orderdate"), col("o_shippriority")),
            List.of(sum(col("v")).as("revenue")))
        .project(col("l_orderkey"), col("revenue"), col("o_orderdate"), col("o_shippriority"))
        .sort(desc(col("revenue")), asc(col("o_orderdate")))
        .limit(10)
        .build();
    LogicalPlan out = optimizer.optimize(plan);
    assertEquals("""
        Limit [10]
          Sort [revenue DESC NULLS FIRST, o_orderdate ASC NULLS LAST]
            Project [l_orderkey, revenue, o_orderdate, o_shippriority]
              Aggregate [l_orderkey, o_orderdate, o_shippriority] [sum(v) AS revenue]
                Project [l_orderkey, o_orderdate, o_shippriority, (l_extendedprice * (1.00 - l_discount)) AS v]
                  Join Inner [(l_orderkey = o_orderkey)]
                    Project [o_orderkey, o_orderdate, o_shippriority]
                      Join Inner [(c_custkey = o_custkey)]
                        Project [c_custkey]
                          Scan customer [c_custkey, c_mktsegment], filters=[(c_mktsegment = 'BUILDING')]
                        Scan orders [o_orderkey, o_custkey, o_orderdate, o_shippriority], filters=[(o_orderdate < DATE '1995-03-15')]
                    Project [l_orderkey, l_extendedprice, l_discount]
                      Scan lineitem [l_orderkey, l_extendedprice, l_discount, l_shipdate], filters=[(l_shipdate > DATE '1995-03-15')]
        """, out.treeString());
    assertEquals(plan.output(), out.output());
  }

  /** TPC-H Q10: four comma-joined tables, grouped by many customer columns, top 20. */
  @Test void q10() {
    LogicalPlan plan = scan(CUSTOMER).join(scan(ORDERS)).join(scan(LINEITEM)).join(scan(NATION))
        .filter(and(
            eq(col("c_custkey"), col("o_custkey")),
            eq(col("l_orderkey"), col("o_orderkey")),
            ge(col("o_orderdate"), date("1993-10-01")),
            lt(col("o_orderdate"), date("1994-01-01")),
            eq(col("l_returnflag"), lit("R")),
            eq(col("c_nationkey"), col("n_nationkey"))))
        .project(col("c_custkey"), col("c_name"), col("c_acctbal"), col("c_phone"), col("n_name"),
            col("c_address"), col("c_comment"),
            mul(col("l_extendedprice"), sub(dec("1", 15, 2), col("l_discount"))).as("v"))
        .aggregate(List.of(col("c_custkey"), col("c_name"), col("c_acctbal"), col("c_phone"), col("n_name"),
            col("c_address"), col("c_comment")), List.of(sum(col("v")).as("revenue")))
        .project(col("c_custkey"), col("c_name"), col("revenue"), col("c_acctbal"), col("n_name"),
            col("c_address"), col("c_phone"), col("c_comment"))
        .sort(desc(col("revenue")))
        .limit(20)
        .build();
    LogicalPlan out = optimizer.optimize(plan);
    assertEquals("""
        Limit [20]
          Sort [revenue DESC NULLS FIRST]
            Project [c_custkey, c_name, revenue, c_acctbal, n_name, c_address, c_phone, c_comment]
              Aggregate [c_custkey, c_name, c_acctbal, c_phone, n_name, c_address, c_comment] [sum(v) AS revenue]
                Project [c_custkey, c_name, c_acctbal, c_phone, n_name, c_address, c_comment, (l_extendedprice * (1.00 - l_discount)) AS v]
                  Join Inner [(c_nationkey = n_nationkey)]
                    Project [c_custkey, c_name, c_address, c_nationkey, c_phone, c_acctbal, c_comment, l_extendedprice, l_discount]
                      Join Inner [(l_orderkey = o_orderkey)]
                        Project [c_custkey, c_name, c_address, c_nationkey, c_phone, c_acctbal, c_comment, o_orderkey]
                          Join Inner [(c_custkey = o_custkey)]
                            Scan customer [c_custkey, c_name, c_address, c_nationkey, c_phone, c_acctbal, c_comment]
                            Project [o_orderkey, o_custkey]
                              Scan orders [o_orderkey, o_custkey, o_orderdate], filters=[((o_orderdate >= DATE '1993-10-01') AND (o_orderdate < DATE '1994-01-01'))]
                        Project [l_orderkey, l_extendedprice, l_discount]
                          Scan lineitem [l_orderkey, l_extendedprice, l_discount, l_returnflag], filters=[(l_returnflag = 'R')]
                    Scan nation [n_nationkey, n_name]
        """, out.treeString());
    assertEquals(plan.output(), out.output());
  }

  /** Comma joins with WHERE equalities plan exactly like explicit JOIN … ON. */
  @Test void commaJoinsPlanLikeExplicitJoins() {
    LogicalPlan comma = scan(CUSTOMER).join(scan(ORDERS))
        .filter(and(eq(col("c_custkey"), col("o_custkey")), eq(col("c_mktsegment"), lit("BUILDING"))))
        .project(col("o_orderkey")).build();
    LogicalPlan explicit = scan(CUSTOMER)
        .join(scan(ORDERS), JoinType.INNER, eq(col("c_custkey"), col("o_custkey")))
        .filter(eq(col("c_mktsegment"), lit("BUILDING")))
        .project(col("o_orderkey")).build();
    assertEquals(optimizer.optimize(comma).treeString(), optimizer.optimize(explicit).treeString());
  }

  /** Folding feeds simplification: a true constant conjunct vanishes, a false one empties the plan. */
  @Test void constantConditionsFoldAway() {
    assertEquals("""
        Scan t [a], filters=[(a > 2)]
        """, optimizer.optimize(scan("t", "a INT", "b INT")
            .filter(and(eq(lit(1), lit(1)), gt(col("a"), add(lit(1), lit(1))))).project(col("a")).build()).treeString());
    assertEquals("""
        Project [a]
          Values [a, b] rows=0
        """, optimizer.optimize(scan("t", "a INT", "b INT")
            .filter(and(gt(col("a"), lit(1)), eq(lit(1), lit(0)))).project(col("a")).build()).treeString());
  }

  /** A WHERE on the padded side turns the LEFT join inner; then every filter reaches its scan. */
  @Test void outerJoinWithAFilterOnThePaddedSideBecomesInnerAndFiltersReachBothScans() {
    LogicalPlan plan = scan("t", "a INT", "b INT")
        .join(scan("u", "x INT", "y INT"), JoinType.LEFT, eq(col("a"), col("x")))
        .filter(and(gt(col("y"), lit(3)), eq(col("a"), lit(7))))
        .project(col("b"), col("y")).build();
    assertEquals("""
        Project [b, y]
          Join Inner [(a = x)]
            Scan t [a, b], filters=[(a = 7)]
            Scan u [x, y], filters=[(((y > 3) AND (x IS NOT NULL)) AND (x = 7))]
        """, optimizer.optimize(plan).treeString());
  }

  /** A limit over a projected sort becomes a top-N; a filter over a union reaches both scans. */
  @Test void topNUnderAProjectionAndFiltersIntoUnionInputs() {
    LogicalPlan plan = scan("t", "a INT", "b INT").unionAll(scan("u", "x INT", "y INT"))
        .filter(gt(col("b"), lit(0)))
        .sort(asc(col("a"))).project(add(col("a"), col("b")).as("s")).limit(5).build();
    assertEquals("""
        Project [(a + b) AS s]
          Limit [5]
            Sort [a ASC NULLS LAST]
              Union
                Scan t [a, b], filters=[(b > 0)]
                Scan u [x, y], filters=[(y > 0)]
        """, optimizer.optimize(plan).treeString());
  }
}
