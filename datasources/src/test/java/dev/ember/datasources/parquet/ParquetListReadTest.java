package dev.ember.datasources.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.testing.Batches;
import dev.ember.datasources.testing.DuckDb;
import dev.ember.datasources.testing.TableCopy;
import dev.ember.datasources.write.SaveMode;
import dev.ember.datasources.write.WriteSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parquet LIST columns read into Arrow list vectors: DuckDB writes lists of every element type
 * (NULL lists, empty lists, NULL elements, nested lists, lists of thousands of elements that span
 * pages, dictionary-encoded elements) and Ember must read each row as DuckDB reads it; Ember's
 * own LIST files (written from what it read) must read back the same in both engines.
 */
class ParquetListReadTest {
  /** 6,000 rows; each list column NULL, empty, or holding NULL elements on different rows. */
  static final String LISTS = """
      SELECT i AS id,
        CASE WHEN i % 7 = 0 THEN NULL ELSE [CASE WHEN x % 3 = 2 THEN NULL ELSE (i * 31 + x)::INTEGER END FOR x IN range(i % 5)] END AS ints,
        CASE WHEN i % 11 = 0 THEN NULL ELSE [CASE WHEN x = 1 THEN NULL ELSE (i::BIGINT * 1000000007 - x) * (CASE WHEN i % 2 = 0 THEN 1 ELSE -1 END) END FOR x IN range(i % 4)] END AS bigs,
        CASE WHEN i % 13 = 0 THEN NULL ELSE [((i + x) % 256 - 128)::TINYINT FOR x IN range(i % 3)] END AS tiny,
        CASE WHEN i % 17 = 0 THEN NULL ELSE [CASE WHEN x = 0 AND i % 5 = 0 THEN NULL ELSE ((i - 3000 + x) * 123.45)::DECIMAL(15,2) END FOR x IN range(i % 4)] END AS dec15,
        CASE WHEN i % 19 = 0 THEN NULL ELSE [((i - 3000 + x) || '123456789012345678.0123456789')::DECIMAL(38,10) FOR x IN range(i % 3)] END AS dec38,
        CASE WHEN i % 23 = 0 THEN NULL ELSE [((i % 2000 - 1000 + x) / 10)::DECIMAL(4,1) FOR x IN range(i % 3)] END AS dec4,
        CASE WHEN i % 29 = 0 THEN NULL ELSE [CASE WHEN x = 2 THEN NULL ELSE 'v' || i || repeat('é', x) || md5((i + x)::VARCHAR) END FOR x IN range(i % 4)] END AS strs,
        CASE WHEN i % 31 = 0 THEN NULL ELSE [['red', 'green', 'blue', '', NULL][(i + x) % 5 + 1] FOR x IN range(i % 6)] END AS cats,
        CASE WHEN i % 37 = 0 THEN NULL ELSE [DATE '1969-12-25' + (i + x * 400)::INTEGER FOR x IN range(i % 3)] END AS dates,
        CASE WHEN i % 41 = 0 THEN NULL ELSE [TIMESTAMP '1960-01-01' + to_microseconds(i * 987654321987 + x) FOR x IN range(i % 3)] END AS ts,
        CASE WHEN i % 43 = 0 THEN NULL ELSE [TIMESTAMPTZ '2001-02-03 04:05:06.789+00' + to_microseconds(i * 1234567 + x) FOR x IN range(i % 3)] END AS tstz,
        CASE WHEN i % 47 = 0 THEN NULL ELSE [CASE WHEN x = 1 THEN NULL ELSE (i + x) % 3 = 0 END FOR x IN range(i % 4)] END AS bools,
        CASE WHEN i % 53 = 0 THEN NULL ELSE [CASE WHEN x = 2 THEN 'nan'::DOUBLE ELSE (i + x) * 1.0e10 / 3 END FOR x IN range(i % 4)] END AS dbls,
        CASE WHEN i % 59 = 0 THEN NULL ELSE [((i + x) / 7.0)::FLOAT FOR x IN range(i % 3)] END AS flts,
        CASE WHEN i % 61 = 0 THEN NULL ELSE [('\\x00\\xFF' || (i + x))::BLOB FOR x IN range(i % 3)] END AS bins,
        CASE WHEN i % 67 = 0 THEN NULL ELSE [CASE WHEN y = 1 THEN NULL ELSE [CASE WHEN z = 1 THEN NULL ELSE (i + y * 10 + z)::INTEGER END FOR z IN range((i + y) % 3)] END FOR y IN range(i % 4)] END AS nested,
        CASE WHEN i % 71 = 0 THEN NULL ELSE [((i * 7 + x) % 65536 - 32768)::SMALLINT FOR x IN range(i % 3)] END AS smalls,
        CASE WHEN i % 73 = 0 THEN NULL ELSE [CASE WHEN x = 1 THEN NULL ELSE '18446744073709551615'::UBIGINT - (i + x)::UBIGINT END FOR x IN range(i % 3)] END AS u64s,
        CASE WHEN i % 79 = 0 THEN NULL ELSE [((i * 13 + x)::UBIGINT * 858993 % 4294967296)::UINTEGER FOR x IN range(i % 3)] END AS u32s,
        CASE WHEN i % 83 = 0 THEN NULL ELSE [(TIMESTAMP '2020-01-01' + to_milliseconds(i * 3600001 + x))::TIMESTAMP_MS FOR x IN range(i % 3)] END AS ts_ms,
        CASE WHEN i % 89 = 0 THEN NULL ELSE [make_timestamp_ns(1620172800000000000 + i * 1000003007 + x) FOR x IN range(i % 3)] END AS ts_ns,
        CASE WHEN i % 500 = 3 THEN [(i + x)::BIGINT FOR x IN range(20000)] WHEN i % 2 = 0 THEN NULL ELSE [i::BIGINT] END AS big
      FROM range(6000) r(i)
      """;

