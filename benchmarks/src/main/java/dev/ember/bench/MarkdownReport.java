package dev.ember.bench;

import java.util.List;
import java.util.Locale;

/**
 * The benchmark's report as Markdown: one table line per query (Ember, DuckDB, then any other
 * engine such as Spark with its time, Ember's ratio to it and whether its answer agrees with
 * DuckDB's), then geometric means and sums over the queries every engine answered in time
 * (failures and time-outs are listed, not averaged; wrong answers are averaged but marked), then
 * the set-up: machine, JDK, scale factor, runs, command line.
 */
final class MarkdownReport {
  private MarkdownReport() {}

  static String render(List<QueryResultRow> rows, BenchOptions options, Environment env) {
    List<String> others = rows.isEmpty() ? List.of()
        : rows.get(0).others().stream().map(OtherEngineResult::engine).toList();
    StringBuilder sb = new StringBuilder();
    sb.append("# TPC-H SF ").append(options.scaleName()).append(": Ember vs DuckDB");
    for (String o : others) sb.append(" vs ").append(o);
    sb.append("\n\n| query | Ember ms | DuckDB ms | ratio |");
    for (String o : others) sb.append(' ').append(o).append(" ms | Ember / ").append(o).append(" | ").append(o).append(" agrees |");
    sb.append(" rows | answers agree |\n| --- | ---: | ---: | ---: |");
    for (int i = 0; i < others.size(); i++) sb.append(" ---: | ---: | --- |");
    sb.append(" ---: | --- |\n");
    for (QueryResultRow r : rows) {
      sb.append("| Q").append(String.format("%02d", r.query()))
          .append(" | ").append(r.emberOk() ? ms(r.emberMillis()) : shortProblem(r.emberProblem()))
          .append(" | ").append(ms(r.duckDbMillis()))
          .append(" | ").append(r.bothOk() ? fmt("%.2f", r.ratio()) : "–");
      for (OtherEngineResult o : r.others()) {
        sb.append(" | ").append(o.ok() ? ms(o.millis()) : shortProblem(o.problem()))
            .append(" | ").append(o.ok() && r.emberOk() ? fmt("%.3f", r.emberMillis() / o.millis()) : "–")
            .append(" | ").append(o.ok() ? agree(o.verdict()) : "–");
      }
      sb.append(" | ").append(r.rows() < 0 ? "–" : Long.toString(r.rows()))
          .append(" | ").append(r.emberOk() ? agree(r.verdict()) : "–").append(" |\n");
    }
    List<QueryResultRow> counted = rows.stream().filter(QueryResultRow::allOk).toList();
    sb.append('\n');
    if (!counted.isEmpty()) {
      sb.append("Over the ").append(counted.size()).append(" of ").append(rows.size())
          .append(" queries every engine answered in time:\n\n");
      sb.append("| | Ember | DuckDB | Ember / DuckDB |");
      for (String o : others) sb.append(' ').append(o).append(" | Ember / ").append(o).append(" |");
      sb.append("\n| --- | ---: | ---: | ---: |");
      for (int i = 0; i < others.size(); i++) sb.append(" ---: | ---: |");
      sb.append('\n');
      appendTotals(sb, "geometric mean ms", counted, others.size(), MarkdownReport::geomean);
      appendTotals(sb, "sum ms", counted, others.size(), v -> java.util.Arrays.stream(v).sum());
      sb.append('\n');
    }
    long wrong = rows.stream().filter(r -> r.allOk() && !r.verdict().agrees()).count();
    if (wrong > 0) sb.append("Wrong answers (counted in the means above): ").append(wrong).append(".\n\n");
    appendNotes(sb, rows);
    sb.append("The ms columns are medians of ").append(options.timedRuns()).append(" timed runs after ")
        .append(options.warmupRuns()).append(" warm-up run(s), alternating the engines; a run executes the query")
        .append(" and reads every row. ratio = Ember / DuckDB, Ember / X = Ember ms / X ms (lower is better for Ember).\n\n");
    sb.append("- scale factor: ").append(options.scaleName()).append('\n');
    sb.append("- threads: ").append(options.threads()).append(" (Ember local[").append(options.threads())
        .append("], DuckDB SET threads = ").append(options.threads());
    for (String o : others) sb.append(", ").append(o).append(" local[").append(options.threads()).append(']');
    sb.append(")\n");
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

  /** One line of the totals table: {@code total} over Ember, DuckDB and each other engine, with the ratios. */
  private static void appendTotals(StringBuilder sb, String label, List<QueryResultRow> counted, int otherCount,
      java.util.function.ToDoubleFunction<double[]> total) {
    double ember = total.applyAsDouble(counted.stream().mapToDouble(QueryResultRow::emberMillis).toArray());
    double duck = total.applyAsDouble(counted.stream().mapToDouble(QueryResultRow::duckDbMillis).toArray());
    sb.append("| ").append(label).append(" | ").append(ms(ember)).append(" | ").append(ms(duck))
        .append(" | ").append(fmt("%.2f", ember / duck)).append(" |");
    for (int i = 0; i < otherCount; i++) {
      int at = i;
      double other = total.applyAsDouble(counted.stream().mapToDouble(r -> r.others().get(at).millis()).toArray());
      sb.append(' ').append(ms(other)).append(" | ").append(fmt("%.3f", ember / other)).append(" |");
    }
    sb.append('\n');
  }

  /** Environment facts printed under the table. */
  record Environment(int cores, String os, String jdk, long maxHeapMiB, String duckDbVersion, String date, String command) {}

  private static void appendNotes(StringBuilder sb, List<QueryResultRow> rows) {
    boolean any = false;
    for (QueryResultRow r : rows) {
      List<String> notes = new java.util.ArrayList<>();
      if (!r.verdict().note().isEmpty()) notes.add(r.verdict().note());
      for (OtherEngineResult o : r.others()) {
        if (!o.verdict().note().isEmpty()) notes.add(o.engine() + " vs DuckDB: " + o.verdict().note());
      }
      for (String note : notes) {
        if (!any) sb.append("Notes:\n\n");
        any = true;
        sb.append("- Q").append(String.format("%02d", r.query())).append(": ").append(escape(note)).append('\n');
      }
    }
    if (any) sb.append('\n');
  }

  private static String agree(AnswerCheck.Verdict v) {
    if (!v.agrees()) return "**NO**";
    return v.note().isEmpty() ? "yes" : "yes*";
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
