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
import java.math.BigDecimal;
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

/** JSON arrays as ARRAY columns: inferred (as DuckDB infers them) and declared, NULLs and nesting kept. */
class JsonArrayTest {
  @TempDir Path dir;
  private BufferAllocator allocator;

  @BeforeEach void allocate() { allocator = new RootAllocator(); }

  @AfterEach void checkNoLeak() { allocator.close(); }

  private Path file(String... lines) throws IOException {
    Path p = dir.resolve("a.json");
    Files.write(p, List.of(lines));
    return p;
  }

  @Test void inferredArraysReadAsDuckDbReadsThem() throws IOException {
    Path p = file(
        "{\"id\": 1, \"ints\": [1, null, 3], \"strs\": [\"a\", \"é\"], \"nums\": [1, 2], \"nested\": [[1], [2, 3], null, []], \"flags\": [true]}",
        "{\"id\": 2, \"ints\": [], \"strs\": null, \"nums\": [2.5], \"nested\": [null], \"flags\": [false, null]}",
        "{\"id\": 3, \"ints\": null, \"strs\": [null], \"nested\": null}",
        "{\"id\": 4, \"ints\": [9223372036854775807], \"strs\": [], \"nums\": [], \"nested\": [[4, null]]}");
    JsonTable t = JsonTable.open("t", p.toString(), Map.of(), null);
    assertEquals(Schema.of(new Field("id", DataType.BIGINT, true),
        new Field("ints", DataType.array(DataType.BIGINT), true),
        new Field("strs", DataType.array(DataType.VARCHAR), true),
        new Field("nums", DataType.array(DataType.DOUBLE), true),
        new Field("nested", DataType.array(DataType.array(DataType.BIGINT)), true),
        new Field("flags", DataType.array(DataType.BOOLEAN), true)), t.schema());
    try (DuckDb duck = new DuckDb()) {
      assertEquals(duck.rows("SELECT id, ints, strs, nums, nested, flags FROM read_json('" + p
          + "', format = 'newline_delimited') ORDER BY id"), Batches.readAll(t, t.schema().names(), allocator, 1, 3));
    }
  }

  @Test void arraysOnlyEverEmptyOrNullHoldText() throws IOException {
    Path p = file("{\"e\": [], \"n\": [null], \"mixed\": [1]}", "{\"e\": null, \"n\": [], \"mixed\": \"x\"}");
    JsonTable t = JsonTable.open("t", p.toString(), Map.of(), null);
    assertEquals(Schema.of(new Field("e", DataType.array(DataType.VARCHAR), true),
        new Field("n", DataType.array(DataType.VARCHAR), true),
        new Field("mixed", DataType.VARCHAR, true)), t.schema(), "an array and a string disagree: VARCHAR");
    assertEquals(List.of(Arrays.asList(List.of(), Arrays.asList((Object) null), "[1]"),
        Arrays.asList(null, List.of(), "x")), Batches.readAll(t, t.schema().names(), allocator, 1, 10));
  }

  @Test void declaredArraysConvertTheirElements() throws IOException {
    Path p = file(
        "{\"d\": [\"2024-02-29\", null], \"m\": [12.345, 1], \"i\": [1, 2]}",
        "{\"d\": [], \"m\": null, \"i\": [3, \"x\"]}",
        "{\"d\": \"2024-01-01\", \"m\": [0.5], \"i\": [4]}");
    Schema declared = Schema.of(new Field("d", DataType.array(DataType.DATE), true),
        new Field("m", DataType.array(DataType.decimal(5, 2)), true), new Field("i", DataType.array(DataType.INT), true),
        new Field("bad", DataType.VARCHAR, true));
    JsonTable t = JsonTable.open("t", p.toString(), Map.of("columnNameOfCorruptRecord", "bad"), declared);
    List<Object> dates = Arrays.asList(19782L, null);
    assertEquals(List.of(
        Arrays.asList(dates, List.of(new BigDecimal("12.35"), new BigDecimal("1.00")), List.of(1L, 2L), null),
        Arrays.asList(List.of(), null, null, "{\"d\": [], \"m\": null, \"i\": [3, \"x\"]}"),
        Arrays.asList(null, List.of(new BigDecimal("0.50")), List.of(4L), "{\"d\": \"2024-01-01\", \"m\": [0.5], \"i\": [4]}")),
        Batches.readAll(t, t.schema().names(), allocator, 1, 10));
    JsonTable failing = JsonTable.open("t", p.toString(), Map.of("mode", "FAILFAST"), declared);
    EmberException e = assertThrows(EmberException.class, () -> Batches.readAll(failing, List.of("i"), allocator, 1, 10));
    assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("array element 2"), e.getMessage());
  }
}
