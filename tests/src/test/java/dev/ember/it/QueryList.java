package dev.ember.it;

import dev.ember.datasources.tpch.TpchQueries;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Which TPC-H queries a test runs: its own list of the ones known to pass, unless the system
 * property {@code tpch.queries} names others for a try-out, e.g.
 * {@code mvn -o -q -pl tests test -Dtest=TpchParquetTest -Dtpch.queries=all} or
 * {@code -Dtpch.queries=2,4,7-9}.
 */
public final class QueryList {
  static final String PROPERTY = "tpch.queries";

  private QueryList() {}

  public static IntStream orDefault(int... passing) {
    String spec = System.getProperty(PROPERTY, "").trim();
    if (spec.isEmpty()) return Arrays.stream(passing);
    if (spec.equalsIgnoreCase("all")) return IntStream.rangeClosed(1, TpchQueries.COUNT);
    IntStream.Builder out = IntStream.builder();
    for (String part : spec.split(",")) {
      String[] range = part.trim().split("-");
      int from = Integer.parseInt(range[0].trim());
      int to = range.length > 1 ? Integer.parseInt(range[1].trim()) : from;
      for (int q = from; q <= to; q++) out.add(q);
    }
    return out.build();
  }
}
