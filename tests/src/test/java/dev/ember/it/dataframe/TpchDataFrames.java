package dev.ember.it.dataframe;

import static dev.ember.api.functions.avg;
import static dev.ember.api.functions.col;
import static dev.ember.api.functions.count;
import static dev.ember.api.functions.lit;
import static dev.ember.api.functions.sum;

import dev.ember.api.Column;
import dev.ember.api.DataFrame;
import dev.ember.api.Session;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * TPC-H queries written with the DataFrame API as a Spark user would write them (joins with
 * conditions, filters, groupBy/agg, orderBy), over the session's tables {@code lineitem}, ….
 */
final class TpchDataFrames {
  private TpchDataFrames() {}

  static DataFrame query(Session s, int q) {
    return switch (q) {
      case 1 -> q1(s);
      case 3 -> q3(s);
      case 5 -> q5(s);
      case 6 -> q6(s);
      case 10 -> q10(s);
      default -> throw new IllegalArgumentException("no DataFrame version of Q" + q);
    };
  }

  private static Column revenue() { return col("l_extendedprice").multiply(lit(1).minus(col("l_discount"))); }

  private static LocalDate date(String iso) { return LocalDate.parse(iso); }

  static DataFrame q1(Session s) {
    return s.table("lineitem")
        .filter(col("l_shipdate").leq(date("1998-09-02")))
        .groupBy("l_returnflag", "l_linestatus")
        .agg(sum("l_quantity").alias("sum_qty"),
            sum("l_extendedprice").alias("sum_base_price"),
            sum(revenue()).alias("sum_disc_price"),
            sum(revenue().multiply(lit(1).plus(col("l_tax")))).alias("sum_charge"),
            avg("l_quantity").alias("avg_qty"),
            avg("l_extendedprice").alias("avg_price"),
            avg("l_discount").alias("avg_disc"),
            count(col("*")).alias("count_order"))
        .orderBy("l_returnflag", "l_linestatus");
  }

  static DataFrame q3(Session s) {
    DataFrame customer = s.table("customer").filter(col("c_mktsegment").equalTo("BUILDING"));
    DataFrame orders = s.table("orders").filter(col("o_orderdate").lt(date("1995-03-15")));
    DataFrame lineitem = s.table("lineitem").filter(col("l_shipdate").gt(date("1995-03-15")));
    return customer.join(orders, col("c_custkey").equalTo(col("o_custkey")))
        .join(lineitem, col("l_orderkey").equalTo(col("o_orderkey")))
        .groupBy("l_orderkey", "o_orderdate", "o_shippriority")
        .agg(sum(revenue()).alias("revenue"))
        .select("l_orderkey", "revenue", "o_orderdate", "o_shippriority")
        .orderBy(col("revenue").desc(), col("o_orderdate"))
        .limit(10);
  }

  static DataFrame q5(Session s) {
    return s.table("customer")
        .join(s.table("orders"), col("c_custkey").equalTo(col("o_custkey")))
        .join(s.table("lineitem"), col("l_orderkey").equalTo(col("o_orderkey")))
        .join(s.table("supplier"), col("l_suppkey").equalTo(col("s_suppkey")).and(col("c_nationkey").equalTo(col("s_nationkey"))))
        .join(s.table("nation"), col("s_nationkey").equalTo(col("n_nationkey")))
        .join(s.table("region"), col("n_regionkey").equalTo(col("r_regionkey")))
        .where(col("r_name").equalTo("ASIA")
            .and(col("o_orderdate").geq(date("1994-01-01")))
            .and(col("o_orderdate").lt(date("1995-01-01"))))
        .groupBy("n_name")
        .agg(sum(revenue()).alias("revenue"))
        .orderBy(col("revenue").desc());
  }

  static DataFrame q6(Session s) {
    return s.table("lineitem")
        .filter(col("l_shipdate").geq(date("1994-01-01"))
            .and(col("l_shipdate").lt(date("1995-01-01")))
            .and(col("l_discount").between(new BigDecimal("0.05"), new BigDecimal("0.07")))
            .and(col("l_quantity").lt(24)))
        .agg(sum(col("l_extendedprice").multiply(col("l_discount"))).alias("revenue"));
  }

  static DataFrame q10(Session s) {
    DataFrame orders = s.table("orders")
        .filter(col("o_orderdate").geq(date("1993-10-01")).and(col("o_orderdate").lt(date("1994-01-01"))));
    return s.table("customer")
        .join(orders, col("c_custkey").equalTo(col("o_custkey")))
        .join(s.table("lineitem").filter(col("l_returnflag").equalTo("R")), col("l_orderkey").equalTo(col("o_orderkey")))
        .join(s.table("nation"), col("c_nationkey").equalTo(col("n_nationkey")))
        .groupBy("c_custkey", "c_name", "c_acctbal", "c_phone", "n_name", "c_address", "c_comment")
        .agg(sum(revenue()).alias("revenue"))
        .select("c_custkey", "c_name", "revenue", "c_acctbal", "n_name", "c_address", "c_phone", "c_comment")
        .orderBy(col("revenue").desc())
        .limit(20);
  }
}
