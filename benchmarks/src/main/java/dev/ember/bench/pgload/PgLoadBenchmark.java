package dev.ember.bench.pgload;

import dev.ember.bench.TpchParquetData;
import dev.ember.bench.TpchQueryTexts;
import dev.ember.server.PgServer;
import dev.ember.server.ServerConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load on the wire-protocol server: N concurrent pgJDBC connections (64 by default) run a mix of
 * TPC-H queries over {@code tpch.tiny} for a fixed time and the benchmark prints throughput,
 * latency percentiles per query and overall, and the error count. Each connection maps the eight
 * table names to {@code tpch.tiny} with temporary views, so the query texts stay TPC-H's own.
 *
 * <pre>
 * benchmarks/run-pgload.sh [--connections 64] [--seconds 60] [--queries 1,3,5,6,10,12,14,19]
 *                          [--master local[*]] [--port P (an already running server; else one in-process)]
 *                          [--data generated | DIR (tiny Parquet files written there once)]
 * </pre>
 */
public final class PgLoadBenchmark {
  private static final List<String> TABLES = List.of("lineitem", "orders", "customer", "part", "partsupp",
      "supplier", "nation", "region");

  /** One finished query: which, how long, whether it failed. */
  record Sample(int query, long nanos, boolean failed) {}

  /** Queries finished, warm-up included (to tell "slow" from "stuck"). */
  private static final AtomicLong finished = new AtomicLong();

  private PgLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int connections = 64;
    int seconds = 60;
    int warmup = 10;
    String master = "local[*]";
    String data = "generated";
    int port = -1;
    int[] queries = {1, 3, 4, 5, 6, 10, 12, 14, 19};
    for (int i = 0; i < args.length; i += 2) {
      String v = args[i + 1];
      switch (args[i]) {
        case "--connections" -> connections = Integer.parseInt(v);
        case "--seconds" -> seconds = Integer.parseInt(v);
        case "--warmup" -> warmup = Integer.parseInt(v);
        case "--master" -> master = v;
        case "--data" -> data = v;
        case "--port" -> port = Integer.parseInt(v);
        case "--queries" -> queries = java.util.Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    PgServer server = port < 0 ? PgServer.start(ServerConfig.defaults().withPort(0).withMaster(master)) : null;
    int p = server != null ? server.port() : port;
    try {
      String source = data.equals("generated") ? null : parquet(Path.of(data));
      run("jdbc:postgresql://127.0.0.1:" + p + "/ember", connections, warmup, seconds, queries, master, server != null, source);
    } finally {
      if (server != null) server.close();
    }
    System.exit(0);
  }

  /** Writes the tiny TPC-H tables as Parquet under {@code dir} once; returns the directory as text. */
  private static String parquet(Path dir) throws Exception {
    TpchParquetData.ensure(dir, 0.01, 2);
    return dir.toAbsolutePath().toString();
  }

  private static void run(String url, int connections, int warmup, int seconds, int[] queries, String master,
      boolean inProcess, String parquetDir) throws Exception {
    ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    AtomicLong measuring = new AtomicLong(Long.MAX_VALUE); // start of the measured window
    CountDownLatch ready = new CountDownLatch(connections);
    AtomicLong end = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      int id = c;
      Thread t = new Thread(() -> client(url, id, queries, parquetDir, ready, measuring, end, samples, errors), "pgload-" + c);
      threads.add(t);
      t.start();
    }
    ready.await();
    Thread.sleep(warmup * 1000L);
    long start = System.nanoTime();
    measuring.set(start);
    end.set(start + seconds * 1_000_000_000L);
    for (Thread t : threads) t.join();
    report(samples, errors, connections, seconds, queries, master, inProcess,
        parquetDir == null ? "tpch.tiny (generated on the fly)" : "tiny Parquet files in " + parquetDir);
  }

  private static void client(String url, int id, int[] queries, String parquetDir, CountDownLatch ready, AtomicLong measuring, AtomicLong end,
      ConcurrentLinkedQueue<Sample> samples, ConcurrentLinkedQueue<String> errors) {
    Random random = new Random(id);
    Properties props = new Properties();
    props.setProperty("user", "load" + id);
    props.setProperty("sslmode", "disable");
    try (Connection conn = DriverManager.getConnection(url, props); Statement s = conn.createStatement()) {
      for (String t : TABLES) {
        s.execute(parquetDir == null ? "CREATE TEMPORARY VIEW " + t + " AS SELECT * FROM tpch.tiny." + t
            : "CREATE TEMPORARY VIEW " + t + " USING parquet OPTIONS (path '"
                + TpchParquetData.sqlPath(TpchParquetData.file(Path.of(parquetDir), t)) + "')");
      }
      ready.countDown();
      while (true) {
        long now = System.nanoTime();
        if (end.get() != 0 && now >= end.get()) return;
        int q = queries[random.nextInt(queries.length)];
        long t0 = System.nanoTime();
        boolean failed = false;
        try (ResultSet rs = s.executeQuery(TpchQueryTexts.text(q))) {
          while (rs.next()) { }
        } catch (SQLException e) {
          failed = true;
          errors.add("Q" + q + ": " + e.getSQLState() + " " + e.getMessage());
        }
        long t1 = System.nanoTime();
        finished.incrementAndGet();
        // A closed loop: every query that finishes inside the window counts (throughput = completions / window).
        if (t1 >= measuring.get() && (end.get() == 0 || t1 <= end.get())) samples.add(new Sample(q, t1 - t0, failed));
      }
    } catch (SQLException e) {
      errors.add("connection " + id + ": " + e.getMessage());
      ready.countDown();
    }
  }

  private static void report(ConcurrentLinkedQueue<Sample> samples, ConcurrentLinkedQueue<String> errors,
      int connections, int seconds, int[] queries, String master, boolean inProcess, String data) {
    List<Sample> all = new ArrayList<>(samples);
    System.out.printf(Locale.ROOT, "# pgload: %d pgJDBC connections, TPC-H queries %s over %s, %d s measured, master %s, %s server%n",
        connections, java.util.Arrays.toString(queries), data, seconds, master, inProcess ? "in-process" : "external");
    System.out.printf(Locale.ROOT, "| query | count | p50 ms | p99 ms |%n|---|---:|---:|---:|%n");
    for (int q : queries) {
      List<Long> ns = all.stream().filter(x -> x.query() == q && !x.failed()).map(Sample::nanos).sorted().toList();
      System.out.printf(Locale.ROOT, "| Q%d | %d | %.1f | %.1f |%n", q, ns.size(), pct(ns, 50), pct(ns, 99));
    }
    List<Long> ok = all.stream().filter(x -> !x.failed()).map(Sample::nanos).sorted().toList();
    System.out.printf(Locale.ROOT, "| all | %d | %.1f | %.1f |%n", ok.size(), pct(ok, 50), pct(ok, 99));
    System.out.printf(Locale.ROOT, "throughput: %.1f queries/s; errors: %d (queries finished including warm-up: %d)%n",
        ok.size() / (double) seconds, errors.size(), finished.get());
    errors.stream().limit(10).forEach(e -> System.out.println("  error: " + e));
    System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
        + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
  }

  private static double pct(List<Long> sorted, int p) {
    if (sorted.isEmpty()) return Double.NaN;
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1))) / 1e6;
  }
}
