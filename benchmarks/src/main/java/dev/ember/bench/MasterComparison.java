package dev.ember.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * TPC-H on Ember under two master URLs — by default {@code local[2]} against
 * {@code local-cluster[2,1,4096]} — over the same Parquet files: per query the median time under
 * each, their ratio, and the bytes the query shuffled (the cluster run's Arrow IPC bytes, and how
 * many of them crossed between executors). The second master's answers are checked against the
 * first's. Run it with {@code benchmarks/run-tpch.sh --compare-masters A,B [options]}; the
 * options are {@link BenchOptions}' ({@code --threads} only sizes the Parquet generation).
 */
public final class MasterComparison {
  private MasterComparison() {}

  /** One query's outcome. {@code problem} is null when both masters answered alike. */
  record Row(int query, double firstMillis, double secondMillis, long bytesShuffled, long bytesRemote,
             String problem) {}

  public static void main(String[] args) throws Exception {
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    int at = rest.indexOf("--masters");
    String masters = "local[2],local-cluster[2,1,4096]";
    if (at >= 0 && at + 1 < rest.size()) {
      masters = rest.remove(at + 1);
      rest.remove(at);
    }
    String[] pair = splitMasters(masters);
    BenchOptions options = BenchOptions.parse(rest.toArray(String[]::new));
    Path out = options.outFile().resolveSibling("masters-sf" + options.scaleName() + ".md");
    if (rest.contains("--out")) out = options.outFile();
    TpchParquetData.ensure(options.dataDir(), options.scaleFactor(), options.threads());
    List<Row> rows = new ArrayList<>();
    try (EmberEngine first = new EmberEngine(options.dataDir(), pair[0]);
         EmberEngine second = new EmberEngine(options.dataDir(), pair[1]);
         TimedCall calls = new TimedCall()) {
      for (int q : options.queries()) {
        Row r = run(q, first, second, calls, options);
        rows.add(r);
        System.err.printf(Locale.ROOT, "Q%02d  %s %.1f ms  %s %.1f ms  %d bytes shuffled%s%n", q, pair[0], r.firstMillis(),
            pair[1], r.secondMillis(), r.bytesShuffled(), r.problem() == null ? "" : "  " + r.problem());
      }
    }
    String report = render(rows, pair, options);
    System.out.print(report);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);
    System.err.println("report written to " + out);
  }

  /** "local[2],local-cluster[2,1,4096]": the comma between the two URLs is the one outside brackets. */
  static String[] splitMasters(String spec) {
    int depth = 0;
    for (int i = 0; i < spec.length(); i++) {
      char c = spec.charAt(i);
      if (c == '[') depth++;
      else if (c == ']') depth--;
      else if (c == ',' && depth == 0) return new String[] {spec.substring(0, i).trim(), spec.substring(i + 1).trim()};
    }
    throw new IllegalArgumentException("--compare-masters needs two master URLs separated by a comma: " + spec);
  }

  /** Warm-up runs, then timed runs alternating the two masters; the last answers are compared. */
  private static Row run(int q, EmberEngine first, EmberEngine second, TimedCall calls, BenchOptions options) {
    String sql = TpchQueryTexts.text(q);
    List<Double> a = new ArrayList<>(), b = new ArrayList<>();
    Answer lastA = null, lastB = null;
    for (int i = 0; i < options.warmupRuns() + options.timedRuns(); i++) {
      boolean timed = i >= options.warmupRuns();
      TimedCall.Outcome oa = calls.run(() -> first.run(sql), options.timeoutSeconds());
      if (!oa.ok()) return failed(q, "first master: " + problem(oa, options));
      TimedCall.Outcome ob = calls.run(() -> second.run(sql), options.timeoutSeconds());
      if (!ob.ok()) return failed(q, "second master: " + problem(ob, options));
      if (timed) {
        a.add(oa.millis());
        b.add(ob.millis());
      }
      lastA = oa.answer();
      lastB = ob.answer();
    }
    AnswerCheck.Verdict v = AnswerCheck.check(lastA, lastB);
    return new Row(q, median(a), median(b), second.lastBytesShuffled(), second.lastBytesFetchedRemotely(),
        v.agrees() ? null : "answers differ: " + v.note());
  }

  private static Row failed(int q, String why) { return new Row(q, Double.NaN, Double.NaN, -1, -1, why); }

  private static String problem(TimedCall.Outcome o, BenchOptions options) {
    return o.timedOut() ? "timed out after " + options.timeoutSeconds() + " s" : QueryRunner.describe(o.error());
  }

  private static double median(List<Double> ms) {
    return QueryResultRow.median(ms.stream().mapToDouble(Double::doubleValue).toArray());
  }

  static String render(List<Row> rows, String[] masters, BenchOptions options) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("# TPC-H SF ").append(options.scaleName()).append(": ").append(masters[0]).append(" vs ")
        .append(masters[1]).append("\n\n");
    sb.append("| query | ").append(masters[0]).append(" ms | ").append(masters[1])
        .append(" ms | ratio | bytes shuffled | fetched from other executors |\n");
    sb.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
    double sumA = 0, sumB = 0, logRatio = 0;
    int ok = 0;
    for (Row r : rows) {
      sb.append(String.format(Locale.ROOT, "| Q%02d | ", r.query()));
      if (Double.isNaN(r.firstMillis())) {
        sb.append("– | – | – | – | – |").append(" ").append(r.problem()).append('\n');
        continue;
      }
      double ratio = r.secondMillis() / r.firstMillis();
      sb.append(String.format(Locale.ROOT, "%.1f | %.1f | %.2f | %s | %s |", r.firstMillis(), r.secondMillis(), ratio,
          mib(r.bytesShuffled()), mib(r.bytesRemote())));
      if (r.problem() != null) sb.append(' ').append(r.problem());
      sb.append('\n');
      sumA += r.firstMillis();
      sumB += r.secondMillis();
      logRatio += Math.log(ratio);
      ok++;
    }
    if (ok > 0) {
      sb.append(String.format(Locale.ROOT, "| sum | %.1f | %.1f | %.2f (geometric mean %.2f) | | |%n", sumA, sumB,
          sumB / sumA, Math.exp(logRatio / ok)));
    }
    sb.append("\nMedians of ").append(options.timedRuns()).append(" timed runs after ").append(options.warmupRuns())
        .append(" warm-up run(s), alternating the masters; ratio = ").append(masters[1]).append(" / ")
        .append(masters[0]).append(". Bytes shuffled: Arrow IPC bytes the ").append(masters[1])
        .append(" run's map tasks wrote (QueryResult.bytesShuffled).\n\n");
    Runtime rt = Runtime.getRuntime();
    sb.append(String.format(Locale.ROOT, "- machine: %d cores, load average %.2f at the end (the cores may be shared)%n",
        rt.availableProcessors(), java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    sb.append("- data: ").append(options.dataDir()).append('\n');
    sb.append("- command: `").append(System.getProperty("bench.command", "MasterComparison")).append("`\n");
    return sb.toString();
  }

  /** Bytes in the largest unit that keeps a number of at least 1 (B, KiB, MiB, GiB). */
  static String mib(long bytes) {
    if (bytes < 0) return "–";
    if (bytes < 1024) return bytes + " B";
    String[] units = {"KiB", "MiB", "GiB"};
    double v = bytes / 1024.0;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
