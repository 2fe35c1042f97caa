package dev.ember.it.dataframe;

import static dev.ember.api.functions.avg;
import static dev.ember.api.functions.col;
import static dev.ember.api.functions.count;
import static dev.ember.api.functions.countDistinct;
import static dev.ember.api.functions.expr;
import static dev.ember.api.functions.lit;
import static dev.ember.api.functions.max;
import static dev.ember.api.functions.min;
import static dev.ember.api.functions.sum;
import static dev.ember.api.functions.upper;
import static dev.ember.api.functions.when;

import dev.ember.api.DataFrame;
import org.junit.jupiter.api.Test;

/**
 * Each DataFrame transformation against DuckDB answering the same question in SQL, over TPC-H
 * SF 0.01 (Ember's generator catalog; DuckDB's tables from the same generator).
 */
class DataFrameTransformationsTest extends DataFrameComparison {
  private static DataFrame t(String name) { return session.table("tpch.tiny." + name); }

  @Test void selectAndArithmetic() {
    oracle.assertSame("select", "SELECT l_orderkey, l_extendedprice * (1 - l_discount) AS rev, l_quantity + 1 AS q1 FROM lineitem",
        t("lineitem").select(col("l_orderkey"), col("l_extendedprice").multiply(lit(1).minus(col("l_discount"))).alias("rev"),
            col("l_quantity").plus(1).as("q1")));
  }

  @Test void filterWithColumnAndString() {
    oracle.assertSame("filter", "SELECT l_orderkey, l_linenumber FROM lineitem WHERE l_quantity > 45 AND l_shipmode = 'AIR'",
        t("lineitem").filter(col("l_quantity").gt(45).and(col("l_shipmode").equalTo("AIR")))
            .select("l_orderkey", "l_linenumber"));
    oracle.assertSame("where string", "SELECT o_orderkey FROM orders WHERE o_orderdate < DATE '1992-02-01'",
        t("orders").where("o_orderdate < DATE '1992-02-01'").select("o_orderkey"));
  }

  @Test void withColumnRenamedDrop() {
    oracle.assertSame("withColumn", "SELECT n_nationkey AS id, n_regionkey, upper(n_name) AS n_name, n_regionkey * 10 AS r10 FROM nation",
        t("nation").drop("n_comment").withColumn("n_name", upper(col("n_name"))).withColumn("r10", col("n_regionkey").multiply(10))
            .withColumnRenamed("n_nationkey", "id").select("id", "n_regionkey", "n_name", "r10"));
  }

  @Test void selectExprAndCase() {
    oracle.assertSame("selectExpr", "SELECT p_partkey + 1 AS k, CASE WHEN p_size > 25 THEN 'big' ELSE 'small' END AS s FROM part",
        t("part").selectExpr("p_partkey + 1 AS k", "p_size")
            .select(col("k"), when(expr("p_size > 25"), lit("big")).otherwise("small").alias("s")));
  }

  @Test void groupByAgg() {
    oracle.assertSame("groupBy", "SELECT l_returnflag, l_linestatus, sum(l_quantity) AS sq, avg(l_extendedprice) AS ap, "
            + "count(*) AS c, min(l_shipdate) AS mi, max(l_discount) AS ma, count(DISTINCT l_suppkey) AS cd "
            + "FROM lineitem GROUP BY l_returnflag, l_linestatus ORDER BY l_returnflag, l_linestatus",
        t("lineitem").groupBy("l_returnflag", "l_linestatus")
            .agg(sum("l_quantity").alias("sq"), avg("l_extendedprice").alias("ap"), count(col("*")).alias("c"),
                min("l_shipdate").alias("mi"), max("l_discount").alias("ma"), countDistinct("l_suppkey").alias("cd"))
            .orderBy("l_returnflag", "l_linestatus"));
  }