  @TempDir static Path dir;
  private static DuckDb duck;
  private BufferAllocator allocator;

  @BeforeAll static void start() { duck = new DuckDb(); }

  @AfterAll static void stop() { duck.close(); }

  @BeforeEach void allocate() { allocator = new RootAllocator(); }

  @AfterEach void checkNoLeak() { allocator.close(); }

  @ParameterizedTest
  @ValueSource(strings = {"COMPRESSION snappy", "COMPRESSION zstd, PARQUET_VERSION v2", "COMPRESSION uncompressed"})
  void duckDbListsReadAsDuckDbReadsThem(String options) {
    Path file = dir.resolve(options.replaceAll("[^a-z0-9]", "_") + ".parquet");
    duck.execute("COPY (" + LISTS + ") TO '" + file + "' (FORMAT parquet, ROW_GROUP_SIZE 1500, " + options + ")");
    assertTrue(((Number) duck.value("SELECT count(DISTINCT row_group_id) FROM parquet_metadata('" + file + "')"))
        .longValue() >= 3, "several row groups");
    assertTrue(((Number) duck.value("SELECT max(num_values) FROM parquet_metadata('" + file + "') WHERE path_in_schema LIKE 'big%'"))
        .longValue() > 20000, "the big lists fill more than a page's worth of values");
    ParquetTable table = ParquetTable.open("t", file.toString());
    assertEquals(DataType.array(DataType.INT), type(table.schema(), "ints"));
    assertEquals(DataType.array(DataType.decimal(38, 10)), type(table.schema(), "dec38"));
    assertEquals(DataType.array(DataType.array(DataType.INT)), type(table.schema(), "nested"));
    assertEquals(DataType.array(DataType.TIMESTAMP_TZ), type(table.schema(), "tstz"));
    List<List<Object>> expected = duck.rows("SELECT * FROM read_parquet('" + file + "') ORDER BY id");
    for (int batchSize : new int[] {4096, 333}) {
      assertRows(expected, read(table, table.schema().names(), batchSize), options + ", batches of " + batchSize);
    }
  }

