package dev.ember.datasources.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.testing.Batches;
import dev.ember.datasources.testing.DuckDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading line-delimited JSON: inference, declared schemas, nested values and malformed lines. */
class JsonTableTest {
  @TempDir Path dir;
  private BufferAllocator allocator;

  @BeforeEach void allocate() { allocator = new RootAllocator(); }

  @AfterEach void checkNoLeak() { allocator.close(); }

  private Path file(String name, String... lines) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, List.of(lines));
    return p;
  }

  private List<List<Object>> read(JsonTable t) {
    return Batches.readAll(t, t.schema().names(), allocator, 1, 2);
  }

  @Test void infersTypesAndMatchesDuckDb() throws IOException {
    Path p = file("a.json",
        "{\"id\": 1, \"name\": \"x\", \"score\": 2, \"ok\": true, \"tags\": [1, 2], \"n\": null}",
        "",
        "{\"id\": 2, \"score\": 2.5, \"NAME\": \"y\", \"extra\": {\"k\": \"v\"}}",
        "{\"id\": 30000000000, \"name\": null, \"ok\": false}");
    JsonTable t = JsonTable.open("t", p.toString(), Map.of(), null);
    assertEquals(Schema.of(new Field("id", DataType.BIGINT, true), new Field("name", DataType.VARCHAR, true),
        new Field("score", DataType.DOUBLE, true), new Field("ok", DataType.BOOLEAN, true),
        new Field("tags", DataType.array(DataType.BIGINT), true), new Field("n", DataType.VARCHAR, true),
        new Field("extra", DataType.VARCHAR, true)), t.schema());
    assertEquals(List.of(
        Arrays.asList(1L, "x", 2.0, true, List.of(1L, 2L), null, null),
        Arrays.asList(2L, "y", 2.5, null, null, null, "{\"k\":\"v\"}"),
        Arrays.asList(30000000000L, null, null, false, null, null, null)), read(t));
    try (DuckDb duck = new DuckDb()) {
      assertEquals(duck.rows("SELECT id, score, ok FROM read_json('" + p + "', format = 'newline_delimited') ORDER BY id"),
          Batches.readAll(t, List.of("id", "score", "ok"), allocator, 1, 10));
    }
  }

  @Test void declaredSchemaConvertsDatesAndDecimals() throws IOException {
    Path p = file("b.json", "{\"d\": \"2024-02-29\", \"ts\": \"2024-02-29T10:11:12.5\", \"m\": 12.345, \"b\": \"AAEC\"}");
    Schema schema = Schema.of(new Field("d", DataType.DATE, true), new Field("ts", DataType.TIMESTAMP, true),
        new Field("m", DataType.decimal(5, 2), true), new Field("b", DataType.VARBINARY, true));
    JsonTable t = JsonTable.open("t", p.toString(), Map.of(), schema);
    assertEquals(List.of(List.of(19782L, 1709201472500000L, new java.math.BigDecimal("12.35"), "000102")), read(t));
  }

  private static final String[] BAD = {
      "{\"a\": 1, \"b\": \"one\"}",
      "{\"a\": \"two\", \"b\": \"two\"}",
      "{\"a\": 3, \"b\":",
      "[4]",
      "{\"a\": 5, \"b\": \"five\"}"};

  @Test void permissiveKeepsBadRowsWithTheirText() throws IOException {
    Path p = file("bad.json", BAD);
    JsonTable t = JsonTable.open("t", p.toString(), Map.of(), null);
    assertEquals(Schema.of(new Field("a", DataType.VARCHAR, true), new Field("b", DataType.VARCHAR, true),
        new Field("_corrupt_record", DataType.VARCHAR, true)), t.schema(), "a is a number and a string: VARCHAR");
    Schema declared = Schema.of(new Field("a", DataType.BIGINT, true), new Field("b", DataType.VARCHAR, true),
        new Field("bad", DataType.VARCHAR, true));
    JsonTable typed = JsonTable.open("t", p.toString(), Map.of("columnNameOfCorruptRecord", "bad"), declared);
    assertEquals(List.of(
        Arrays.asList(1L, "one", null),
        Arrays.asList(null, "two", BAD[1]),
        Arrays.asList(null, null, BAD[2]),
        Arrays.asList(null, null, BAD[3]),
        Arrays.asList(5L, "five", null)), read(typed));
  }

  @Test void dropMalformedAndFailFast() throws IOException {
    Path p = file("bad.json", BAD);
    Schema declared = Schema.of(new Field("a", DataType.BIGINT, true), new Field("b", DataType.VARCHAR, true));
    JsonTable dropping = JsonTable.open("t", p.toString(), Map.of("mode", "dropMalformed"), declared);
    assertEquals(List.of(List.of(1L, "one"), List.of(5L, "five")), read(dropping));
    JsonTable failing = JsonTable.open("t", p.toString(), Map.of("mode", "FAILFAST"), declared);
    EmberException e = assertThrows(EmberException.class, () -> read(failing));
    assertEquals(EmberException.DATA_EXCEPTION, e.sqlState());
    assertTrue(e.getMessage().contains(p.getFileName().toString()) && e.getMessage().contains("line 2"), e.getMessage());
  }
}