  @Test void joinsOfEveryType() {
    DataFrame n = t("nation").filter(col("n_nationkey").lt(20));
    DataFrame r = t("region").filter(col("r_regionkey").geq(1));
    String nSql = "(SELECT * FROM nation WHERE n_nationkey < 20)";
    String rSql = "(SELECT * FROM region WHERE r_regionkey >= 1)";
    for (String type : new String[] {"inner", "left", "right", "full"}) {
      String sqlType = type.toUpperCase(java.util.Locale.ROOT) + (type.equals("inner") ? "" : " OUTER");
      oracle.assertSame("join " + type, "SELECT n_name, r_name FROM " + nSql + " n " + sqlType + " JOIN " + rSql
              + " r ON n.n_regionkey = r.r_regionkey",
          n.join(r, n.col("n_regionkey").equalTo(r.col("r_regionkey")), type).select("n_name", "r_name"));
    }
    oracle.assertSame("left_semi", "SELECT n_name FROM " + nSql + " n WHERE n_regionkey IN (SELECT r_regionkey FROM " + rSql + " r)",
        n.join(r, col("n_regionkey").equalTo(col("r_regionkey")), "left_semi").select("n_name"));
    oracle.assertSame("left_anti", "SELECT n_name FROM " + nSql + " n WHERE n_regionkey NOT IN (SELECT r_regionkey FROM " + rSql + " r)",
        n.join(r, col("n_regionkey").equalTo(col("r_regionkey")), "left_anti").select("n_name"));
    oracle.assertSame("cross", "SELECT n_name, r_name FROM " + nSql + " n CROSS JOIN " + rSql + " r",
        n.crossJoin(r).select("n_name", "r_name"));
  }

  @Test void joinOnColumnNamesMergesKeys() {
    DataFrame a = t("nation").select(col("n_regionkey").alias("k"), col("n_name")).filter(col("k").lt(3));
    DataFrame b = t("region").select(col("r_regionkey").alias("k"), col("r_name")).filter(col("k").gt(0));
    String aSql = "(SELECT n_regionkey AS k, n_name FROM nation WHERE n_regionkey < 3)";
    String bSql = "(SELECT r_regionkey AS k, r_name FROM region WHERE r_regionkey > 0)";
    oracle.assertSame("using inner", "SELECT k, n_name, r_name FROM " + aSql + " a JOIN " + bSql + " b USING (k)",
        a.join(b, "k"));
    oracle.assertSame("using full", "SELECT coalesce(a.k, b.k) AS k, n_name, r_name FROM " + aSql + " a FULL JOIN " + bSql
            + " b ON a.k = b.k", a.join(b, java.util.List.of("k"), "full_outer"));
    oracle.assertSame("using right", "SELECT b.k, n_name, r_name FROM " + aSql + " a RIGHT JOIN " + bSql
            + " b ON a.k = b.k", a.join(b, java.util.List.of("k"), "right"));
  }

  @Test void selfJoinWithAliases() {
    DataFrame n = t("nation");
    oracle.assertSame("self join", "SELECT a.n_name AS a_name, b.n_name AS b_name FROM nation a JOIN nation b "
            + "ON a.n_regionkey = b.n_regionkey AND a.n_nationkey < b.n_nationkey",
        n.alias("a").join(n.alias("b"), col("a.n_regionkey").equalTo(col("b.n_regionkey"))
                .and(col("a.n_nationkey").lt(col("b.n_nationkey"))))
            .select(col("a.n_name").alias("a_name"), col("b.n_name").alias("b_name")));
  }

