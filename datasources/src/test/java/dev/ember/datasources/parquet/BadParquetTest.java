package dev.ember.datasources.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.datasources.BatchReader;
import dev.ember.datasources.ScanSplit;
import dev.ember.datasources.fs.HadoopFiles;
import dev.ember.datasources.testing.Batches;
import dev.ember.datasources.testing.DuckDb;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrupt and truncated Parquet files fail with SQLSTATE XX001 naming the file, whether the damage
 * is found when the table is opened or only when a task reads; a file deleted after planning is an
 * IO_ERROR naming it, never an empty answer.
 */
class BadParquetTest {
  @TempDir Path dir;
  private BufferAllocator allocator;

  @BeforeEach void allocate() { allocator = new RootAllocator(); }

  @AfterEach void checkNoLeak() { allocator.close(); }

  private Path good(String name) {
    Path file = dir.resolve(name);
    try (DuckDb duck = new DuckDb()) {
      duck.execute("COPY (SELECT i AS id, 'v' || i AS v FROM range(5000) r(i)) TO '" + file + "' (FORMAT parquet, COMPRESSION snappy)");
    }
    return file;
  }

  private void readAll(ParquetTable t, ScanSplit split) {
    try (BatchReader r = t.open(split, t.schema().names(), List.of(), allocator, 1000)) {
      for (VectorSchemaRoot b = r.next(); b != null; b = r.next()) b.close();
    }
  }

  private static void assertCorrupt(EmberException e, Path file) {
    assertEquals(HadoopFiles.DATA_CORRUPTED, e.sqlState(), e.getMessage());
    assertTrue(e.getMessage().contains(file.getFileName().toString()) && e.getMessage().contains("corrupt or truncated"),
        e.getMessage());
  }

  @Test void truncatedFileFailsWhenOpened() throws IOException {
    Path file = good("t.parquet");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 50));
    assertCorrupt(assertThrows(EmberException.class, () -> ParquetTable.open("t", file.toString())), file);
  }

  @Test void fileTruncatedAfterPlanningFailsWhenRead() throws IOException {
    Path file = good("late.parquet");
    ParquetTable t = ParquetTable.open("t", file.toString());
    ScanSplit split = t.splits(1).get(0);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    assertCorrupt(assertThrows(EmberException.class, () -> readAll(t, split)), file);
  }

  @Test void damagedPagesFailWhenRead() throws IOException {
    Path file = good("damaged.parquet");
    ParquetTable t = ParquetTable.open("t", file.toString());
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(4); // the first page header starts right after the magic
      byte[] junk = new byte[64];
      Arrays.fill(junk, (byte) 0xEE);
      f.write(junk);
    }
    assertCorrupt(assertThrows(EmberException.class, () -> readAll(t, t.splits(1).get(0))), file);
  }

  @Test void fileDeletedAfterPlanningIsAnErrorNotAnEmptyAnswer() throws IOException {
    Path file = good("gone.parquet");
    ParquetTable t = ParquetTable.open("t", file.toString());
    ScanSplit split = t.splits(1).get(0);
    Files.delete(file);
    EmberException e = assertThrows(EmberException.class, () -> readAll(t, split));
    assertEquals(EmberException.IO_ERROR, e.sqlState());
    assertTrue(e.getMessage().contains("does not exist") && e.getMessage().contains(file.toString()), e.getMessage());
  }

  @Test void textFileDeletedAfterPlanningIsAnError() throws IOException {
    Path csv = dir.resolve("gone.csv");
    Files.writeString(csv, "1\n2\n");
    var t = dev.ember.datasources.catalog.DataSources.open("csv", "t", java.util.Map.of(), csv.toString(), null);
    Files.delete(csv);
    EmberException e = assertThrows(EmberException.class, () -> Batches.readAll(t, t.schema().names(), allocator, 1, 10));
    assertEquals(EmberException.IO_ERROR, e.sqlState());
    assertTrue(e.getMessage().contains(csv.toString()), e.getMessage());
  }
}
