package dev.ember.bench.spark;

import dev.ember.bench.TpchBenchmark;
import java.util.List;

/**
 * The TPC-H benchmark with Spark as the third engine ({@code benchmarks/run-tpch.sh --spark}, built
 * with {@code -Pspark}): the same options and report as {@link TpchBenchmark}, plus per query
 * Spark's median time, Ember's ratio to it and whether Spark's answer agrees with DuckDB's.
 */
public final class SparkTpchBenchmark {
  private SparkTpchBenchmark() {}

  public static void main(String[] args) throws Exception {
    TpchBenchmark.run(args, List.of(SparkEngine::new));
  }
}
