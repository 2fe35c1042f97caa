package dev.ember.datasources.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.testing.Batches;
import dev.ember.datasources.testing.DuckDb;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every supported type, written by DuckDB with several row groups, NULLs, dictionary and plain
 * strings, under each compression and page format; every value read back must equal what DuckDB
 * itself reads from the same file.
 */
class ParquetTypesTest {
  /** 12,000 rows; NULLs in every nullable column on different rows; values cover edge cases. */
  static final String ALL_TYPES = """
      SELECT i AS id,
        CASE WHEN i % 11 = 0 THEN NULL ELSE i % 3 = 0 END AS b,
        CASE WHEN i % 13 = 0 THEN NULL ELSE (i % 256 - 128)::TINYINT END AS t,
        CASE WHEN i % 17 = 0 THEN NULL ELSE (i * 7 % 65536 - 32768)::SMALLINT END AS s,
        CASE WHEN i % 19 = 0 THEN NULL ELSE (i * 104729 % 4294967296 - 2147483648)::INTEGER END AS i32,
        CASE WHEN i % 23 = 0 THEN NULL ELSE ((hash(i) % 9223372036854775807)::BIGINT - 4611686018427387904) * (CASE WHEN i % 2 = 0 THEN 1 ELSE -1 END) END AS i64,
        CASE WHEN i % 29 = 0 THEN NULL WHEN i % 31 = 0 THEN 'nan'::FLOAT WHEN i % 37 = 0 THEN -0.0::FLOAT
             ELSE (i / 7.0)::FLOAT END AS f,
        CASE WHEN i % 41 = 0 THEN NULL WHEN i % 43 = 0 THEN 'inf'::DOUBLE ELSE i * 1.0e10 / 3 END AS d,
        CASE WHEN i % 47 = 0 THEN NULL ELSE ((i - 2500) * 12345.67)::DECIMAL(15,2) END AS dec15,
        CASE WHEN i % 53 = 0 THEN NULL ELSE ((i - 2500) || '1234567890123456789.0123456789')::DECIMAL(38,10) END AS dec38,
        CASE WHEN i % 59 = 0 THEN NULL ELSE ((i % 5000 - 2500) / 10)::DECIMAL(4,1) END AS dec4,
        CASE WHEN i % 61 = 0 THEN NULL ELSE DATE '1969-06-01' + (i * 13)::INTEGER END AS dt,
        CASE WHEN i % 67 = 0 THEN NULL ELSE TIMESTAMP '1960-01-01 00:00:00' + to_microseconds(i * 987654321987) END AS ts,
        CASE WHEN i % 71 = 0 THEN NULL ELSE TIMESTAMPTZ '2001-02-03 04:05:06.789+00' + to_microseconds(i * 1234567) END AS tstz,
        CASE WHEN i % 73 = 0 THEN NULL ELSE (TIMESTAMP '2020-01-01' + to_milliseconds(i * 3600001))::TIMESTAMP_MS END AS ts_ms,
        CASE WHEN i % 79 = 0 THEN NULL ELSE make_timestamp_ns(1620172800000000000 + i * 1000003007) END AS ts_ns,
        CASE WHEN i % 83 = 0 THEN NULL ELSE 'row ' || i || ' ' || repeat('é', i % 5) || md5(i::VARCHAR) END AS str,
        CASE WHEN i % 89 = 0 THEN NULL ELSE ['red', 'green', 'blue', '', 'ünïcode'][i % 5 + 1] END AS cat,
        CASE WHEN i % 97 = 0 THEN NULL ELSE ('\\x00\\xFF' || i)::BLOB END AS bin,
        CASE WHEN i % 101 = 0 THEN NULL ELSE (i % 256)::UTINYINT END AS u8,
        CASE WHEN i % 103 = 0 THEN NULL ELSE (i * 13 % 65536)::USMALLINT END AS u16,
        CASE WHEN i % 107 = 0 THEN NULL ELSE (i::UBIGINT * 858993 % 4294967296)::UINTEGER END AS u32,
        CASE WHEN i % 109 = 0 THEN NULL ELSE ('18446744073709551615'::UBIGINT - i::UBIGINT) END AS u64
      FROM range(12000) r(i)
      """;

