package dev.ember.bench;

import java.util.Locale;

/**
 * Generates the benchmark's Parquet files for a scale factor and stops, without running queries
 * ({@code benchmarks/run-tpch.sh --generate --sf 10}): a large scale factor can be generated once,
 * ahead of the timed run, and how long it took is printed. Takes {@link BenchOptions}' options;
 * only {@code --sf}, {@code --threads} and {@code --data-dir} matter. An existing directory is kept.
 */
public final class TpchGenerate {
  private TpchGenerate() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.parseOrExit(args);
    long start = System.nanoTime();
    TpchParquetData.ensure(options.dataDir(), options.scaleFactor(), options.threads());
    System.err.printf(Locale.ROOT, "SF %s in %s after %.1f s%n", options.scaleName(), options.dataDir(),
        (System.nanoTime() - start) / 1e9);
  }
}
