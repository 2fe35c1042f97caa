package dev.ember.datasources.csv;

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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV tables against DuckDB reading the same file with the same options and the column types
 * Ember chose; inferred types are checked against Spark's inference rules.
 */
class CsvTableTest {
  @TempDir Path dir;
  private static DuckDb duck;
  private BufferAllocator allocator;

  @BeforeAll static void start() { duck = new DuckDb(); }

  @AfterAll static void stop() { duck.close(); }

  @BeforeEach void allocate() { allocator = new RootAllocator(); }

  @AfterEach void checkNoLeak() { allocator.close(); }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  private static final String MIXED = """
      id,big,price,flag,day,ts,name,mixed,widened,when,empty
      1,3000000000,1.5,true,2024-01-31,2024-01-31 10:11:12,plain,1,1,2024-01-01,
      2,-4,-2.25e3,FALSE,1999-12-31,1999-12-31T23:59:59.123456,"with, comma",x,2.5,2024-01-02 03:04:05,
      3,,NaN,,,,"say \"\"hi\"\"\",,,,
      ,7,,true,2000-02-29,2000-02-29 00:00,"two
      lines",3,-7,,
      5,8,0.001,false,1970-01-01,1970-01-01 00:00:00,"",4,1e10,2020-05-05,
      6,9,Infinity,true,1969-07-20,1969-07-20 20:17:40.5,ünïcödé ✓,5,8,2021-06-07,
      """;

  @Test void headerAndInferenceFollowSpark() throws IOException {
    Path file = write("mixed.csv", MIXED);
    CsvTable t = CsvTable.open("t", file.toString(), Map.of("header", "true", "inferSchema", "true"), null);
    assertEquals(List.of("id", "big", "price", "flag", "day", "ts", "name", "mixed", "widened", "when", "empty"),
        t.schema().names());
    assertEquals(List.of(DataType.INT, DataType.BIGINT, DataType.DOUBLE, DataType.BOOLEAN, DataType.DATE,
        DataType.TIMESTAMP, DataType.VARCHAR, DataType.VARCHAR, DataType.DOUBLE, DataType.TIMESTAMP,
        DataType.VARCHAR), t.schema().fields().stream().map(Field::type).toList());
    assertEqualsDuckDb(t, file, "header=true, allow_quoted_nulls=false");
  }

  @Test void withoutOptionsEveryColumnIsVarcharNamedByPosition() throws IOException {
    Path file = write("plain.csv", MIXED);
    CsvTable t = CsvTable.open("t", file.toString(), Map.of(), null);
    assertEquals("_c0", t.schema().field(0).name());
    assertEquals(11, t.schema().size());
    for (Field f : t.schema().fields()) assertEquals(DataType.VARCHAR, f.type());
    List<List<Object>> rows = Batches.readAll(t, t.schema().names(), allocator, 1, 4096);
    assertEquals(7, rows.size(), "the header line is data");
    assertEqualsDuckDb(t, file, "header=false, allow_quoted_nulls=false");
  }

  @Test void separatorQuoteEscapeAndNullValue() throws IOException {
    Path file = write("semi.csv", """
        a;b;c
        1;'it\\'s';NA
        NA;'semi;colon';'C:\\new\\dir'
        3;'back\\\\slash';''
        """);
    Map<String, String> options = Map.of("header", "true", "sep", ";", "quote", "'", "escape", "\\",
        "nullValue", "NA", "inferSchema", "true");
    CsvTable t = CsvTable.open("t", file.toString(), options, null);
    assertEquals(List.of(DataType.INT, DataType.VARCHAR, DataType.VARCHAR),
        t.schema().fields().stream().map(Field::type).toList());
    List<List<Object>> rows = Batches.readAll(t, t.schema().names(), allocator, 1, 4096);
    assertEquals(java.util.Arrays.asList(1L, "it's", null), rows.get(0));
    assertEquals(java.util.Arrays.asList(null, "semi;colon", "C:\\new\\dir"), rows.get(1));
    assertEquals(java.util.Arrays.asList(3L, "back\\slash", ""), rows.get(2));
    // DuckDB drops an escape before any character ('C:\new' reads 'C:new'); Spark keeps it. So
    // DuckDB is the oracle only for a file without that case.
    Path portable = write("semi2.csv", Files.readString(file).replace("C:\\new\\dir", "plain"));
    assertEqualsDuckDb(CsvTable.open("t", portable.toString(), options, null), portable,
        "header=true, delim=';', quote='''', escape='\\', nullstr='NA', allow_quoted_nulls=false");
  }