  /** DuckDB writes constant lists as REQUIRED LIST groups; they read back as DuckDB reads them. */
  @Test void requiredListsFromDuckDb() {
    Path file = dir.resolve("constant.parquet");
    duck.execute("COPY (SELECT [1, 2, NULL] AS a, [[1], NULL, []] AS n, ['x', NULL] AS s, []::DATE[] AS e) TO '"
        + file + "' (FORMAT parquet)");
    ParquetTable table = ParquetTable.open("t", file.toString());
    assertEquals(List.of(false, false, false, false), table.schema().fields().stream().map(f -> f.nullable()).toList(),
        "DuckDB marks constant lists REQUIRED");
    assertEquals(duck.rows("SELECT * FROM read_parquet('" + file + "')"),
        Batches.readAll(table, table.schema().names(), allocator, 1, 10));
  }

  @Test void dictionaryEncodedElementsAreDecoded() {
    Path file = dir.resolve("dict.parquet");
    duck.execute("COPY (" + LISTS + ") TO '" + file + "' (FORMAT parquet)");
    assertTrue(((Number) duck.value("SELECT count(*) FROM parquet_metadata('" + file + "') WHERE path_in_schema LIKE 'cats%'"
        + " AND encodings LIKE '%DICTIONARY%'")).longValue() > 0, "DuckDB dictionary-encodes the categories");
    ParquetTable table = ParquetTable.open("t", file.toString());
    assertRows(duck.rows("SELECT id, cats, ints FROM read_parquet('" + file + "') ORDER BY id"),
        read(table, List.of("id", "cats", "ints"), 1000), "dictionary-encoded strings");
  }

  /** Ember writes what it read (the standard three-level LIST); both engines read it back unchanged. */
  @Test void emberWrittenListsReadBack() {
    Path source = dir.resolve("source.parquet");
    duck.execute("COPY (" + LISTS + ") TO '" + source + "' (FORMAT parquet, ROW_GROUP_SIZE 2048)");
    ParquetTable original = ParquetTable.open("src", source.toString());
    Path out = dir.resolve("ember_out");
    TableCopy.copy(original, new WriteSpec("parquet", out.toString(), SaveMode.ERROR_IF_EXISTS, original.schema(), List.of(),
        Map.of("rowGroupSize", "65536")), allocator, 3, 700);
    ParquetTable written = ParquetTable.open("out", out.toString());
    assertEquals(original.schema(), written.schema());
    List<List<Object>> expected = duck.rows("SELECT * FROM read_parquet('" + source + "') ORDER BY id");
    assertRows(expected, read(written, written.schema().names(), 512), "Ember reads Ember's file");
    assertRows(expected, duck.rows("SELECT * FROM read_parquet('" + out + "/*.parquet') ORDER BY id"), "DuckDB reads Ember's file");
  }

  /** Only the wanted columns are read; a list column asked for twice is read once and copied. */
  @Test void projectionsPickListColumns() {
    Path file = dir.resolve("projection.parquet");
    duck.execute("COPY (" + LISTS + ") TO '" + file + "' (FORMAT parquet, ROW_GROUP_SIZE 2000)");
    ParquetTable table = ParquetTable.open("t", file.toString());
    assertRows(duck.rows("SELECT nested, id, strs, nested FROM read_parquet('" + file + "') ORDER BY id"),
        read(table, List.of("nested", "id", "strs", "nested"), 700, 1), "nested, id, strs, nested");
    List<List<Object>> bigOnly = new ArrayList<>(Batches.readAll(table, List.of("big"), allocator, 1, 100));
    assertEquals(duck.rows("SELECT big FROM read_parquet('" + file + "')"), bigOnly, "a list column alone, in file order");
  }

