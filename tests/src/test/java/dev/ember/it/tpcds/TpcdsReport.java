package dev.ember.it.tpcds;

import dev.ember.it.tpcds.Outcome.Status;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The per-query status table printed after a TPC-DS run, ending with "N of 99 match DuckDB": a
 * template counts as matching when all its parts (14a and 14b, …) match, {@code ANSI_ERROR}
 * included (and counted on a line of its own).
 */
final class TpcdsReport {
  private TpcdsReport() {}

  static String render(SortedMap<String, Outcome> outcomes, Map<String, String> known) {
    StringBuilder sb = new StringBuilder("\nTPC-DS at SF 0.01, Ember against DuckDB\n");
    sb.append(String.format("%-5s %-13s %7s  %s%n", "query", "status", "ms", "detail"));
    Map<Integer, Boolean> templates = new TreeMap<>();
    int parts = 0;
    java.util.Set<Integer> ansi = new java.util.TreeSet<>();
    for (Outcome o : outcomes.values()) {
      boolean match = o.matches();
      if (match) parts++;
      if (o.status() == Status.ANSI_ERROR) ansi.add(TpcdsQueries.template(o.name()));
      templates.merge(TpcdsQueries.template(o.name()), match, Boolean::logicalAnd);
      String detail = match ? o.detail() : o.shortDetail(160);
      String listed = known.containsKey(o.name()) ? " [known: " + known.get(o.name()) + "]" : "";
      sb.append(String.format("%-5s %-13s %7d  %s%s%n", o.name(), o.status(), o.millis(), detail, listed));
    }
    long matching = templates.values().stream().filter(b -> b).count();
    sb.append(String.format("%d of %d match DuckDB (%d of %d statements; %d of %d templates run here)%n",
        matching, TpcdsQueries.TEMPLATES, parts, outcomes.size(), templates.size(), TpcdsQueries.TEMPLATES));
    if (!ansi.isEmpty()) {
      sb.append(String.format("  of which %d raise 22012 division by zero as Spark 4 does (DuckDB: NaN or NULL) and match"
          + " with a NULLIF-guarded divisor: %s%n", ansi.size(), ansi));
    }
    return sb.toString();
  }
}
