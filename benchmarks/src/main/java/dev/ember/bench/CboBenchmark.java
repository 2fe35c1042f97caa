package dev.ember.bench;

import dev.ember.api.QueryResult;
import dev.ember.api.Session;
import dev.ember.catalyst.types.Field;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * TPC-H on Ember alone, two comparisons per query over the same Parquet files:
 * <ul>
 *   <li>run time (median of the timed runs) with the cost-based optimizer on
 *       ({@code ember.sql.cbo.enabled} and {@code ember.sql.cbo.joinReorder.enabled}, after
 *       {@code ANALYZE TABLE} of the keys and the filtered columns) and off (the statistics-free
 *       join order and size estimates);</li>
 *   <li>rows read from storage ({@link QueryResult#rowsRead()}) with filter pushdown into the
 *       scans on and off ({@code ember.optimizer.excludedRules=PushFiltersIntoScan}).</li>
 * </ul>
 * Run it with {@code benchmarks/run-tpch.sh --cbo [options]} (the options of {@link BenchOptions};
 * the report goes to {@code benchmarks/target/cbo-sf<N>.md} unless {@code --out} is given).
 */
public final class CboBenchmark {
  private CboBenchmark() {}

  /** One query's numbers; NaN / -1 where a run failed. */
  record Row(int query, double cboOnMillis, double cboOffMillis, long rowsPushdownOn, long rowsPushdownOff) {}

  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.parse(args);
    Path out = Arrays.asList(args).contains("--out") ? options.outFile()
        : options.outFile().resolveSibling("cbo-sf" + options.scaleName() + ".md");
    TpchParquetData.ensure(options.dataDir(), options.scaleFactor(), options.threads());
    List<Row> rows = new ArrayList<>();
    try (Session s = Session.builder().master("local[" + options.threads() + "]").getOrCreate()) {
      for (String table : TpchParquetData.tableNames()) {
        execute(s, "CREATE TEMPORARY VIEW " + table + " USING parquet OPTIONS (path '"
            + TpchParquetData.sqlPath(TpchParquetData.file(options.dataDir(), table)) + "')");
      }
      long t0 = System.nanoTime();
      analyze(s);
      System.err.printf(Locale.ROOT, "ANALYZE TABLE of the 8 tables: %.1f s%n", (System.nanoTime() - t0) / 1e9);
      for (int q : options.queries()) {
        String sql = TpchQueryTexts.text(q);
        double[] onOff = timeBoth(s, sql, options);
        double on = onOff[0], off = onOff[1];
        costBased(s, true);
        long readOn = rowsRead(s, sql);
        s.setConf("ember.optimizer.excludedRules", "PushFiltersIntoScan");
        long readOff = rowsRead(s, sql);
        s.setConf("ember.optimizer.excludedRules", "");
        Row r = new Row(q, on, off, readOn, readOff);
        rows.add(r);
        System.err.printf(Locale.ROOT, "Q%02d  CBO on %.1f ms  off %.1f ms  rows read %d (pushdown) / %d (none)%n",
            q, on, off, readOn, readOff);
      }
    }
    String report = report(rows, options);
    System.out.print(report);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);
    System.err.println("report written to " + out);
  }

  /**
   * Free text, prices and other columns no TPC-H join or filter reads with a selective predicate:
   * their exact distinct counts would only make ANALYZE slower.
   */
  private static final java.util.Set<String> NOT_ANALYZED = java.util.Set.of("p_name", "p_retailprice", "s_name",
      "s_address", "s_phone", "s_acctbal", "ps_availqty", "ps_supplycost", "c_name", "c_address", "c_phone",
      "o_totalprice", "o_clerk", "l_extendedprice", "l_tax");

  /**
   * The cost-based rules on (statistics-driven estimates and the cost-based join order) or off
   * (the statistics-free estimates and the connected-order heuristic).
   */
  private static void costBased(Session s, boolean on) {
    s.setConf("ember.sql.cbo.enabled", Boolean.toString(on));
    s.setConf("ember.sql.cbo.joinReorder.enabled", Boolean.toString(on));
  }

  /** ANALYZE TABLE … FOR COLUMNS, one column at a time (exact distinct counts of one column per scan). */
  private static void analyze(Session s) {
    for (String table : TpchParquetData.tableNames()) {
      try (QueryResult r = s.execute("SELECT * FROM " + table + " LIMIT 0")) {
        execute(s, "ANALYZE TABLE " + table + " COMPUTE STATISTICS");
        for (Field f : r.schema().fields()) {
          if (f.name().endsWith("comment") || NOT_ANALYZED.contains(f.name())) continue;
          execute(s, "ANALYZE TABLE " + table + " COMPUTE STATISTICS FOR COLUMNS " + f.name());
        }
      }
    }
  }

  /**
   * Median run time with the cost-based rules on and off, {on, off}. The two arms are warmed up
   * and then timed alternately, the first arm switching every round: timed one after the other,
   * the first arm paid for the JIT compiling the query's generated classes (and the garbage of
   * the query before), which made Q1 — the same plan either way — 40% slower "on".
   */
  private static double[] timeBoth(Session s, String sql, BenchOptions o) {
    try {
      for (int i = 0; i < o.warmupRuns(); i++) {
        costBased(s, true);
        drain(s, sql);
        costBased(s, false);
        drain(s, sql);
      }
      double[] on = new double[o.timedRuns()], off = new double[o.timedRuns()];
      for (int i = 0; i < on.length; i++) {
        boolean onFirst = i % 2 == 0;
        for (boolean arm : new boolean[] {onFirst, !onFirst}) {
          costBased(s, arm);
          long t = System.nanoTime();
          drain(s, sql);
          (arm ? on : off)[i] = (System.nanoTime() - t) / 1e6;
        }
      }
      return new double[] {median(on), median(off)};
    } catch (RuntimeException e) {
      System.err.println("failed: " + e.getMessage());
      return new double[] {Double.NaN, Double.NaN};
    }
  }

  private static double median(double[] ms) {
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static long rowsRead(Session s, String sql) {
    try (QueryResult r = s.execute(sql)) {
      while (r.nextBatch() != null) {
        // read everything, so every scan ran
      }
      return r.rowsRead();
    } catch (RuntimeException e) {
      System.err.println("failed: " + e.getMessage());
      return -1;
    }
  }

  private static void drain(Session s, String sql) {
    try (QueryResult r = s.execute(sql)) {
      for (VectorSchemaRoot b = r.nextBatch(); b != null; b = r.nextBatch()) {
        // discard
      }
    }
  }

  private static void execute(Session s, String sql) {
    try (QueryResult ignored = s.execute(sql)) {
      // no rows
    }
  }

  static String report(List<Row> rows, BenchOptions o) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "# Ember TPC-H SF %s: cost-based optimizer and filter pushdown%n%n", o.scaleName()));
    sb.append(String.format(Locale.ROOT, "local[%d], %d warm-up and %d timed runs (median). The machine may be "
        + "shared: times are noisy.%n%n", o.threads(), o.warmupRuns(), o.timedRuns()));
    sb.append("| query | CBO on (ms) | CBO off (ms) | off / on | rows read, pushdown on | rows read, pushdown off | on / off |\n");
    sb.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    double sumOn = 0, sumOff = 0;
    long readOn = 0, readOff = 0;
    for (Row r : rows) {
      sumOn += r.cboOnMillis();
      sumOff += r.cboOffMillis();
      readOn += Math.max(0, r.rowsPushdownOn());
      readOff += Math.max(0, r.rowsPushdownOff());
      sb.append(String.format(Locale.ROOT, "| Q%02d | %.0f | %.0f | %.2f | %,d | %,d | %.2f |%n", r.query(),
          r.cboOnMillis(), r.cboOffMillis(), r.cboOffMillis() / r.cboOnMillis(), r.rowsPushdownOn(),
          r.rowsPushdownOff(), (double) r.rowsPushdownOn() / Math.max(1, r.rowsPushdownOff())));
    }
    sb.append(String.format(Locale.ROOT, "| total | %.0f | %.0f | %.2f | %,d | %,d | %.2f |%n", sumOn, sumOff,
        sumOff / sumOn, readOn, readOff, (double) readOn / Math.max(1, readOff)));
    return sb.toString();
  }
}