  @Test void setOperationsAndDistinct() {
    DataFrame o = t("orders");
    DataFrame low = o.filter(col("o_totalprice").lt(50000)).select("o_orderstatus", "o_orderpriority");
    DataFrame urgent = o.filter(col("o_orderpriority").equalTo("1-URGENT")).select("o_orderstatus", "o_orderpriority");
    String lowSql = "SELECT o_orderstatus, o_orderpriority FROM orders WHERE o_totalprice < 50000";
    String urgSql = "SELECT o_orderstatus, o_orderpriority FROM orders WHERE o_orderpriority = '1-URGENT'";
    oracle.assertSame("union", lowSql + " UNION ALL " + urgSql, low.union(urgent));
    oracle.assertSame("intersect", lowSql + " INTERSECT " + urgSql, low.intersect(urgent));
    oracle.assertSame("except", lowSql + " EXCEPT " + urgSql, low.except(urgent));
    oracle.assertSame("distinct", "SELECT DISTINCT o_orderstatus, o_orderpriority FROM orders", o.select("o_orderstatus", "o_orderpriority").distinct());
    oracle.assertSame("unionByName", lowSql + " UNION ALL " + urgSql,
        low.unionByName(urgent.select("o_orderpriority", "o_orderstatus")));
    oracle.assertSame("dropDuplicates", "SELECT DISTINCT o_orderstatus FROM orders",
        o.dropDuplicates("o_orderstatus").select("o_orderstatus"));
    org.junit.jupiter.api.Assertions.assertEquals(3, o.dropDuplicates("o_orderstatus").count());
  }

  @Test void orderByAndLimit() {
    oracle.assertSame("orderBy", "SELECT c_custkey, c_acctbal FROM customer ORDER BY c_acctbal DESC, c_custkey LIMIT 7",
        t("customer").select("c_custkey", "c_acctbal").orderBy(col("c_acctbal").desc(), col("c_custkey").asc()).limit(7));
    oracle.assertSame("sort nulls", "SELECT k FROM (SELECT CASE WHEN n_nationkey % 3 = 0 THEN NULL ELSE n_nationkey END AS k FROM nation) "
            + "ORDER BY k ASC NULLS FIRST",
        t("nation").select(when(col("n_nationkey").mod(3).equalTo(0), lit(null)).otherwise(col("n_nationkey")).alias("k"))
            .sort(col("k").asc_nulls_first()));
  }

  @Test void windowFunctions() {
    dev.ember.api.WindowSpec w = dev.ember.api.Window.partitionBy("o_custkey").orderBy("o_orderdate", "o_orderkey");
    oracle.assertSame("window", "SELECT o_orderkey, row_number() OVER w AS rn, sum(o_totalprice) OVER (w ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS s3, "
            + "rank() OVER (PARTITION BY o_orderstatus ORDER BY o_totalprice DESC) AS r FROM orders "
            + "WINDOW w AS (PARTITION BY o_custkey ORDER BY o_orderdate, o_orderkey)",
        t("orders").select(col("o_orderkey"), dev.ember.api.functions.row_number().over(w).alias("rn"),
            sum("o_totalprice").over(w.rowsBetween(-2, dev.ember.api.Window.currentRow())).alias("s3"),
            dev.ember.api.functions.rank().over(dev.ember.api.Window.partitionBy("o_orderstatus").orderBy(col("o_totalprice").desc())).alias("r")));
  }

  @Test void naFillAndDrop() {
    DataFrame withNulls = t("nation").select(col("n_nationkey"),
        when(col("n_nationkey").mod(2).equalTo(0), col("n_name")).alias("name"),
        when(col("n_nationkey").mod(3).equalTo(0), col("n_regionkey")).alias("reg"));
    String sql = "(SELECT n_nationkey, CASE WHEN n_nationkey % 2 = 0 THEN n_name END AS name, "
        + "CASE WHEN n_nationkey % 3 = 0 THEN n_regionkey END AS reg FROM nation)";
    oracle.assertSame("fill number", "SELECT n_nationkey, name, coalesce(reg, 7) AS reg FROM " + sql, withNulls.na().fill(7));
    oracle.assertSame("fill string", "SELECT n_nationkey, coalesce(name, 'none') AS name, reg FROM " + sql, withNulls.na().fill("none"));
    oracle.assertSame("drop any", "SELECT * FROM " + sql + " WHERE name IS NOT NULL AND reg IS NOT NULL", withNulls.na().drop());
    oracle.assertSame("drop all", "SELECT * FROM " + sql + " WHERE name IS NOT NULL OR reg IS NOT NULL", withNulls.na().drop("all", "name", "reg"));
  }

