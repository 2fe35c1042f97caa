package dev.ember.bench;

import java.util.List;
import java.util.Locale;

/**
 * The benchmark's report as Markdown: one table line per query, then geometric means and sums
 * over the queries Ember answered in time (failures and time-outs are listed, not averaged;
 * wrong answers are averaged but marked), then the set-up: machine, JDK, scale factor, runs,
 * command line.
 */
final class MarkdownReport {
  private MarkdownReport() {}

  static String render(List<QueryResultRow> rows, BenchOptions options, Environment env) {
    StringBuilder sb = new StringBuilder();
    sb.append("# TPC-H SF ").append(options.scaleName()).append(": Ember vs DuckDB\n\n");
    sb.append("| query | Ember ms | DuckDB ms | ratio | rows | answers agree |\n");
    sb.append("| --- | ---: | ---: | ---: | ---: | --- |\n");
    for (QueryResultRow r : rows) {
      sb.append("| Q").append(String.format("%02d", r.query()))
          .append(" | ").append(r.emberOk() ? ms(r.emberMillis()) : shortProblem(r.emberProblem()))
          .append(" | ").append(ms(r.duckDbMillis()))
          .append(" | ").append(r.bothOk() ? fmt("%.2f", r.ratio()) : "–")
          .append(" | ").append(r.rows() < 0 ? "–" : Long.toString(r.rows()))
          .append(" | ").append(agree(r)).append(" |\n");
    }
    List<QueryResultRow> counted = rows.stream().filter(QueryResultRow::bothOk).toList();
    sb.append('\n');
    if (!counted.isEmpty()) {
      double emberGeo = geomean(counted.stream().mapToDouble(QueryResultRow::emberMillis).toArray());
      double duckGeo = geomean(counted.stream().mapToDouble(QueryResultRow::duckDbMillis).toArray());
      double emberSum = counted.stream().mapToDouble(QueryResultRow::emberMillis).sum();
      double duckSum = counted.stream().mapToDouble(QueryResultRow::duckDbMillis).sum();
      sb.append("Over the ").append(counted.size()).append(" of ").append(rows.size())
          .append(" queries both engines answered in time:\n\n");
      sb.append("| | Ember | DuckDB | ratio |\n| --- | ---: | ---: | ---: |\n");
      sb.append("| geometric mean ms | ").append(ms(emberGeo)).append(" | ").append(ms(duckGeo))
          .append(" | ").append(fmt("%.2f", emberGeo / duckGeo)).append(" |\n");
      sb.append("| sum ms | ").append(ms(emberSum)).append(" | ").append(ms(duckSum))
          .append(" | ").append(fmt("%.2f", emberSum / duckSum)).append(" |\n\n");
    }
    long wrong = rows.stream().filter(r -> r.bothOk() && !r.verdict().agrees()).count();
    if (wrong > 0) sb.append("Wrong answers (counted in the means above): ").append(wrong).append(".\n\n");
    appendNotes(sb, rows);
    sb.append("Ember ms and DuckDB ms are medians of ").append(options.timedRuns()).append(" timed runs after ")
        .append(options.warmupRuns()).append(" warm-up run(s), alternating the engines; a run executes the query")
        .append(" and reads every row. ratio = Ember / DuckDB (lower is better for Ember).\n\n");
    sb.append("- scale factor: ").append(options.scaleName()).append('\n');
    sb.append("- threads: ").append(options.threads()).append(" (Ember local[").append(options.threads())
        .append("], DuckDB SET threads = ").append(options.threads()).append(")\n");
    sb.append("- machine: ").append(env.cores()).append(" cores, ").append(env.os()).append('\n');
    sb.append("- JDK: ").append(env.jdk()).append(", max heap ").append(env.maxHeapMiB()).append(" MiB\n");
    sb.append("- DuckDB: ").append(env.duckDbVersion()).append('\n');
    sb.append("- data: ").append(options.dataDir()).append(" (Parquet written by DuckDB, row groups of ")
        .append(TpchParquetData.ROW_GROUP_SIZE).append(")\n");
    sb.append("- per-run time-out: ").append(options.timeoutSeconds()).append(" s\n");
    sb.append("- date: ").append(env.date()).append('\n');
    sb.append("- command: `").append(env.command()).append("`\n");
    return sb.toString();
  }

  /** Environment facts printed under the table. */
  record Environment(int cores, String os, String jdk, long maxHeapMiB, String duckDbVersion, String date, String command) {}

  private static void appendNotes(StringBuilder sb, List<QueryResultRow> rows) {
    boolean any = false;
    for (QueryResultRow r : rows) {
      String note = r.verdict().note();
      if (note.isEmpty()) continue;
      if (!any) sb.append("Notes:\n\n");
      any = true;
      sb.append("- Q").append(String.format("%02d", r.query())).append(": ").append(escape(note)).append('\n');
    }
    if (any) sb.append('\n');
  }

  private static String agree(QueryResultRow r) {
    if (!r.emberOk()) return "–";
    if (!r.verdict().agrees()) return "**NO**";
    return r.verdict().note().isEmpty() ? "yes" : "yes*";
  }

  private static String shortProblem(String problem) {
    return problem.startsWith("timed out") ? "timeout" : "error";
  }

  static double geomean(double[] values) {
    double logSum = 0;
    for (double v : values) logSum += Math.log(v);
    return Math.exp(logSum / values.length);
  }

  private static String ms(double millis) {
    if (Double.isNaN(millis)) return "–";
    return millis >= 100 ? fmt("%.0f", millis) : fmt("%.1f", millis);
  }

  private static String fmt(String format, double v) { return String.format(Locale.ROOT, format, v); }

  /** Keeps a note on one Markdown line and out of table syntax. */
  private static String escape(String s) {
    String one = s.replace('\n', ' ').replace("|", "\\|");
    return one.length() > 400 ? one.substring(0, 400) + "…" : one;
  }
}
