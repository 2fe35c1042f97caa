package dev.ember.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The plans of TPC-H Q1, Q3, Q5, Q6 and Q10 as converted (before any optimization): joins as
 * written, filters above them, computed aggregate inputs in a Project below the Aggregate.
 */
class TpchPlanTest {
  @Test void q1() {
    assertEquals("""
        Sort [l_returnflag ASC NULLS LAST, l_linestatus ASC NULLS LAST]
          Aggregate [l_returnflag, l_linestatus] [sum(l_quantity) AS sum_qty, sum(l_extendedprice) AS sum_base_price, sum($f4) AS sum_disc_price, sum($f5) AS sum_charge, avg(l_quantity) AS avg_qty, avg(l_extendedprice) AS avg_price, avg(l_discount) AS avg_disc, count(*) AS count_order]
            Project [l_returnflag, l_linestatus, l_quantity, l_extendedprice, (l_extendedprice * (1 - l_discount)) AS $f4, ((l_extendedprice * (1 - l_discount)) * (1 + l_tax)) AS $f5, l_discount]
              Filter [(l_shipdate <= (DATE '1998-12-01' - INTERVAL '7776000000000' MICROSECOND))]
                Scan tpch.tiny.lineitem [l_orderkey, l_partkey, l_suppkey, l_linenumber, l_quantity, l_extendedprice, l_discount, l_tax, l_returnflag, l_linestatus, l_shipdate, l_commitdate, l_receiptdate, l_shipinstruct, l_shipmode, l_comment]
        """, Tests.plan(Tpch.query(1)));
  }

  @Test void q3() {
    assertEquals("""
        Limit [10]
          Sort [revenue DESC NULLS FIRST, o_orderdate ASC NULLS LAST]
            Project [l_orderkey, revenue, o_orderdate, o_shippriority]
              Aggregate [l_orderkey, o_orderdate, o_shippriority] [sum($f3) AS revenue]
                Project [l_orderkey, o_orderdate, o_shippriority, (l_extendedprice * (1 - l_discount)) AS $f3]
                  Filter [(((((c_mktsegment = 'BUILDING') AND (c_custkey = o_custkey)) AND (l_orderkey = o_orderkey)) AND (o_orderdate < DATE '1995-03-15')) AND (l_shipdate > DATE '1995-03-15'))]
                    Join Inner
                      Join Inner
                        Scan tpch.tiny.customer [c_custkey, c_name, c_address, c_nationkey, c_phone, c_acctbal, c_mktsegment, c_comment]
                        Scan tpch.tiny.orders [o_orderkey, o_custkey, o_orderstatus, o_totalprice, o_orderdate, o_orderpriority, o_clerk, o_shippriority, o_comment]
                      Scan tpch.tiny.lineitem [l_orderkey, l_partkey, l_suppkey, l_linenumber, l_quantity, l_extendedprice, l_discount, l_tax, l_returnflag, l_linestatus, l_shipdate, l_commitdate, l_receiptdate, l_shipinstruct, l_shipmode, l_comment]
        """, Tests.plan(Tpch.query(3)));
  }

  @Test void q5() {
    assertEquals("""
        Sort [revenue DESC NULLS FIRST]
          Aggregate [n_name] [sum($f1) AS revenue]
            Project [n_name, (l_extendedprice * (1 - l_discount)) AS $f1]
              Filter [(((((((((c_custkey = o_custkey) AND (l_orderkey = o_orderkey)) AND (l_suppkey = s_suppkey)) AND (c_nationkey = s_nationkey)) AND (s_nationkey = n_nationkey)) AND (n_regionkey = r_regionkey)) AND (r_name = 'ASIA')) AND (o_orderdate >= DATE '1994-01-01')) AND (o_orderdate < (DATE '1994-01-01' + INTERVAL '12' MONTH)))]
                Join Inner
                  Join Inner
                    Join Inner
                      Join Inner
                        Join Inner
                          Scan tpch.tiny.customer [c_custkey, c_name, c_address, c_nationkey, c_phone, c_acctbal, c_mktsegment, c_comment]
                          Scan tpch.tiny.orders [o_orderkey, o_custkey, o_orderstatus, o_totalprice, o_orderdate, o_orderpriority, o_clerk, o_shippriority, o_comment]
                        Scan tpch.tiny.lineitem [l_orderkey, l_partkey, l_suppkey, l_linenumber, l_quantity, l_extendedprice, l_discount, l_tax, l_returnflag, l_linestatus, l_shipdate, l_commitdate, l_receiptdate, l_shipinstruct, l_shipmode, l_comment]
                      Scan tpch.tiny.supplier [s_suppkey, s_name, s_address, s_nationkey, s_phone, s_acctbal, s_comment]
                    Scan tpch.tiny.nation [n_nationkey, n_name, n_regionkey, n_comment]
                  Scan tpch.tiny.region [r_regionkey, r_name, r_comment]
        """, Tests.plan(Tpch.query(5)));
  }

  @Test void q6() {
    assertEquals("""
        Aggregate [] [sum($f0) AS revenue]
          Project [(l_extendedprice * l_discount) AS $f0]
            Filter [(((((l_shipdate >= DATE '1994-01-01') AND (l_shipdate < (DATE '1994-01-01' + INTERVAL '12' MONTH))) AND (l_discount >= CAST((0.06 - 0.01) AS DECIMAL(15,2)))) AND (l_discount <= CAST((0.06 + 0.01) AS DECIMAL(15,2)))) AND (l_quantity < 24.00))]
              Scan tpch.tiny.lineitem [l_orderkey, l_partkey, l_suppkey, l_linenumber, l_quantity, l_extendedprice, l_discount, l_tax, l_returnflag, l_linestatus, l_shipdate, l_commitdate, l_receiptdate, l_shipinstruct, l_shipmode, l_comment]
        """, Tests.plan(Tpch.query(6)));
  }

  @Test void q10() {
    assertEquals("""
        Limit [20]
          Sort [revenue DESC NULLS FIRST]
            Project [c_custkey, c_name, revenue, c_acctbal, n_name, c_address, c_phone, c_comment]
              Aggregate [c_custkey, c_name, c_acctbal, c_phone, n_name, c_address, c_comment] [sum($f7) AS revenue]
                Project [c_custkey, c_name, c_acctbal, c_phone, n_name, c_address, c_comment, (l_extendedprice * (1 - l_discount)) AS $f7]
                  Filter [((((((c_custkey = o_custkey) AND (l_orderkey = o_orderkey)) AND (o_orderdate >= DATE '1993-10-01')) AND (o_orderdate < (DATE '1993-10-01' + INTERVAL '3' MONTH))) AND (l_returnflag = 'R')) AND (c_nationkey = n_nationkey))]
                    Join Inner
                      Join Inner
                        Join Inner
                          Scan tpch.tiny.customer [c_custkey, c_name, c_address, c_nationkey, c_phone, c_acctbal, c_mktsegment, c_comment]
                          Scan tpch.tiny.orders [o_orderkey, o_custkey, o_orderstatus, o_totalprice, o_orderdate, o_orderpriority, o_clerk, o_shippriority, o_comment]
                        Scan tpch.tiny.lineitem [l_orderkey, l_partkey, l_suppkey, l_linenumber, l_quantity, l_extendedprice, l_discount, l_tax, l_returnflag, l_linestatus, l_shipdate, l_commitdate, l_receiptdate, l_shipinstruct, l_shipmode, l_comment]
                      Scan tpch.tiny.nation [n_nationkey, n_name, n_regionkey, n_comment]
        """, Tests.plan(Tpch.query(10)));
  }
}
