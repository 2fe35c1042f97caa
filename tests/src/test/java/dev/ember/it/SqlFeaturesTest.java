package dev.ember.it;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SQL shapes of the first engine — joins of each supported kind, set operations, sorting
 * with NULL placement, limits and offsets, literal rows, aggregates over empty input — give
 * DuckDB's answers over the TPC-H tables at SF 0.01.
 */
class SqlFeaturesTest extends TinyParquetComparison {
  static Stream<String> queries() {
    return Stream.of(
        "SELECT 1 AS a, 'x' AS b UNION ALL SELECT 2, 'y'",
        "SELECT * FROM (VALUES (1, 'a'), (2, NULL), (NULL, 'c')) t(a, b) ORDER BY a NULLS FIRST",
        "SELECT * FROM (VALUES (1, 'a'), (2, NULL), (NULL, 'c')) t(a, b) ORDER BY a DESC NULLS LAST",
        "SELECT n_name FROM nation ORDER BY n_name DESC LIMIT 3 OFFSET 2",
        "SELECT n_name, n_nationkey FROM nation ORDER BY n_nationkey LIMIT 0",
        "SELECT n_nationkey FROM nation ORDER BY n_nationkey OFFSET 20",
        "SELECT count(*), sum(o_totalprice), min(o_orderdate), max(o_comment) FROM orders WHERE o_totalprice < 0",
        "SELECT o_orderpriority, count(*) FROM orders WHERE o_totalprice < 0 GROUP BY o_orderpriority",
        "SELECT c_mktsegment, count(*) AS n, avg(c_acctbal) AS a, min(c_name), max(c_acctbal) FROM customer GROUP BY c_mktsegment ORDER BY n DESC, c_mktsegment",
        "SELECT count(*), count(o.o_orderkey) FROM customer c LEFT JOIN orders o ON c.c_custkey = o.o_custkey AND o.o_totalprice > 400000",
        "SELECT c.c_custkey, o.o_orderkey FROM customer c LEFT JOIN orders o ON c.c_custkey = o.o_custkey WHERE c.c_custkey < 20 ORDER BY 1, 2 NULLS FIRST",
        "SELECT o.o_orderkey, c.c_name FROM orders o RIGHT JOIN customer c ON c.c_custkey = o.o_custkey WHERE c.c_custkey BETWEEN 1 AND 9 ORDER BY 2, 1",
        "SELECT count(*) FROM customer WHERE c_custkey IN (SELECT o_custkey FROM orders)",
        "SELECT count(*) FROM customer WHERE NOT EXISTS (SELECT 1 FROM orders WHERE o_custkey = c_custkey)",
        "SELECT count(*) FROM customer WHERE EXISTS (SELECT 1 FROM orders WHERE o_custkey = c_custkey AND o_totalprice > 300000)",
        "SELECT DISTINCT n_regionkey FROM nation ORDER BY 1",
        "SELECT r_name, count(*) FROM region r, nation n WHERE r.r_regionkey = n.n_regionkey GROUP BY r_name HAVING count(*) > 4 ORDER BY 2 DESC, 1",
        "SELECT n.n_name, r.r_name FROM nation n, region r WHERE n.n_nationkey < 3 ORDER BY 1, 2",
        "SELECT n_name FROM nation WHERE n_regionkey = 1 UNION SELECT n_name FROM nation WHERE n_nationkey < 3 ORDER BY 1",
        "SELECT l_returnflag, l_linestatus, sum(l_quantity), count(*) FROM lineitem GROUP BY 1, 2 ORDER BY 1, 2",
        "SELECT l_shipmode, sum(CASE WHEN o_orderpriority = '1-URGENT' THEN 1 ELSE 0 END) FROM orders, lineitem WHERE o_orderkey = l_orderkey AND l_shipmode IN ('MAIL', 'SHIP') GROUP BY l_shipmode ORDER BY 1",
        "SELECT p_brand, p_type, p_size FROM part WHERE p_type LIKE '%BRASS' AND p_size > 40 ORDER BY p_brand, p_type, p_size LIMIT 10",
        "SELECT o_orderkey, o_totalprice * 2 - 1, o_totalprice / 3 FROM orders WHERE o_orderkey < 40 ORDER BY o_orderkey",
        "SELECT a.x, b.y FROM (VALUES (1), (2), (NULL)) a(x) FULL OUTER JOIN (VALUES (2), (3), (NULL)) b(y) ON a.x = b.y",
        "SELECT count(*), count(c.c_custkey), count(o.o_orderkey) FROM customer c FULL OUTER JOIN orders o ON c.c_custkey = o.o_custkey AND o.o_totalprice > 200000",
        "SELECT count(*) FROM nation n JOIN region r ON n.n_regionkey < r.r_regionkey",
        "SELECT n.n_name, r.r_name FROM nation n LEFT JOIN region r ON n.n_regionkey = r.r_regionkey AND r.r_name LIKE 'A%' WHERE n.n_nationkey < 10",
        "SELECT n.n_name, r.r_name FROM region r RIGHT JOIN nation n ON n.n_regionkey = r.r_regionkey AND n.n_name < r.r_name",
        "SELECT count(DISTINCT l_suppkey), sum(l_quantity) FROM lineitem",
        "SELECT l_returnflag, count(DISTINCT l_partkey) FILTER (WHERE l_quantity > 10) FROM lineitem GROUP BY 1 ORDER BY 1",
        "SELECT l_returnflag, count(DISTINCT l_partkey), sum(DISTINCT l_partkey), count(*), avg(l_extendedprice) FROM lineitem GROUP BY 1 ORDER BY 1",
        "SELECT count(DISTINCT l_suppkey), count(*), avg(l_quantity), sum(l_quantity) FROM lineitem WHERE l_quantity < 0",
        "SELECT count(DISTINCT l_partkey), count(DISTINCT l_suppkey), sum(l_quantity) FROM lineitem",
        "SELECT count(DISTINCT x), sum(DISTINCT x), count(*) FROM (VALUES (1), (1), (NULL), (2)) t(x)",
        "SELECT x FROM (VALUES (1), (1), (NULL), (2), (3)) a(x) INTERSECT SELECT y FROM (VALUES (1), (NULL), (3), (4)) b(y)",
        "SELECT x FROM (VALUES (1), (1), (NULL), (2), (3)) a(x) EXCEPT SELECT y FROM (VALUES (1), (3), (4)) b(y)",
        "SELECT n_regionkey FROM nation INTERSECT SELECT r_regionkey FROM region WHERE r_name LIKE 'A%'",
        "SELECT c_nationkey, c_mktsegment FROM customer EXCEPT SELECT s_nationkey, 'BUILDING' FROM supplier",
        "SELECT o_custkey FROM orders EXCEPT SELECT c_custkey FROM customer WHERE c_acctbal > 0 INTERSECT SELECT c_custkey FROM customer",
        "SELECT l_returnflag, stddev_samp(l_quantity), stddev_pop(l_quantity), var_samp(l_extendedprice), var_pop(l_discount) FROM lineitem GROUP BY 1 ORDER BY 1",
        "SELECT stddev_samp(l_linenumber), variance(l_tax), count(*) FROM lineitem WHERE l_orderkey < 100",
        "SELECT stddev_samp(x), var_pop(x), stddev_pop(x) FROM (VALUES (1.5), (NULL)) t(x)",
        "SELECT stddev_samp(x), var_samp(x) FROM (VALUES (CAST(2 AS DOUBLE)), (4), (4), (5)) t(x) WHERE x > 10",
        "SELECT l_returnflag, l_linestatus, sum(l_quantity), count(*) FROM lineitem GROUP BY ROLLUP (l_returnflag, l_linestatus)",
        "SELECT l_returnflag, l_linestatus, count(*), grouping(l_returnflag), grouping(l_returnflag, l_linestatus) FROM lineitem GROUP BY CUBE (l_returnflag, l_linestatus)",
        "SELECT o_orderstatus, o_orderpriority, avg(o_totalprice), count(DISTINCT o_custkey) FROM orders GROUP BY GROUPING SETS ((o_orderstatus), (o_orderpriority), ())",
        "SELECT n_regionkey, count(*) FROM nation GROUP BY GROUPING SETS ((n_regionkey), ()) HAVING count(*) > 5",
        "SELECT count(*) FROM nation WHERE n_regionkey NOT IN (SELECT r_regionkey FROM region WHERE r_name LIKE 'A%')",
        "SELECT count(*) FROM nation WHERE n_regionkey NOT IN (SELECT CASE WHEN r_regionkey = 2 THEN NULL ELSE r_regionkey END FROM region)",
        "SELECT n_name FROM nation WHERE n_regionkey IN (SELECT CASE WHEN r_regionkey = 2 THEN NULL ELSE r_regionkey END FROM region WHERE r_regionkey < 3) ORDER BY 1",
        "SELECT x FROM (VALUES (1), (NULL), (3)) t(x) WHERE x NOT IN (SELECT y FROM (VALUES (3), (4)) u(y))",
        "SELECT c_name, (SELECT count(*) FROM orders WHERE o_custkey = c_custkey) AS n FROM customer WHERE c_custkey < 10 ORDER BY 1",
        "SELECT (SELECT max(r_name) FROM region), (SELECT count(*) FROM nation)");
  }

  @ParameterizedTest @MethodSource("queries")
  void sameAnswerAsDuckDb(String sql) {
    oracle.assertSameAnswer(sql, sql);
  }
}
