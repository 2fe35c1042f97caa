package dev.ember.datasources.tpcds;

import io.trino.tpcds.Session;
import io.trino.tpcds.Table;
import java.util.Map;

/**
 * Row counts of the generated tables. The generator's scaling model gives the exact count of every
 * dimension table and of inventory. For the six sales and returns tables it gives the number of
 * orders (tickets), each with a random number of lines and returns; their counts are exact at the
 * scales listed here (SF 0.01 as this generator makes it, SF 1 as dsdgen does) and otherwise
 * estimated from the lines and returns per order seen at SF 0.01.
 */
final class TpcdsRowCounts {
  private static final Map<String, Long> TINY = Map.of(
      "store_sales", 120_527L, "store_returns", 11_925L, "catalog_sales", 89_807L,
      "catalog_returns", 8_923L, "web_sales", 11_876L, "web_returns", 1_152L);
  private static final Map<String, Long> SF1 = Map.of(
      "store_sales", 2_880_404L, "store_returns", 287_514L, "catalog_sales", 1_441_548L,
      "catalog_returns", 144_067L, "web_sales", 719_384L, "web_returns", 71_763L);
  /** Orders of each sales table at SF 0.01 (the scaling model's count for it and its returns). */
  private static final Map<String, Long> TINY_ORDERS = Map.of(
      "store_sales", 10_000L, "store_returns", 10_000L, "catalog_sales", 10_000L,
      "catalog_returns", 10_000L, "web_sales", 1_000L, "web_returns", 1_000L);

  private TpcdsRowCounts() {}

  static long rows(Table table, double scale) {
    long modelled = Session.getDefaultSession().withScale(scale).getScaling().getRowCount(table);
    String name = table.getName();
    if (!TINY.containsKey(name)) return modelled;
    if (scale == 0.01) return TINY.get(name);
    if (scale == 1.0) return SF1.get(name);
    return Math.round(modelled * (double) TINY.get(name) / TINY_ORDERS.get(name));
  }
}
