package dev.ember.datasources.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.BatchReader;
import dev.ember.datasources.ScanSplit;
import dev.ember.datasources.testing.Batches;
import dev.ember.datasources.testing.DuckDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths, directories, splits, projections, statistics and errors of {@link ParquetTable}. */
class ParquetTableTest {
  @TempDir Path dir;
  private static DuckDb duck;
  private BufferAllocator allocator;

  @BeforeAll static void start() { duck = new DuckDb(); }

  @AfterAll static void stop() { duck.close(); }

  @BeforeEach void allocate() { allocator = new RootAllocator(); }

  @AfterEach void checkNoLeak() { allocator.close(); }

  private Path write(String name, String query, int rowGroupSize) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    duck.execute("COPY (" + query + ") TO '" + file + "' (FORMAT parquet, ROW_GROUP_SIZE " + rowGroupSize + ")");
    return file;
  }

  private static String rows(long from, long to) {
    return "SELECT i AS id, 'v' || i AS v FROM range(" + from + ", " + to + ") r(i)";
  }

  @Test void directoryReadsEveryParquetFileAndSkipsHiddenOnes() throws IOException {
    write("a.parquet", rows(0, 100), 2048);
    write("b.parquet", rows(100, 250), 2048);
    write("sub/c.parquet", rows(250, 300), 2048);
    write(".hidden.parquet", rows(1000, 2000), 2048);
    write("_temporary/d.parquet", rows(2000, 3000), 2048);
    Files.writeString(dir.resolve("_SUCCESS"), "");
    Files.writeString(dir.resolve("notes.txt"), "not parquet");
    ParquetTable t = ParquetTable.open("t", dir.toString());
    List<List<Object>> all = Batches.readAll(t, List.of("id"), allocator, 2, 4096);
    assertEquals(300, all.size());
    assertEquals(300, all.stream().distinct().count());
    assertEquals(300, t.statistics().rowCount().getAsLong());
    long compressed = 0;
    for (String f : List.of("a.parquet", "b.parquet", "sub/c.parquet")) {
      compressed += ((Number) duck.value("SELECT sum(total_compressed_size) FROM parquet_metadata('"
          + dir.resolve(f) + "')")).longValue();
    }
    assertEquals(compressed, t.statistics().sizeInBytes().getAsLong());
  }

  @Test void splitsAreRowGroupRunsThatCoverEveryRowOnce() throws IOException {
    Path file = write("big.parquet", rows(0, 40_000), 2048);
    ParquetTable t = ParquetTable.open("t", file.toString());
    long groups = ((Number) duck.value("SELECT count(DISTINCT row_group_id) FROM parquet_metadata('" + file + "')")).longValue();
    List<ScanSplit> splits = t.splits(4);
    assertTrue(splits.size() >= 4 && splits.size() <= 5, "splits: " + splits.size());
    assertEquals(groups, t.splits(1000).size(), "never more splits than row groups");
    assertEquals(1, t.splits(1).size());
    List<List<Object>> all = Batches.readAll(t, List.of("id"), allocator, 4, 1000);
    assertEquals(40_000, all.size());
    assertEquals(40_000, all.stream().distinct().count());
  }

  @Test void projectionsReorderRepeatAndMayBeEmpty() throws IOException {
    Path file = write("p.parquet", rows(0, 5000), 2048);
    ParquetTable t = ParquetTable.open("t", file.toString());
    List<List<Object>> rows = Batches.readAll(t, List.of("V", "id", "v"), allocator, 1, 700);
    assertEquals(5000, rows.size());
    assertEquals(List.of("v42", 42L, "v42"), rows.get(42));
    long[] count = {0};
    Batches.forEachBatch(t, 2, List.of(), allocator, 999, b -> {
      assertEquals(0, b.getFieldVectors().size());
      count[0] += b.getRowCount();
    });
    assertEquals(5000, count[0]);
    EmberException e = assertThrows(EmberException.class,
        () -> t.open(t.splits(1).get(0), List.of("nope"), List.of(), allocator, 10));
    assertEquals(EmberException.UNDEFINED_COLUMN, e.sqlState());
  }

  @Test void missingPathIsAnIoErrorNamingIt() {
    String path = dir.resolve("nowhere.parquet").toString();
    EmberException e = assertThrows(EmberException.class, () -> ParquetTable.open("t", path));
    assertEquals(EmberException.IO_ERROR, e.sqlState());
    assertTrue(e.getMessage().contains(path), e.getMessage());
  }

  @Test void notParquetIsCorruptDataNamingIt() throws IOException {
    Path file = dir.resolve("fake.parquet");
    Files.writeString(file, "id,v\n1,a\n2,b\n");
    EmberException e = assertThrows(EmberException.class, () -> ParquetTable.open("t", file.toString()));
    assertEquals(dev.ember.datasources.fs.HadoopFiles.DATA_CORRUPTED, e.sqlState());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }

  @Test void fileThatVanishesFailsAtReadTime() throws IOException {
    Path file = write("gone.parquet", rows(0, 10), 2048);
    ParquetTable t = ParquetTable.open("t", file.toString());
    ScanSplit split = t.splits(1).get(0);
    Files.delete(file);
    EmberException e = assertThrows(EmberException.class, () -> {
      try (BatchReader r = t.open(split, List.of("id"), List.of(), allocator, 10)) {
        r.next();
      }
    });
    assertEquals(EmberException.IO_ERROR, e.sqlState());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }

  @Test void filesWithDifferentSchemasAreRejected() throws IOException {
    write("x/a.parquet", rows(0, 10), 2048);
    write("x/b.parquet", "SELECT i AS id, i AS v FROM range(3) r(i)", 2048);
    EmberException e = assertThrows(EmberException.class, () -> ParquetTable.open("t", dir.resolve("x").toString()));
    assertEquals(EmberException.DATATYPE_MISMATCH, e.sqlState());
    assertTrue(e.getMessage().contains("b.parquet"), e.getMessage());
  }

  @Test void nestedColumnsAreNotSupportedYet() throws IOException {
    Path file = write("nested.parquet", "SELECT 1 AS id, {'a': 1, 'b': 'x'} AS s", 2048);
    EmberException e = assertThrows(EmberException.class, () -> ParquetTable.open("t", file.toString()));
    assertEquals(EmberException.FEATURE_NOT_SUPPORTED, e.sqlState());
    assertTrue(e.getMessage().contains("'s'"), e.getMessage());
  }

  @Test void declaredColumnsMustMatchTheFiles() throws IOException {
    Path file = write("d.parquet", rows(0, 10), 2048);
    Schema subset = Schema.of(new Field("v", DataType.VARCHAR, true));
    ParquetTable t = ParquetTable.open("t", file.toString(), subset);
    assertEquals(subset, t.schema());
    assertEquals(List.of(List.of("v3")), Batches.readAll(t, List.of("v"), allocator, 1, 100).subList(3, 4));
    Schema wrongType = Schema.of(new Field("v", DataType.INT, true));
    assertEquals(EmberException.DATATYPE_MISMATCH,
        assertThrows(EmberException.class, () -> ParquetTable.open("t", file.toString(), wrongType)).sqlState());
    Files.createDirectories(dir.resolve("empty"));
    ParquetTable empty = ParquetTable.open("t", dir.resolve("empty").toString(), subset);
    assertEquals(List.of(), Batches.readAll(empty, List.of("v"), allocator, 4, 100));
    assertEquals(EmberException.IO_ERROR,
        assertThrows(EmberException.class, () -> ParquetTable.open("t", dir.resolve("empty").toString())).sqlState());
  }

  @Test void splitsSurviveJavaSerialization() throws Exception {
    Path file = write("s.parquet", rows(0, 10), 2048);
    ScanSplit split = ParquetTable.open("t", file.toString()).splits(1).get(0);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(split);
    }
    try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(split, in.readObject());
    }
    assertTrue(split.describe().contains("s.parquet"));
  }

  @Test void readsWithAFileUri() throws IOException {
    Path file = write("uri.parquet", rows(0, 10), 2048);
    ParquetTable t = ParquetTable.open("t", file.toUri().toString());
    List<Object> ids = new ArrayList<>();
    for (List<Object> r : Batches.readAll(t, List.of("id"), allocator, 1, 100)) ids.add(r.get(0));
    assertEquals(10, ids.size());
  }
}
