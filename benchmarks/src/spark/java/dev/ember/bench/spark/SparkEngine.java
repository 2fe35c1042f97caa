package dev.ember.bench.spark;

import dev.ember.bench.Answer;
import dev.ember.bench.CanonicalValues;
import dev.ember.bench.QueryEngine;
import dev.ember.bench.TpchParquetData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Apache Spark in this process, {@code local[threads]}, with each TPC-H table a temporary view
 * over the same Parquet file Ember and DuckDB read. Settings for a fair single-machine run:
 * {@code spark.sql.shuffle.partitions} twice the threads (the default 200 would make most of the
 * time task scheduling at SF 1), adaptive execution on, the web UI off, logging at WARN. A run
 * collects every row to the driver and converts the values like DuckDB's JDBC ones.
 */
public final class SparkEngine implements QueryEngine {
  private final SparkSession spark;

  public SparkEngine(Path dataDir, int threads) {
    spark = SparkSession.builder()
        .appName("ember-tpch-benchmark")
        .master("local[" + threads + "]")
        .config("spark.sql.shuffle.partitions", Integer.toString(threads * 2))
        .config("spark.default.parallelism", Integer.toString(threads * 2))
        .config("spark.sql.adaptive.enabled", "true")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    try {
      for (String table : TpchParquetData.tableNames()) {
        spark.read().parquet(TpchParquetData.file(dataDir, table).toAbsolutePath().toString())
            .createOrReplaceTempView(table);
      }
    } catch (RuntimeException e) {
      spark.stop();
      throw e;
    }
  }

  @Override public String name() { return "Spark"; }

  @Override public Answer run(String sql) {
    Dataset<Row> result = spark.sql(sql);
    List<String> columns = Arrays.asList(result.columns());
    List<List<Object>> rows = new ArrayList<>();
    for (Row r : result.collectAsList()) {
      List<Object> row = new ArrayList<>(r.length());
      for (int c = 0; c < r.length(); c++) row.add(CanonicalValues.fromJdbc(r.get(c)));
      rows.add(row);
    }
    return new Answer(columns, rows);
  }

  @Override public void close() { spark.stop(); }
}
