package dev.ember.bench;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The command line of {@link TpchBenchmark}.
 *
 * <pre>
 * --sf 1              scale factor (default 1)
 * --queries 1-5,7,22  which of the 22 queries (default 1-22)
 * --warmup 1          untimed runs per engine and query before the timed ones (default 1)
 * --runs 5            timed runs per engine and query (default 5)
 * --threads 2         Ember local[N] and DuckDB SET threads = N (default: available processors)
 * --timeout 120       seconds one Ember run may take before the query counts as timed out
 * --data-dir DIR      Parquet files (default benchmarks/target/tpch-data/sf&lt;N&gt;)
 * --out FILE          Markdown report (default benchmarks/target/tpch-sf&lt;N&gt;.md)
 * </pre>
 *
 * Relative defaults are resolved against {@code --base} (the benchmarks module folder; the run
 * script passes it), else the working directory.
 */
public record BenchOptions(double scaleFactor, List<Integer> queries, int warmupRuns, int timedRuns,
    int threads, int timeoutSeconds, Path dataDir, Path outFile, List<String> commandLine) {

  public BenchOptions {
    queries = List.copyOf(queries);
    commandLine = List.copyOf(commandLine);
    if (scaleFactor <= 0) throw new IllegalArgumentException("--sf must be positive: " + scaleFactor);
    if (timedRuns < 1) throw new IllegalArgumentException("--runs must be at least 1");
    if (warmupRuns < 0) throw new IllegalArgumentException("--warmup must not be negative");
    if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1");
    if (timeoutSeconds < 1) throw new IllegalArgumentException("--timeout must be at least 1");
  }

  /** "0.1", "1", "10": the scale factor as written in directory and file names. */
  public String scaleName() {
    return BigDecimal.valueOf(scaleFactor).stripTrailingZeros().toPlainString();
  }

  /** Parses a benchmark main's arguments; on a bad one prints the usage hint and exits with status 2. */
  public static BenchOptions parseOrExit(String... args) {
    try {
      return parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      throw e; // not reached
    }
  }

  /** Parses the arguments; throws IllegalArgumentException with a usage hint on a bad one. */
  public static BenchOptions parse(String... args) {
    double sf = 1;
    String queries = "1-22";
    int warmup = 1;
    int runs = 5;
    int threads = Runtime.getRuntime().availableProcessors();
    int timeout = 120;
    String dataDir = null;
    String out = null;
    Path base = Paths.get("").toAbsolutePath();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (i + 1 >= args.length) throw new IllegalArgumentException(name + " needs a value\n" + usage());
      String value = args[++i];
      switch (name) {
        case "--sf" -> sf = Double.parseDouble(value);
        case "--queries" -> queries = value;
        case "--warmup" -> warmup = Integer.parseInt(value);
        case "--runs" -> runs = Integer.parseInt(value);
        case "--threads" -> threads = Integer.parseInt(value);
        case "--timeout" -> timeout = Integer.parseInt(value);
        case "--data-dir" -> dataDir = value;
        case "--out" -> out = value;
        case "--base" -> base = Paths.get(value).toAbsolutePath();
        default -> throw new IllegalArgumentException("unknown option " + name + "\n" + usage());
      }
    }
    String scale = BigDecimal.valueOf(sf).stripTrailingZeros().toPlainString();
    Path data = dataDir != null ? Paths.get(dataDir).toAbsolutePath() : base.resolve("target/tpch-data/sf" + scale);
    Path report = out != null ? Paths.get(out).toAbsolutePath() : base.resolve("target/tpch-sf" + scale + ".md");
    return new BenchOptions(sf, parseQueries(queries), warmup, runs, threads, timeout, data, report, List.of(args));
  }

  /** "1-5,7,22" as the sorted query numbers; each must be in 1..22. */
  static List<Integer> parseQueries(String spec) {
    TreeSet<Integer> set = new TreeSet<>();
    for (String part : spec.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) continue;
      int dash = p.indexOf('-');
      int from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).trim());
      int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1).trim());
      for (int q = from; q <= to; q++) {
        if (q < 1 || q > 22) throw new IllegalArgumentException("TPC-H has queries 1 to 22, not " + q);
        set.add(q);
      }
    }
    if (set.isEmpty()) throw new IllegalArgumentException("no queries in '" + spec + "'");
    return new ArrayList<>(set);
  }

  static String usage() {
    return "usage: TpchBenchmark [--sf 1] [--queries 1-22] [--warmup 1] [--runs 5] [--threads N]"
        + " [--timeout 120] [--data-dir DIR] [--out FILE]";
  }
}
