package dev.ember.datasources.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.testing.Batches;
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

/** Spark's CSV modes over one file holding each kind of malformed record. */
class CsvParseModesTest {
  /** Line 1 header; 2 good; 3 bad int; 4 too few fields; 5 too many; 6 text after a quote; 7 good. */
  private static final String BAD = "id,name\n1,one\ntwo,two\n3\n4,four,extra\n5,\"fi\"ve\n6,six\n";
  private static final Schema SCHEMA = Schema.of(new Field("id", DataType.INT, true), new Field("name", DataType.VARCHAR, true));

  @TempDir Path dir;
  private BufferAllocator allocator;
  private Path file;

  @BeforeEach void setUp() throws IOException {
    allocator = new RootAllocator();
    file = dir.resolve("bad.csv");
    Files.writeString(file, BAD);
  }

  @AfterEach void checkNoLeak() { allocator.close(); }

  private List<List<Object>> read(Map<String, String> options, Schema schema) {
    CsvTable t = CsvTable.open("t", file.toString(), options, schema);
    return Batches.readAll(t, t.schema().names(), allocator, 1, 3);
  }

  @Test void permissiveIsTheDefaultAndNullsBadFields() {
    assertEquals(List.of(
        Arrays.asList(1L, "one"), Arrays.asList(null, "two"), Arrays.asList(3L, null),
        Arrays.asList(4L, "four"), Arrays.asList(5L, "five"), Arrays.asList(6L, "six")),
        read(Map.of("header", "true"), SCHEMA));
  }

  @Test void permissiveKeepsTheRawLineInTheCorruptRecordColumn() {
    Schema withCorrupt = Schema.of(new Field("id", DataType.INT, true), new Field("name", DataType.VARCHAR, true),
        new Field("bad_line", DataType.VARCHAR, true));
    List<List<Object>> rows = read(Map.of("header", "true", "columnNameOfCorruptRecord", "bad_line"), withCorrupt);
    assertEquals(Arrays.asList(null, "two,two", "3", "4,four,extra", "5,\"fi\"ve", null),
        rows.stream().map(r -> r.get(2)).toList());
    assertEquals(Arrays.asList(3L, null), rows.get(2).subList(0, 2));
  }

  @Test void dropMalformedKeepsOnlyGoodRecords() {
    assertEquals(List.of(List.of(1L, "one"), List.of(6L, "six")), read(Map.of("header", "true", "mode", "DROPMALFORMED"), SCHEMA));
  }

  @Test void failFastNamesFileAndLine() {
    EmberException e = assertThrows(EmberException.class, () -> read(Map.of("header", "true", "mode", "failfast"), SCHEMA));
    assertEquals(EmberException.INVALID_TEXT_REPRESENTATION, e.sqlState());
    assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("line 3"), e.getMessage());
    EmberException shortRow = assertThrows(EmberException.class, () -> read(Map.of("header", "true", "mode", "FAILFAST"),
        Schema.of(new Field("id", DataType.VARCHAR, true), new Field("name", DataType.VARCHAR, true))));
    assertEquals(EmberException.DATA_EXCEPTION, shortRow.sqlState());
    assertTrue(shortRow.getMessage().contains("line 4") && shortRow.getMessage().contains("expected 2 fields, found 1"),
        shortRow.getMessage());
  }

  @Test void unknownModeIsRejected() {
    assertEquals(EmberException.SYNTAX_ERROR, assertThrows(EmberException.class,
        () -> CsvOptions.parse(Map.of("mode", "lenient"))).sqlState());
  }
}