  @Test void statisticsAndFiltersLeaveListColumnsAlone() {
    Path file = dir.resolve("stats.parquet");
    // Half the rows hold two NULL elements and half one value: each row group's leaf NULL count
    // equals its row count although no row is NULL, so min/max-style pruning would drop them all.
    duck.execute("COPY (SELECT i AS id, CASE WHEN i % 2 = 0 THEN [NULL, NULL]::INTEGER[] ELSE [i::INTEGER] END AS l"
        + " FROM range(6144) r(i)) TO '" + file + "' (FORMAT parquet, ROW_GROUP_SIZE 2048)");
    ParquetTable table = ParquetTable.open("t", file.toString());
    assertEquals(dev.ember.catalyst.stats.ColumnStat.UNKNOWN, table.statistics().column("l"), "no statistics for a list column");
    var l = dev.ember.catalyst.expr.AttributeRef.of("l", DataType.array(DataType.INT), true);
    var id = dev.ember.catalyst.expr.AttributeRef.of("id", DataType.BIGINT, false);
    List<dev.ember.catalyst.expr.Expr> filters = List.of(
        new dev.ember.catalyst.expr.UnaryOp(dev.ember.catalyst.expr.UnaryOp.Op.IS_NOT_NULL, l, DataType.BOOLEAN),
        dev.ember.catalyst.expr.BinaryOp.predicate(dev.ember.catalyst.expr.BinaryOp.Op.LT, id,
            dev.ember.catalyst.expr.Literal.ofLong(2048)));
    int rows = 0;
    int skipped = 0;
    for (var split : table.splits(1)) {
      try (var reader = table.open(split, List.of("id", "l"), filters, allocator, 4096)) {
        for (var b = reader.next(); b != null; b = reader.next()) {
          rows += b.getRowCount();
          b.close();
        }
        skipped += ((ParquetBatchReader) reader).rowGroupsSkipped();
      }
    }
    assertEquals(2, skipped, "id < 2048 still prunes row groups 1 and 2 by id; the list column prunes nothing");
    assertEquals(2048, rows);
  }

  @Test void structListsAndMapsAreRefusedByName() {
    Path file = dir.resolve("structs.parquet");
    duck.execute("COPY (SELECT 1 AS id, [{'a': 1}] AS pairs) TO '" + file + "' (FORMAT parquet)");
    EmberException e = assertThrows(EmberException.class, () -> ParquetTable.open("t", file.toString()));
    assertEquals(EmberException.FEATURE_NOT_SUPPORTED, e.sqlState());
    assertTrue(e.getMessage().startsWith("not supported: ") && e.getMessage().contains("'pairs'"), e.getMessage());
    Path maps = dir.resolve("maps.parquet");
    duck.execute("COPY (SELECT 1 AS id, MAP {'k': 1} AS m) TO '" + maps + "' (FORMAT parquet)");
    EmberException m = assertThrows(EmberException.class, () -> ParquetTable.open("t", maps.toString()));
    assertTrue(m.getMessage().startsWith("not supported: ") && m.getMessage().contains("'m'"), m.getMessage());
  }

  private List<List<Object>> read(ParquetTable table, List<String> columns, int batchSize) {
    return read(table, columns, batchSize, 0);
  }

  /** All rows, sorted by the BIGINT column at {@code idColumn}. */
  private List<List<Object>> read(ParquetTable table, List<String> columns, int batchSize, int idColumn) {
    List<List<Object>> rows = new ArrayList<>(Batches.readAll(table, columns, allocator, 3, batchSize));
    rows.sort(Comparator.comparing(r -> (Long) r.get(idColumn)));
    return rows;
  }

  static void assertRows(List<List<Object>> expected, List<List<Object>> actual, String label) {
    assertEquals(expected.size(), actual.size(), label + ": rows");
    for (int r = 0; r < expected.size(); r++) assertEquals(expected.get(r), actual.get(r), label + ", row " + r);
  }

  private static DataType type(Schema s, String column) { return s.field(s.indexOf(column)).type(); }
}
