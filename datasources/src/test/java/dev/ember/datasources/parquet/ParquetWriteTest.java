package dev.ember.datasources.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.catalyst.types.Utf8String;
import dev.ember.datasources.testing.Batches;
import dev.ember.datasources.testing.DuckDb;
import dev.ember.datasources.testing.Roots;
import dev.ember.datasources.testing.TableCopy;
import dev.ember.datasources.write.TaskWriter;
import dev.ember.datasources.write.WriteJob;
import dev.ember.datasources.write.SaveMode;
import dev.ember.datasources.write.WriteSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Ember's Parquet writer: DuckDB writes every type (with NULLs) into a file, Ember reads it and
 * writes it again; both Ember's reader and DuckDB must read Ember's file back as DuckDB reads the
 * original.
 */
class ParquetWriteTest {
  @TempDir Path dir;
  private static DuckDb duck;
  private BufferAllocator allocator;

  @BeforeAll static void start() { duck = new DuckDb(); }

  @AfterAll static void stop() { duck.close(); }

  @BeforeEach void allocate() { allocator = new RootAllocator(); }

  @AfterEach void checkNoLeak() { allocator.close(); }

  @ParameterizedTest
  @ValueSource(strings = {"snappy", "gzip", "none"})
  void everyTypeRoundTrips(String compression) {
    Path source = dir.resolve("source.parquet");
    duck.execute("COPY (" + ParquetTypesTest.ALL_TYPES + ") TO '" + source + "' (FORMAT parquet, ROW_GROUP_SIZE 2048)");
    ParquetTable original = ParquetTable.open("src", source.toString());
    Path out = dir.resolve("out");
    TableCopy.copy(original, new WriteSpec("parquet", out.toString(), SaveMode.ERROR_IF_EXISTS,
        original.schema(), List.of(), Map.of("compression", compression, "rowGroupSize", "65536")), allocator, 3, 1000);

    ParquetTable written = ParquetTable.open("out", out.toString());
    assertEquals(original.schema(), written.schema());
    List<List<Object>> expected = duck.rows("SELECT * FROM read_parquet('" + source + "') ORDER BY id");
    List<List<Object>> ember = new ArrayList<>(Batches.readAll(written, written.schema().names(), allocator, 4, 777));
    ember.sort(Comparator.comparing(r -> (Long) r.get(0)));
    assertEquals(expected.size(), ember.size());
    for (int r = 0; r < expected.size(); r++) assertEquals(expected.get(r), ember.get(r), "Ember reads row " + r);

    List<List<Object>> duckOfOurs = duck.rows("SELECT * FROM read_parquet('" + out + "/*.parquet') ORDER BY id");
    assertEquals(expected.size(), duckOfOurs.size());
    for (int r = 0; r < expected.size(); r++) assertEquals(expected.get(r), duckOfOurs.get(r), "DuckDB reads row " + r);

    assertTrue(((Number) duck.value("SELECT count(DISTINCT file_name || row_group_id) FROM parquet_metadata('"
        + out + "/*.parquet')")).longValue() > 3, "small row groups: several per file");
    String codec = compression.equals("none") ? "UNCOMPRESSED" : compression.toUpperCase();
    assertEquals(List.of(List.of(codec)), duck.rows("SELECT DISTINCT compression FROM parquet_metadata('"
        + out + "/*.parquet') WHERE path_in_schema = 'str'"));
  }

  @Test void annotationsFollowTheEmberTypes() {
    Path source = dir.resolve("types.parquet");
    duck.execute("COPY (" + ParquetTypesTest.ALL_TYPES + " LIMIT 10) TO '" + source + "' (FORMAT parquet)");
    ParquetTable original = ParquetTable.open("src", source.toString());
    Path out = dir.resolve("typed");
    TableCopy.copy(original, new WriteSpec("parquet", out.toString(), SaveMode.ERROR_IF_EXISTS,
        original.schema(), List.of(), Map.of()), allocator, 1, 100);
    List<List<Object>> types = duck.rows("SELECT name, type, converted_type, scale, precision, logical_type"
        + " FROM parquet_schema('" + out + "/*.parquet') WHERE name IN ('t', 's', 'dec4', 'dec15', 'dec38', 'ts', 'tstz', 'dt')"
        + " ORDER BY name");
    assertEquals(List.of("dec15", "INT64", "DECIMAL", 2L, 15L), types.get(0).subList(0, 5));
    assertEquals(List.of("dec38", "FIXED_LEN_BYTE_ARRAY", "DECIMAL", 10L, 38L), types.get(1).subList(0, 5));
    assertEquals(List.of("dec4", "INT32", "DECIMAL", 1L, 4L), types.get(2).subList(0, 5));
    assertEquals(List.of("dt", "INT32", "DATE"), types.get(3).subList(0, 3));
    assertEquals(List.of("s", "INT32", "INT_16"), types.get(4).subList(0, 3));
    assertEquals(List.of("t", "INT32", "INT_8"), types.get(5).subList(0, 3));
    assertEquals(List.of("ts", "INT64", "TIMESTAMP_MICROS"), types.get(6).subList(0, 3));
    assertTrue(types.get(6).get(5).toString().contains("isAdjustedToUTC=0"), types.get(6).toString());
    assertTrue(types.get(7).get(5).toString().contains("isAdjustedToUTC=1"), types.get(7).toString());
  }

  @Test void requiredColumnsStayRequired() {
    Schema schema = Schema.of(new Field("k", DataType.BIGINT, false), new Field("v", DataType.VARCHAR, true));
    Path out = dir.resolve("req");
    List<List<Object>> rows = new ArrayList<>();
    for (long i = 0; i < 100; i++) rows.add(java.util.Arrays.asList(i, i % 2 == 0 ? Utf8String.of("x" + i) : null));
    try (WriteJob job = WriteJob.begin(new WriteSpec("parquet", out.toString(), SaveMode.ERROR_IF_EXISTS,
             schema, List.of(), Map.of()));
         TaskWriter w = job.newTaskWriter(0);
         VectorSchemaRoot batch = Roots.of(schema, allocator, rows)) {
      w.write(batch);
      w.commit();
      job.commitJob();
    }
    assertEquals(schema, ParquetTable.open("t", out.toString()).schema());
    assertEquals(List.of(List.of(100L, 50L, 0L, 99L)), duck.rows("SELECT count(*), count(v), min(k), max(k) FROM '" + out + "/*.parquet'"));
  }

  @Test void intervalsCannotBeWritten() {
    Schema schema = Schema.of(new Field("i", DataType.INTERVAL_DAY_TIME, true));
    EmberException e = assertThrows(EmberException.class, () -> WriteJob.begin(
        new WriteSpec("parquet", dir.resolve("x").toString(), SaveMode.OVERWRITE, schema, List.of(), Map.of())));
    assertEquals(EmberException.FEATURE_NOT_SUPPORTED, e.sqlState());
    assertTrue(e.getMessage().contains("'i'"), e.getMessage());
    assertTrue(!dir.resolve("x").toFile().exists());
  }
}
