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
import dev.ember.api.Session;
import dev.ember.execution.memory.MemoryManager;
import dev.ember.it.TpchData;
import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each DataFrame transformation against DuckDB answering the same question in SQL, over TPC-H
 * SF 0.01 (Ember's generator catalog; DuckDB's tables from the same generator).
 */
class DataFrameTransformationsTest {
  private static Connection duck;
  private static Session session;
  private static DataFrameOracle oracle;

  @BeforeAll static void setUp() throws Exception {
    duck = TpchData.openDuckDb();
    TpchData.generateInto(duck, TpchData.TINY);
    session = Session.builder().master("local[2]").getOrCreate();
    oracle = new DataFrameOracle(duck);
  }

  @AfterAll static void tearDown() throws Exception {
    if (session != null) session.stop();
    if (duck != null) duck.close();
  }

  @AfterEach void noLeak() {
    org.junit.jupiter.api.Assertions.assertEquals(0, MemoryManager.allocatedBytes(), "Arrow memory left allocated");
  }

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
}