  @Test void tabSeparatedWithDeclaredSchemaAndFormats() throws IOException {
    Path file = write("typed.tsv", "1\t12.345\t31/01/2024\t2024/01/31 10:11:12\t\n"
        + "2\t-0.5\t29/02/2000\t2000/02/29 00:00:00\tx\n"
        + "\t\t\t\t\n");
    Schema declared = Schema.of(new Field("k", DataType.SMALLINT, true), new Field("amount", DataType.decimal(10, 2), true),
        new Field("d", DataType.DATE, true), new Field("ts", DataType.TIMESTAMP, true), new Field("s", DataType.VARCHAR, true));
    CsvTable t = CsvTable.open("t", file.toString(), Map.of("delimiter", "\\t", "dateFormat", "dd/MM/yyyy",
        "timestampFormat", "yyyy/MM/dd HH:mm:ss"), declared);
    assertEquals(declared, t.schema());
    assertEqualsDuckDb(t, file, "header=false, delim='\\t', dateformat='%d/%m/%Y', timestampformat='%Y/%m/%d %H:%M:%S'");
  }

  @Test void directoriesAndSplits() throws IOException {
    StringBuilder expected = new StringBuilder();
    for (int f = 0; f < 5; f++) {
      StringBuilder csv = new StringBuilder("n,sq\n");
      for (int i = f * 1000; i < (f + 1) * 1000; i++) csv.append(i).append(',').append((long) i * i).append('\n');
      write("many/part-" + f + ".csv", csv.toString());
    }
    write("many/_SUCCESS", "");
    write("many/.part-0.csv.crc", "garbage");
    CsvTable t = CsvTable.open("t", dir.resolve("many").toString(), Map.of("header", "true", "inferSchema", "true"), null);
    assertEquals(3, t.splits(3).size());
    assertEquals(5, t.splits(100).size());
    List<List<Object>> rows = Batches.readAll(t, List.of("sq", "n"), allocator, 3, 333);
    assertEquals(5000, rows.size());
    assertEquals(List.of(4999L * 4999L, 4999L), rows.stream().filter(r -> r.get(1).equals(4999L)).findFirst().orElseThrow());
    long[] count = {0};
    Batches.forEachBatch(t, 2, List.of(), allocator, 4096, b -> count[0] += b.getRowCount());
    assertEquals(5000, count[0]);
    assertEquals(((Number) duck.value("SELECT sum(sq) FROM read_csv('" + dir.resolve("many") + "/part-*.csv', header=true)")).longValue(),
        rows.stream().mapToLong(r -> (Long) r.get(0)).sum());
  }