  @Test void scalarFunctions() {
    oracle.assertSame("functions", "SELECT upper(c_name) AS u, lower(c_mktsegment) AS l, substring(c_phone, 1, 2) AS p, "
            + "length(c_address) AS len, round(c_acctbal, 1) AS r, abs(c_acctbal) AS a, concat(c_name, '-', c_mktsegment) AS c, "
            + "trim(' ' || c_mktsegment || ' ') AS t, coalesce(NULL, c_custkey) AS co FROM customer",
        t("customer").select(upper(col("c_name")).alias("u"), dev.ember.api.functions.lower(col("c_mktsegment")).alias("l"),
            dev.ember.api.functions.substring(col("c_phone"), 1, 2).alias("p"), dev.ember.api.functions.length(col("c_address")).alias("len"),
            dev.ember.api.functions.round(col("c_acctbal"), 1).alias("r"), dev.ember.api.functions.abs(col("c_acctbal")).alias("a"),
            dev.ember.api.functions.concat(col("c_name"), lit("-"), col("c_mktsegment")).alias("c"),
            dev.ember.api.functions.trim(dev.ember.api.functions.concat(lit(" "), col("c_mktsegment"), lit(" "))).alias("t"),
            dev.ember.api.functions.coalesce(lit(null), col("c_custkey")).alias("co")));
    oracle.assertSame("dates", "SELECT year(o_orderdate) AS y, month(o_orderdate) AS m, o_orderdate + 10 AS d10, "
            + "datediff('day', DATE '1995-01-01', o_orderdate) AS dd, o_orderdate BETWEEN DATE '1995-01-01' AND DATE '1995-12-31' AS b, "
            + "o_orderpriority IN ('1-URGENT', '2-HIGH') AS i, o_comment LIKE '%special%' AS lk, CAST(o_totalprice AS INT) AS ci "
            + "FROM orders",
        t("orders").select(dev.ember.api.functions.year(col("o_orderdate")).alias("y"), dev.ember.api.functions.month(col("o_orderdate")).alias("m"),
            dev.ember.api.functions.date_add(col("o_orderdate"), 10).alias("d10"),
            dev.ember.api.functions.datediff(col("o_orderdate"), lit(java.time.LocalDate.of(1995, 1, 1))).alias("dd"),
            col("o_orderdate").between(java.time.LocalDate.of(1995, 1, 1), java.time.LocalDate.of(1995, 12, 31)).alias("b"),
            col("o_orderpriority").isin("1-URGENT", "2-HIGH").alias("i"), col("o_comment").like("%special%").alias("lk"),
            col("o_totalprice").cast("int").alias("ci")));
  }

  @Test void aggByMapAndGroupedShortcuts() {
    java.util.Map<String, String> aggs = new java.util.LinkedHashMap<>();
    aggs.put("o_totalprice", "max");
    aggs.put("o_shippriority", "avg");
    oracle.assertSame("agg map", "SELECT o_orderstatus, max(o_totalprice) AS m, avg(o_shippriority) AS a FROM orders GROUP BY o_orderstatus",
        t("orders").groupBy("o_orderstatus").agg(aggs));
    oracle.assertSame("grouped count", "SELECT o_orderpriority, count(*) AS count FROM orders GROUP BY o_orderpriority",
        t("orders").groupBy("o_orderpriority").count());
    oracle.assertSame("grouped sum", "SELECT o_orderpriority, sum(o_totalprice) AS s, sum(o_custkey) AS c FROM orders GROUP BY o_orderpriority",
        t("orders").groupBy("o_orderpriority").sum("o_totalprice", "o_custkey"));
  }
}
