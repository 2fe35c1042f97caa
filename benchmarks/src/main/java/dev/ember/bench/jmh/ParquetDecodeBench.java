package dev.ember.bench.jmh;

import dev.ember.datasources.BatchReader;
import dev.ember.datasources.ScanSplit;
import dev.ember.datasources.parquet.ParquetTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Decoding one column of a 1 M-row Parquet file (written by DuckDB, snappy, row groups of
 * 122,880) into Arrow batches of 4,096 rows: {@code id} BIGINT (plain), {@code price}
 * DECIMAL(15,2) (INT64), {@code flag} VARCHAR (dictionary), {@code comment} VARCHAR (plain).
 * The baseline is the physical limit of the output side: copying the same decoded bytes from a
 * heap array into vectors of the same shape (fixed-width columns only; for strings it copies the
 * fixed-width slot count as a floor).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ParquetDecodeBench {
  static final int ROWS = 1 << 20;
  static final int BATCH = 4096;

  @Param({"id", "price", "flag", "comment"}) public String column;

  private RootAllocator allocator;
  private Path dir;
  private ParquetTable table;
  private List<ScanSplit> splits;
  private byte[] decoded;

  @Setup(Level.Trial) public void write() throws Exception {
    allocator = new RootAllocator();
    dir = Files.createTempDirectory("ember-jmh-parquet");
    Path file = dir.resolve("t.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("COPY (SELECT i::BIGINT AS id, ((i * 7919) % 10000000 / 100.0)::DECIMAL(15,2) AS price, "
          + "['A|F','N|F','N|O','R|F'][1 + i % 4] AS flag, 'comment number ' || (i * 31) AS comment "
          + "FROM range(" + ROWS + ") t(i)) TO '" + file + "' (FORMAT parquet, ROW_GROUP_SIZE 122880)");
    }
    table = ParquetTable.open("t", file.toString());
    splits = table.splits(1);
    decoded = new byte[ROWS * 16];
    new java.util.Random(1).nextBytes(decoded);
  }

  @TearDown(Level.Trial) public void close() throws Exception {
    allocator.close();
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) Files.delete(p);
    }
    Files.delete(dir);
  }

  @Benchmark public long ember() {
    long rows = 0;
    for (ScanSplit split : splits) {
      try (BatchReader r = table.open(split, List.of(column), List.of(), allocator, BATCH)) {
        for (VectorSchemaRoot b = r.next(); b != null; b = r.next()) {
          rows += b.getRowCount();
          b.close();
        }
      }
    }
    return rows;
  }

  @Benchmark public long copyBaseline() {
    long rows = 0;
    try (BatchReader r = table.open(splits.get(0), List.of(column), List.of(), allocator, BATCH)) {
      // only the schema: one vector of the column's type per batch, filled by a bulk copy
      VectorSchemaRoot shape = r.next();
      int width = shape.getVector(0) instanceof BaseFixedWidthVector f ? f.getTypeWidth() : 4;
      for (int at = 0; at < ROWS; at += BATCH) {
        int n = Math.min(BATCH, ROWS - at);
        FieldVector v = shape.getVector(0).getField().createVector(allocator);
        v.setInitialCapacity(n);
        v.allocateNew();
        ArrowBuf data = v.getDataBuffer();
        data.setBytes(0, decoded, (int) ((long) at * width % (decoded.length - BATCH * 16L)), (long) n * width);
        ArrowBuf validity = v.getValidityBuffer();
        validity.setOne(0, (n + 7) / 8);
        v.setValueCount(n);
        rows += n;
        v.close();
      }
      shape.close();
    }
    return rows;
  }
}