  @TempDir static Path dir;
  private static DuckDb duck;
  private BufferAllocator allocator;

  @BeforeAll static void start() { duck = new DuckDb(); }

  @AfterAll static void stop() { duck.close(); }

  @BeforeEach void allocate() { allocator = new RootAllocator(); }

  @AfterEach void checkNoLeak() { allocator.close(); }

  @ParameterizedTest
  @ValueSource(strings = {"COMPRESSION snappy", "COMPRESSION zstd", "COMPRESSION gzip",
      "COMPRESSION uncompressed", "COMPRESSION lz4", "COMPRESSION snappy, PARQUET_VERSION v2"})
  void everyValueMatchesDuckDb(String options) {
    Path file = dir.resolve(options.replaceAll("[^a-z0-9]", "_") + ".parquet");
    duck.execute("COPY (" + ALL_TYPES + ") TO '" + file + "' (FORMAT parquet, ROW_GROUP_SIZE 1024, " + options + ")");
    ParquetTable table = ParquetTable.open("t", file.toString());
    assertTrue(((Number) duck.value("SELECT count(DISTINCT row_group_id) FROM parquet_metadata('" + file + "')"))
        .longValue() >= 4, "several row groups");

    List<List<Object>> expected = duck.rows("SELECT * FROM read_parquet('" + file + "') ORDER BY id");
    for (int batchSize : new int[] {4096, 333}) {
      List<List<Object>> actual = new ArrayList<>(Batches.readAll(table, table.schema().names(), allocator, 3, batchSize));
      actual.sort(Comparator.comparing(r -> (Long) r.get(0)));
      assertEquals(expected.size(), actual.size());
      for (int r = 0; r < expected.size(); r++) {
        assertEquals(expected.get(r), actual.get(r), options + " row " + r);
      }
    }
  }

  @Test void schemaFollowsTheFooter() {
    Path file = dir.resolve("schema.parquet");
    duck.execute("COPY (" + ALL_TYPES + ") TO '" + file + "' (FORMAT parquet)");
    Schema s = ParquetTable.open("t", file.toString()).schema();
    assertEquals(new Field("b", DataType.BOOLEAN, true), s.field(s.indexOf("b")));
    assertEquals(DataType.TINYINT, type(s, "t"));
    assertEquals(DataType.SMALLINT, type(s, "s"));
    assertEquals(DataType.INT, type(s, "i32"));
    assertEquals(DataType.BIGINT, type(s, "i64"));
    assertEquals(DataType.FLOAT, type(s, "f"));
    assertEquals(DataType.DOUBLE, type(s, "d"));
    assertEquals(DataType.decimal(15, 2), type(s, "dec15"));
    assertEquals(DataType.decimal(38, 10), type(s, "dec38"));
    assertEquals(DataType.decimal(4, 1), type(s, "dec4"));
    assertEquals(DataType.DATE, type(s, "dt"));
    assertEquals(DataType.TIMESTAMP, type(s, "ts"));
    assertEquals(DataType.TIMESTAMP_TZ, type(s, "tstz"));
    assertEquals(DataType.TIMESTAMP, type(s, "ts_ms"));
    assertEquals(DataType.TIMESTAMP, type(s, "ts_ns"));
    assertEquals(DataType.VARCHAR, type(s, "str"));
    assertEquals(DataType.VARBINARY, type(s, "bin"));
    assertEquals(DataType.SMALLINT, type(s, "u8"));
    assertEquals(DataType.INT, type(s, "u16"));
    assertEquals(DataType.BIGINT, type(s, "u32"));
    assertEquals(DataType.decimal(20, 0), type(s, "u64"));
  }

  private static DataType type(Schema s, String column) { return s.field(s.indexOf(column)).type(); }
}