  @Test void wrongFieldCountNamesFileAndLine() throws IOException {
    Path file = write("bad.csv", "a,b\n1,2\n\"multi\nline\",3\n4,5,6\n");
    CsvTable t = CsvTable.open("t", file.toString(), Map.of("header", "true", "mode", "FAILFAST"), null);
    EmberException e = assertThrows(EmberException.class, () -> Batches.readAll(t, List.of("a"), allocator, 1, 10));
    assertEquals(EmberException.DATA_EXCEPTION, e.sqlState());
    assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("line 5"), e.getMessage());
  }

  @Test void unclosedQuoteAndTextAfterQuoteAreMalformed() throws IOException {
    Path unclosed = write("unclosed.csv", "a,b\n1,\"open\n2,3\n");
    EmberException e1 = assertThrows(EmberException.class, () -> Batches.readAll(
        CsvTable.open("t", unclosed.toString(), Map.of("mode", "FAILFAST"), null), List.of("_c0"), allocator, 1, 10));
    assertTrue(e1.getMessage().contains("line 2") && e1.getMessage().contains("never closed"), e1.getMessage());
    Path trailing = write("trailing.csv", "a,b\n1,\"x\"y\n");
    EmberException e2 = assertThrows(EmberException.class, () -> Batches.readAll(
        CsvTable.open("t", trailing.toString(), Map.of("mode", "FAILFAST"), null), List.of("_c0"), allocator, 1, 10));
    assertEquals(EmberException.DATA_EXCEPTION, e2.sqlState());
    assertTrue(e2.getMessage().contains(trailing.toString()), e2.getMessage());
  }

  @Test void badValueNamesFileLineAndColumn() throws IOException {
    Path file = write("badint.csv", "1\n2\nthree\n");
    CsvTable t = CsvTable.open("t", file.toString(), Map.of("mode", "FAILFAST"), Schema.of(new Field("n", DataType.INT, true)));
    EmberException e = assertThrows(EmberException.class, () -> Batches.readAll(t, List.of("n"), allocator, 1, 10));
    assertEquals(EmberException.INVALID_TEXT_REPRESENTATION, e.sqlState());
    assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("'n'") && e.getMessage().contains("three"),
        e.getMessage());
  }

  @Test void optionsAreCheckedAndPathsMustExist() {
    assertEquals(EmberException.SYNTAX_ERROR, assertThrows(EmberException.class,
        () -> CsvOptions.parse(Map.of("hedaer", "true"))).sqlState());
    assertEquals(EmberException.SYNTAX_ERROR, assertThrows(EmberException.class,
        () -> CsvOptions.parse(Map.of("header", "yes"))).sqlState());
    CsvOptions o = CsvOptions.parse(Map.of("HEADER", "True", "Sep", "|", "quote", ""));
    assertTrue(o.header());
    assertEquals("|", o.delimiter());
    assertEquals(null, o.quote());
    String missing = dir.resolve("missing.csv").toString();
    EmberException e = assertThrows(EmberException.class, () -> CsvTable.open("t", missing, Map.of(), null));
    assertEquals(EmberException.IO_ERROR, e.sqlState());
    assertTrue(e.getMessage().contains(missing));
  }

  /** Arrays have no CSV form: a declared ARRAY column is refused when the table is opened, by name. */
  @Test void arrayColumnsAreRefused() throws IOException {
    Path p = dir.resolve("arrays.csv");
    Files.write(p, List.of("1,\"[1,2]\""));
    Schema declared = Schema.of(new Field("id", DataType.INT, true), new Field("tags", DataType.array(DataType.INT), true));
    EmberException e = assertThrows(EmberException.class, () -> CsvTable.open("t", p.toString(), Map.of(), declared));
    assertEquals(EmberException.FEATURE_NOT_SUPPORTED, e.sqlState());
    assertTrue(e.getMessage().startsWith("not supported: ") && e.getMessage().contains("'tags'")
        && e.getMessage().contains("ARRAY<INT>"), e.getMessage());
  }

  /** Every value Ember reads equals what DuckDB reads from the file with Ember's column types. */
  private void assertEqualsDuckDb(CsvTable t, Path file, String duckOptions) {
    String columns = t.schema().fields().stream()
        .map(f -> "'" + f.name() + "': '" + f.type().sql() + "'")
        .collect(Collectors.joining(", ", "{", "}"));
    List<List<Object>> expected = duck.rows("SELECT * FROM read_csv('" + file + "', " + duckOptions
        + ", columns=" + columns + ", auto_detect=false)");
    List<List<Object>> actual = Batches.readAll(t, t.schema().names(), allocator, 1, 2);
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) assertEquals(expected.get(i), actual.get(i), "row " + i);
  }
}
