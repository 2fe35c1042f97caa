package dev.ember.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * TPC-H side by side: Ember and DuckDB (and Spark in the {@code -Pspark} build) in this process
 * over the same Parquet files, each query timed on every engine and the answers compared; the
 * table goes to stdout and to a Markdown file. Run it with {@code benchmarks/run-tpch.sh} (see
 * {@link BenchOptions} for the options; {@code --spark} for the third engine).
 */
public final class TpchBenchmark {
  private TpchBenchmark() {}

  public static void main(String[] args) throws Exception {
    run(args, List.of());
  }

  /** Opens a further engine over the Parquet files in {@code dataDir} with {@code threads} threads. */
  @FunctionalInterface
  public interface EngineFactory {
    QueryEngine open(Path dataDir, int threads) throws Exception;
  }

  /**
   * Runs the benchmark with {@code extraEngines} timed beside Ember and DuckDB (the {@code -Pspark}
   * build's {@code SparkTpchBenchmark} passes Spark), their answers checked against DuckDB's.
   */
  public static void run(String[] args, List<EngineFactory> extraEngines) throws Exception {
    BenchOptions options = BenchOptions.parseOrExit(args);
    TpchParquetData.ensure(options.dataDir(), options.scaleFactor(), options.threads());
    List<QueryResultRow> rows = new ArrayList<>();
    String duckVersion;
    List<QueryEngine> others = new ArrayList<>();
    try (DuckDbEngine duck = new DuckDbEngine(options.dataDir(), options.threads());
         EmberEngine ember = new EmberEngine(options.dataDir(), options.threads())) {
      for (EngineFactory f : extraEngines) others.add(f.open(options.dataDir(), options.threads()));
      duckVersion = duckDbVersion(duck);
      QueryRunner runner = new QueryRunner(ember, duck, others, options);
      try {
        for (int q : options.queries()) {
          QueryResultRow r = runner.run(q);
          rows.add(r);
          System.err.println(progress(r));
        }
      } finally {
        runner.close();
      }
    } finally {
      for (QueryEngine e : others) e.close();
    }
    String report = MarkdownReport.render(rows, options, environment(options, duckVersion));
    System.out.print(report);
    Files.createDirectories(options.outFile().toAbsolutePath().getParent());
    Files.writeString(options.outFile(), report, StandardCharsets.UTF_8);
    System.err.println("report written to " + options.outFile());
  }

  /** One query's line of progress on stderr. */
  private static String progress(QueryResultRow r) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Q%02d  Ember %s  DuckDB %.1f ms  %s", r.query(),
        r.emberOk() ? String.format(Locale.ROOT, "%.1f ms", r.emberMillis()) : "failed",
        r.duckDbMillis(), r.verdict().agrees() ? "agree" : "DIFFER: " + clip(r.verdict().note())));
    for (OtherEngineResult o : r.others()) {
      sb.append(String.format(Locale.ROOT, "  %s %s %s", o.engine(),
          o.ok() ? String.format(Locale.ROOT, "%.1f ms", o.millis()) : "failed",
          o.verdict().agrees() ? "agrees" : "DIFFERS: " + clip(o.verdict().note())));
    }
    return sb.toString();
  }

  /** A note cut to one readable line for the progress output (the report keeps more). */
  private static String clip(String note) {
    return note.length() > 200 ? note.substring(0, 200) + "…" : note;
  }

  private static String duckDbVersion(DuckDbEngine duck) {
    try {
      return String.valueOf(duck.run("SELECT version()").rows().get(0).get(0));
    } catch (Exception e) {
      return "unknown";
    }
  }

  private static MarkdownReport.Environment environment(BenchOptions options, String duckVersion) throws IOException {
    Runtime rt = Runtime.getRuntime();
    String jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch")
        + String.format(Locale.ROOT, ", load average %.2f at the end (the cores may be shared)",
            java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    String command = System.getProperty("bench.command",
        "TpchBenchmark " + String.join(" ", options.commandLine()));
    return new MarkdownReport.Environment(rt.availableProcessors(), os, jdk, rt.maxMemory() >> 20, duckVersion,
        ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), command);
  }
}
