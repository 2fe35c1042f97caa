package dev.ember.datasources.tpch;

import java.util.Map;

/**
 * Row counts of the generated tables. Every table but lineitem has a count fixed by the spec
 * (base × scale factor, truncated as the generator does; nation and region are constant);
 * lineitem has 1–7 lines per order, so its count is exact only for the scales listed here
 * (the counts dbgen and DuckDB produce) and otherwise estimated as four lines per order.
 */
final class TpchRowCounts {
  private static final Map<String, Long> BASE = Map.of(
      "customer", 150_000L, "orders", 1_500_000L, "part", 200_000L, "partsupp", 800_000L,
      "supplier", 10_000L);
  private static final Map<Double, Long> LINEITEM = Map.of(
      0.01, 60_175L, 0.1, 600_572L, 1.0, 6_001_215L, 10.0, 59_986_052L, 100.0, 600_037_902L);

  private TpchRowCounts() {}

  static long rows(String table, double scale) {
    return switch (table) {
      case "nation" -> 25;
      case "region" -> 5;
      case "lineitem" -> LINEITEM.getOrDefault(scale, 4 * rows("orders", scale));
      default -> (long) (scale * BASE.get(table));
    };
  }
}
