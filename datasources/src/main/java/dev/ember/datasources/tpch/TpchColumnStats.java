package dev.ember.datasources.tpch;

import dev.ember.catalyst.stats.ColumnStat;
import dev.ember.catalyst.types.DataType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Column statistics of the generated TPC-H tables, from the specification's value distributions
 * (TPC-H 2.18, clause 4.2.3) rather than from reading data: distinct counts of keys and of the
 * enumerated columns, and the ranges of keys, dates and amounts. Every column is NOT NULL. Values
 * the specification leaves open (free text, names) get no entry. Enough for the cost-based
 * optimizer to estimate filters and joins as it would after {@code ANALYZE TABLE}.
 */
final class TpchColumnStats {
  private TpchColumnStats() {}

  /** The statistics of {@code table}'s columns at {@code scale}, by column name. */
  static Map<String, ColumnStat> of(String table, double scale, Map<String, DataType> types) {
    Map<String, ColumnStat> out = new HashMap<>();
    Sink s = (column, ndv, min, max) -> {
      DataType t = types.get(column);
      if (t == null) return;
      out.put(column, ColumnStat.ofRange(Math.max(1, ndv), value(min, t), value(max, t)));
    };
    long rows = TpchRowCounts.rows(table, scale);
    switch (table) {
      case "nation" -> {
        s.put("n_nationkey", 25, 0, 24);
        s.put("n_name", 25, null, null);
        s.put("n_regionkey", 5, 0, 4);
      }
      case "region" -> {
        s.put("r_regionkey", 5, 0, 4);
        s.put("r_name", 5, null, null);
      }
      case "part" -> {
        s.put("p_partkey", rows, 1, rows);
        s.put("p_mfgr", 5, null, null);
        s.put("p_brand", 25, null, null);
        s.put("p_type", 150, null, null);
        s.put("p_size", 50, 1, 50);
        s.put("p_container", 40, null, null);
        s.put("p_retailprice", Math.min(rows, 20_899), 901.0, 2098.99);
      }
      case "supplier" -> {
        s.put("s_suppkey", rows, 1, rows);
        s.put("s_name", rows, null, null);
        s.put("s_nationkey", 25, 0, 24);
        s.put("s_acctbal", Math.min(rows, 1_099_999), -999.99, 9999.99);
      }
      case "partsupp" -> {
        long parts = TpchRowCounts.rows("part", scale), suppliers = TpchRowCounts.rows("supplier", scale);
        s.put("ps_partkey", parts, 1, parts);
        s.put("ps_suppkey", suppliers, 1, suppliers);
        s.put("ps_availqty", 9999, 1, 9999);
        s.put("ps_supplycost", Math.min(rows, 99_901), 1.0, 1000.0);
      }
      case "customer" -> {
        s.put("c_custkey", rows, 1, rows);
        s.put("c_name", rows, null, null);
        s.put("c_nationkey", 25, 0, 24);
        s.put("c_acctbal", Math.min(rows, 1_099_999), -999.99, 9999.99);
        s.put("c_mktsegment", 5, null, null);
      }
      case "orders" -> {
        long customers = TpchRowCounts.rows("customer", scale);
        s.put("o_orderkey", rows, 1, rows * 4);
        // Every third customer places no orders.
        s.put("o_custkey", customers * 2 / 3, 1, customers);
        s.put("o_orderstatus", 3, null, null);
        s.put("o_totalprice", rows, 800.0, 600_000.0);
        s.put("o_orderdate", 2406, "1992-01-01", "1998-08-02");
        s.put("o_orderpriority", 5, null, null);
        s.put("o_clerk", Math.max(1, (long) (1000 * scale)), null, null);
        s.put("o_shippriority", 1, 0, 0);
      }
      case "lineitem" -> {
        long orders = TpchRowCounts.rows("orders", scale);
        long parts = TpchRowCounts.rows("part", scale), suppliers = TpchRowCounts.rows("supplier", scale);
        s.put("l_orderkey", orders, 1, orders * 4);
        s.put("l_partkey", parts, 1, parts);
        s.put("l_suppkey", suppliers, 1, suppliers);
        s.put("l_linenumber", 7, 1, 7);
        s.put("l_quantity", 50, 1, 50);
        s.put("l_extendedprice", Math.min(rows, 1_000_000), 901.0, 104_950.0);
        s.put("l_discount", 11, 0.0, 0.10);
        s.put("l_tax", 9, 0.0, 0.08);
        s.put("l_returnflag", 3, null, null);
        s.put("l_linestatus", 2, null, null);
        s.put("l_shipdate", 2526, "1992-01-02", "1998-12-01");
        s.put("l_commitdate", 2466, "1992-01-31", "1998-10-31");
        s.put("l_receiptdate", 2554, "1992-01-03", "1998-12-31");
        s.put("l_shipinstruct", 4, null, null);
        s.put("l_shipmode", 7, null, null);
      }
      default -> { }
    }
    return out;
  }

  @FunctionalInterface
  private interface Sink {
    void put(String column, long ndv, Object min, Object max);
  }

  /** A bound in Ember's representation of {@code t}: numbers as given, dates from ISO text. */
  private static Object value(Object v, DataType t) {
    if (v == null) return null;
    if (v instanceof String iso) return (int) LocalDate.parse(iso).toEpochDay();
    double d = ((Number) v).doubleValue();
    return switch (t.id()) {
      case BIGINT -> (long) d;
      case INT -> (int) d;
      case DECIMAL -> Math.round(d * Math.pow(10, t.scale()));
      case DOUBLE -> d;
      default -> null;
    };
  }
}
