package dev.ember.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.QueryResult;
import dev.ember.catalyst.errors.EmberException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Window functions give DuckDB's answers over the TPC-H tables at SF 0.01: every function,
 * partitions with and without ORDER BY, ROWS frames with offsets, RANGE default frames with
 * peers, NULL partition and order keys, windows over aggregates and several windows per query.
 * Window results are only compared where they are determined: order keys are unique within a
 * partition unless the function treats peers alike (rank, running sums, cume_dist).
 */
class WindowFunctionsTest extends TinyParquetComparison {
  private static final String NULLS = "(VALUES (1, 10, 'a'), (1, NULL, 'b'), (NULL, 5, 'c'), (NULL, NULL, 'd'), "
      + "(2, 3, 'e'), (2, 3, 'f'), (2, 7, 'g'), (1, 10, 'h')) t(k, v, s)";

  static Stream<String> queries() {
    return Stream.of(
        "SELECT n_regionkey, n_name, row_number() OVER (PARTITION BY n_regionkey ORDER BY n_name) AS rn FROM nation ORDER BY n_regionkey, rn",
        "SELECT n_nationkey, sum(n_nationkey) OVER (PARTITION BY n_regionkey ORDER BY n_nationkey RANGE BETWEEN 6 PRECEDING AND 2 FOLLOWING) AS s "
            + "FROM nation ORDER BY n_nationkey",
        "SELECT c_custkey, rank() OVER (ORDER BY c_nationkey) AS r, dense_rank() OVER (ORDER BY c_nationkey) AS d FROM customer ORDER BY c_custkey",
        "SELECT o_orderkey, percent_rank() OVER (PARTITION BY o_orderpriority ORDER BY o_orderdate) AS pr, "
            + "cume_dist() OVER (PARTITION BY o_orderpriority ORDER BY o_orderdate) AS cd FROM orders WHERE o_orderkey < 2000 ORDER BY o_orderkey",
        "SELECT n_nationkey, ntile(4) OVER (ORDER BY n_nationkey) AS q, ntile(3) OVER (PARTITION BY n_regionkey ORDER BY n_nationkey) AS t, "
            + "ntile(40) OVER (ORDER BY n_nationkey) AS many FROM nation ORDER BY n_nationkey",
        "SELECT o_orderkey, lag(o_totalprice) OVER (PARTITION BY o_custkey ORDER BY o_orderkey) AS prev_price, "
            + "lead(o_orderdate, 2) OVER (PARTITION BY o_custkey ORDER BY o_orderkey) AS next2, "
            + "lag(o_orderkey, 1, -1) OVER (ORDER BY o_orderkey) AS lagged FROM orders WHERE o_custkey < 50 ORDER BY o_orderkey",
        "SELECT c_custkey, count(*) OVER (PARTITION BY c_nationkey) AS n, sum(c_acctbal) OVER (PARTITION BY c_nationkey) AS s, "
            + "avg(c_acctbal) OVER (PARTITION BY c_nationkey) AS a, min(c_acctbal) OVER (PARTITION BY c_nationkey) AS lo, "
            + "max(c_name) OVER (PARTITION BY c_nationkey) AS hi FROM customer ORDER BY c_custkey",
        "SELECT o_orderkey, sum(o_totalprice) OVER (PARTITION BY o_orderpriority ORDER BY o_orderdate) AS run_sum, "
            + "count(*) OVER (ORDER BY o_orderdate) AS peers FROM orders WHERE o_orderkey < 3000 ORDER BY o_orderkey",
        "SELECT o_orderkey, sum(o_totalprice) OVER (ORDER BY o_orderkey ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING) AS s, "
            + "avg(o_totalprice) OVER (ORDER BY o_orderkey ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) AS a, "
            + "min(o_totalprice) OVER (ORDER BY o_orderkey ROWS BETWEEN 1 FOLLOWING AND 3 FOLLOWING) AS lo, "
            + "max(o_totalprice) OVER (ORDER BY o_orderkey ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS hi "
            + "FROM orders WHERE o_orderkey < 1000 ORDER BY o_orderkey",
        "SELECT o_orderkey, count(o_orderkey) OVER (PARTITION BY o_custkey ORDER BY o_orderkey ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS c, "
            + "sum(o_totalprice) OVER (PARTITION BY o_custkey ORDER BY o_orderkey ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS s "
            + "FROM orders WHERE o_custkey < 100 ORDER BY o_orderkey",
        "SELECT s, k, v, rank() OVER (PARTITION BY k ORDER BY v NULLS FIRST) AS r, sum(v) OVER (PARTITION BY k ORDER BY v NULLS LAST) AS rs, "
            + "count(v) OVER (PARTITION BY k) AS c, count(*) OVER (PARTITION BY k) AS n FROM " + NULLS + " ORDER BY s",
        "SELECT s, row_number() OVER (ORDER BY v NULLS FIRST, s) AS nf, row_number() OVER (ORDER BY v DESC NULLS LAST, s) AS nl, "
            + "row_number() OVER (ORDER BY k DESC NULLS FIRST, s DESC) AS kd FROM " + NULLS + " ORDER BY s",
        "SELECT s, lag(v) OVER (ORDER BY s) AS p, lead(v, 1, 99) OVER (ORDER BY s) AS n, first_value(v) OVER (PARTITION BY k ORDER BY s) AS f, "
            + "max(v) OVER (PARTITION BY k ORDER BY s ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS m FROM " + NULLS + " ORDER BY s",
        "SELECT o_custkey, sum(o_totalprice) AS s, rank() OVER (ORDER BY sum(o_totalprice) DESC) AS r FROM orders WHERE o_custkey < 100 "
            + "GROUP BY o_custkey ORDER BY r, o_custkey",
        "SELECT n_name, row_number() OVER (ORDER BY n_name) AS a, rank() OVER (PARTITION BY n_regionkey ORDER BY n_nationkey DESC) AS b, "
            + "count(*) OVER () AS c FROM nation ORDER BY n_name",
        "SELECT o_orderkey, row_number() OVER (PARTITION BY o_custkey % 10 ORDER BY o_orderkey) AS rn FROM orders WHERE o_orderkey < 500 ORDER BY o_orderkey",
        "SELECT l_orderkey, l_linenumber, sum(l_quantity * 2) OVER (PARTITION BY l_orderkey) AS q2, "
            + "sum(l_extendedprice) OVER (PARTITION BY l_orderkey ORDER BY l_linenumber) AS run_sum, "
            + "count(*) OVER (PARTITION BY l_suppkey) AS per_supplier FROM lineitem WHERE l_orderkey < 1000 ORDER BY 1, 2",
        "SELECT * FROM (SELECT c_nationkey, c_custkey, row_number() OVER (PARTITION BY c_nationkey ORDER BY c_acctbal DESC, c_custkey) AS rn "
            + "FROM customer) x WHERE rn <= 2 ORDER BY c_nationkey, rn",
        "SELECT o_orderkey, first_value(o_orderkey) OVER (PARTITION BY o_custkey ORDER BY o_orderkey ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS f, "
            + "last_value(o_orderkey) OVER (PARTITION BY o_custkey ORDER BY o_orderkey ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS l, "
            + "nth_value(o_totalprice, 2) OVER (PARTITION BY o_custkey ORDER BY o_orderkey) AS second FROM orders WHERE o_custkey < 60 ORDER BY o_orderkey",
        "SELECT n_nationkey, last_value(n_name) OVER (PARTITION BY n_regionkey ORDER BY n_nationkey) AS cur, "
            + "last_value(n_name) OVER (PARTITION BY n_regionkey ORDER BY n_nationkey ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS lst "
            + "FROM nation WHERE n_regionkey IN (1, 3) ORDER BY 1",
        "SELECT o_orderkey, row_number() OVER (ORDER BY o_orderkey) AS rn, sum(o_totalprice) OVER () AS s FROM orders WHERE o_totalprice < 0",
        "SELECT n_nationkey, sum(n_nationkey) OVER (PARTITION BY n_regionkey ORDER BY n_nationkey ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS s, "
            + "avg(n_nationkey) OVER (PARTITION BY n_regionkey) AS a FROM nation ORDER BY 1",
        "SELECT o_orderkey, min(o_orderdate) OVER (PARTITION BY o_custkey) AS first_order, "
            + "max(o_orderdate) OVER (PARTITION BY o_custkey ORDER BY o_orderkey) AS latest, "
            + "min(o_clerk) OVER (PARTITION BY o_custkey ORDER BY o_orderkey ROWS BETWEEN CURRENT ROW AND 2 FOLLOWING) AS clerk "
            + "FROM orders WHERE o_custkey < 40 ORDER BY o_orderkey",
        "SELECT l_returnflag, l_linestatus, count(*) AS n, sum(count(*)) OVER (PARTITION BY l_returnflag) AS per_flag, "
            + "dense_rank() OVER (ORDER BY l_returnflag DESC) AS d FROM lineitem GROUP BY 1, 2 ORDER BY 1, 2",
        "SELECT n_nationkey, sum(n_regionkey * 1.5) OVER (PARTITION BY n_regionkey) AS s, "
            + "avg(n_regionkey * 1.5) OVER (ORDER BY n_nationkey ROWS 2 PRECEDING) AS a, "
            + "lag(n_name, -1) OVER (ORDER BY n_nationkey) AS l FROM nation ORDER BY 1",
        "SELECT n_name, row_number() OVER (ORDER BY n_name DESC) AS rn FROM nation ORDER BY rn LIMIT 5");
  }

  @ParameterizedTest @MethodSource("queries")
  void sameAnswerAsDuckDb(String sql) {
    oracle.assertSameAnswer(sql, sql);
  }

  /** RANGE offsets over a key they cannot measure (a string) are refused by the validator, with a position. */
  @Test void rangeFramesWithOffsetsOverAStringKeyAreRefused() {
    EmberException e = assertThrows(EmberException.class, () -> {
      try (QueryResult ignored = ember.execute("SELECT sum(n_nationkey) OVER (ORDER BY n_name RANGE BETWEEN 2 PRECEDING AND CURRENT ROW) FROM nation")) {
        // planning fails before any row is read
      }
    });
    assertEquals(EmberException.SYNTAX_ERROR, e.sqlState(), e.getMessage());
    assertTrue(e.getMessage().contains("prohibits use of RANGE"), e.getMessage());
  }
}
