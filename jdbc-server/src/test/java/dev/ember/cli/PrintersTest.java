package dev.ember.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.catalyst.types.Utf8String;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The three output formats over hand-built batches holding every type, NULLs and wide text. */
class PrintersTest {
  private final RootAllocator allocator = new RootAllocator();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @AfterEach void closeAllocator() { allocator.close(); }

  private static final Schema ALL_TYPES = Schema.of(
      new Field("b", DataType.BOOLEAN, true), new Field("ti", DataType.TINYINT, true),
      new Field("si", DataType.SMALLINT, true), new Field("i", DataType.INT, true),
      new Field("bi", DataType.BIGINT, true), new Field("f", DataType.FLOAT, true),
      new Field("d", DataType.DOUBLE, true), new Field("dec", DataType.decimal(15, 2), true),
      new Field("wide", DataType.decimal(38, 3), true), new Field("dt", DataType.DATE, true),
      new Field("ts", DataType.TIMESTAMP, true), new Field("tz", DataType.TIMESTAMP_TZ, true),
      new Field("s", DataType.VARCHAR, true), new Field("bin", DataType.VARBINARY, true),
      new Field("ym", DataType.INTERVAL_YEAR_MONTH, true), new Field("dtm", DataType.INTERVAL_DAY_TIME, true));

  private static List<Object[]> allTypeRows() {
    int day = (int) LocalDate.of(2024, 2, 29).toEpochDay();
    long ts = day * 86_400_000_000L + 3_723_500_000L; // 01:02:03.5
    Object[] full = {true, (byte) 1, (short) -2, 3, 4L, 1.5f, -0.25, 1230L, new BigDecimal("-98765432109876543210.5"),
        day, ts, ts, Utf8String.of("a,\"b\"\n東京"), new byte[] {1, (byte) 0xab}, 14, 90_000_000_000L};
    Object[] nulls = new Object[ALL_TYPES.size()];
    Object[] empty = full.clone();
    empty[12] = Utf8String.EMPTY;
    return List.of(full, nulls, empty);
  }

  private String printed() { return bytes.toString(StandardCharsets.UTF_8); }

  private FakeResult result(Schema schema, List<Object[]> rows) { return FakeResult.of(allocator, schema, 2, rows); }

  @Test void csvWritesEveryTypeWithRfc4180QuotingAndEmptyNulls() {
    ResultPrinter p = OutputFormat.CSV.printer(out, PrintSettings.DEFAULT);
    try (FakeResult r = result(ALL_TYPES, allTypeRows())) {
      p.printRows(r, Stopwatch.start());
    }
    assertEquals("""
        b,ti,si,i,bi,f,d,dec,wide,dt,ts,tz,s,bin,ym,dtm
        true,1,-2,3,4,1.5,-0.25,12.30,-98765432109876543210.500,2024-02-29,2024-02-29 01:02:03.5,\
        2024-02-29 01:02:03.5+00,"a,""b""
        東京",\\x01ab,1-2,1 01:00:00
        ,,,,,,,,,,,,,,,
        true,1,-2,3,4,1.5,-0.25,12.30,-98765432109876543210.500,2024-02-29,2024-02-29 01:02:03.5,\
        2024-02-29 01:02:03.5+00,"",\\x01ab,1-2,1 01:00:00
        """, printed());
  }

  @Test void csvSeparatesResultSetsByOneEmptyLineAndPrintsNothingForOk() {
    Schema one = Schema.of(new Field("x y", DataType.INT, false));
    ResultPrinter p = OutputFormat.CSV.printer(out, PrintSettings.DEFAULT);
    p.printOk(Stopwatch.start());
    try (FakeResult r = result(one, List.<Object[]>of(new Object[] {1}))) {
      p.printRows(r, Stopwatch.start());
    }
    p.printOk(Stopwatch.start());
    try (FakeResult r = result(one, List.of())) {
      p.printRows(r, Stopwatch.start());
    }
    assertEquals("x y\n1\n\nx y\n", printed());
  }

  @Test void jsonWritesAnArrayOfObjectsPerResultSet() {
    ResultPrinter p = OutputFormat.JSON.printer(out, PrintSettings.DEFAULT);
    try (FakeResult r = result(ALL_TYPES, allTypeRows().subList(0, 2))) {
      p.printRows(r, Stopwatch.start());
    }
    p.printOk(Stopwatch.start());
    try (FakeResult r = result(Schema.of(new Field("n", DataType.INT, true)), List.of())) {
      p.printRows(r, Stopwatch.start());
    }
    assertEquals("""
        [
          {"b":true,"ti":1,"si":-2,"i":3,"bi":4,"f":1.5,"d":-0.25,"dec":12.30,\
        "wide":-98765432109876543210.500,"dt":"2024-02-29","ts":"2024-02-29 01:02:03.5",\
        "tz":"2024-02-29 01:02:03.5+00","s":"a,\\"b\\"\\n東京","bin":"\\\\x01ab","ym":"1-2","dtm":"1 01:00:00"},
          {"b":null,"ti":null,"si":null,"i":null,"bi":null,"f":null,"d":null,"dec":null,"wide":null,\
        "dt":null,"ts":null,"tz":null,"s":null,"bin":null,"ym":null,"dtm":null}
        ]
        []
        """, printed());
  }

  @Test void tableAlignsNumbersRightTextLeftAndCountsWideCharactersAsTwoColumns() {
    Schema schema = Schema.of(new Field("name", DataType.VARCHAR, true), new Field("n", DataType.BIGINT, true),
        new Field("price", DataType.decimal(10, 2), true));
    List<Object[]> rows = List.of(
        new Object[] {Utf8String.of("東京"), 12345L, 5L},
        new Object[] {Utf8String.of("a\tb"), null, -100L},
        new Object[] {null, 7L, null});
    ResultPrinter p = OutputFormat.TABLE.printer(out, PrintSettings.DEFAULT);
    try (FakeResult r = result(schema, rows)) {
      p.printRows(r, Stopwatch.start());
    }
    p.printOk(Stopwatch.start());
    String text = printed().replaceAll("\\(\\d+\\.\\d{3} s\\)", "(T)");
    assertEquals("""
        +------+-------+-------+
        | name | n     | price |
        +------+-------+-------+
        | 東京 | 12345 |  0.05 |
        | a\\tb |  NULL | -1.00 |
        | NULL |     7 |  NULL |
        +------+-------+-------+
        3 rows (T)

        OK (T)
        """, text);
  }

  @Test void tableSpreadsValuesWithLineBreaksOverSeveralLines() {
    Schema schema = Schema.of(new Field("plan", DataType.VARCHAR, false), new Field("n", DataType.INT, false));
    ResultPrinter p = OutputFormat.TABLE.printer(out, PrintSettings.DEFAULT);
    try (FakeResult r = result(schema, List.<Object[]>of(new Object[] {Utf8String.of("Project\r\n  Scan t\n"), 1}))) {
      p.printRows(r, Stopwatch.start());
    }
    String text = printed().replaceAll("\\(\\d+\\.\\d{3} s\\)", "(T)");
    assertEquals("""
        +----------+---+
        | plan     | n |
        +----------+---+
        | Project  | 1 |
        |   Scan t |   |
        +----------+---+
        1 row (T)
        """, text);
  }

  @Test void tableShowsHeaderForEmptyResultsAndSingularRowCount() {
    Schema schema = Schema.of(new Field("only", DataType.INT, true));
    ResultPrinter p = OutputFormat.TABLE.printer(out, PrintSettings.DEFAULT);
    try (FakeResult r = result(schema, List.of())) {
      p.printRows(r, Stopwatch.start());
    }
    try (FakeResult r = result(schema, List.<Object[]>of(new Object[] {1}))) {
      p.printRows(r, Stopwatch.start());
    }
    String text = printed().replaceAll("\\(\\d+\\.\\d{3} s\\)", "(T)");
    assertEquals("""
        +------+
        | only |
        +------+
        0 rows (T)

        +------+
        | only |
        +------+
        |    1 |
        +------+
        1 row (T)
        """, text);
  }

  @Test void tableShowsAtMostMaxRowsButCountsAllAndCutsLongCells() {
    Schema schema = Schema.of(new Field("i", DataType.INT, false), new Field("s", DataType.VARCHAR, false));
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) rows.add(new Object[] {i, Utf8String.of("x".repeat(i % 20))});
    PrintSettings settings = PrintSettings.DEFAULT.withMaxRows(3).withMaxColumnWidth(8);
    ResultPrinter p = OutputFormat.TABLE.printer(out, settings);
    try (FakeResult r = FakeResult.of(allocator, schema, 4096, rows)) {
      p.printRows(r, Stopwatch.start());
    }
    String text = printed().replaceAll("\\(\\d+\\.\\d{3} s\\)", "(T)");
    assertEquals("""
        +---+----+
        | i | s  |
        +---+----+
        | 0 |    |
        | 1 | x  |
        | 2 | xx |
        +---+----+
        … 9997 more rows not shown (\\rows N or ember.cli.maxRows shows more; now 3)
        10000 rows (T)
        """, text);
    assertEquals("xxxxxxx…", DisplayText.cell("x".repeat(20), 8));
    assertEquals("東京東…", DisplayText.cell("東京東京", 7));
  }

  @Test void cancellationStopsReadingBetweenBatches() {
    Schema schema = Schema.of(new Field("i", DataType.INT, false));
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) rows.add(new Object[] {i});
    int[] polls = {0};
    PrintSettings settings = PrintSettings.DEFAULT.withCancelled(() -> ++polls[0] > 2);
    ResultPrinter p = OutputFormat.TABLE.printer(out, settings);
    try (FakeResult r = FakeResult.of(allocator, schema, 4, rows)) {
      p.printRows(r, Stopwatch.start());
    }
    assertTrue(printed().contains("Cancelled after 8 rows"), printed());
    assertEquals(Arrays.asList("| 7 |"), printed().lines().filter(l -> l.equals("| 7 |")).toList());
  }

  @Test void expandedPrintsOneRecordPerRowWithLinesOfLongValuesUnderEachOther() {
    Schema schema = Schema.of(new Field("id", DataType.INT, false), new Field("comment", DataType.VARCHAR, true));
    List<Object[]> rows = List.of(new Object[] {1, Utf8String.of("two\nlines")}, new Object[] {22, null});
    PrintSettings settings = PrintSettings.DEFAULT.withExpanded(PrintSettings.Expanded.ON, 0).withTiming(false);
    try (FakeResult r = result(schema, rows)) {
      OutputFormat.TABLE.printer(out, settings).printRows(r, Stopwatch.start());
    }
    assertEquals("""
        -[ RECORD 1 ]-+------
        id      | 1
        comment | two
                | lines
        -[ RECORD 2 ]-+------
        id      | 22
        comment | NULL
        2 rows
        """, printed());
  }

  @Test void expandedAutoOnlyWhenTheTableIsWiderThanTheScreen() {
    Schema schema = Schema.of(new Field("s", DataType.VARCHAR, false));
    List<Object[]> rows = List.<Object[]>of(new Object[] {Utf8String.of("x".repeat(30))});
    PrintSettings wide = PrintSettings.DEFAULT.withExpanded(PrintSettings.Expanded.AUTO, 80).withTiming(false);
    PrintSettings narrow = wide.withExpanded(PrintSettings.Expanded.AUTO, 20);
    try (FakeResult a = result(schema, rows); FakeResult b = result(schema, rows)) {
      OutputFormat.TABLE.printer(out, wide).printRows(a, Stopwatch.start());
      OutputFormat.TABLE.printer(out, narrow).printRows(b, Stopwatch.start());
    }
    String x30 = "x".repeat(30);
    assertEquals("+" + "-".repeat(32) + "+\n| s" + " ".repeat(29) + " |\n+" + "-".repeat(32) + "+\n| " + x30
        + " |\n+" + "-".repeat(32) + "+\n1 row\n-[ RECORD 1 ]-+" + "-".repeat(31) + "\ns | " + x30 + "\n1 row\n",
        printed());
  }

  /** Each chunk is printed, with its own widths, before the rows after it are read. */
  @Test void tableStreamsInChunksAlignedEachOnItsOwn() {
    Schema schema = Schema.of(new Field("n", DataType.INT, false));
    List<Object[]> rows = new ArrayList<>();
    for (int i : new int[] {1, 2, 300, 4, 5}) rows.add(new Object[] {i});
    PrintSettings settings = PrintSettings.DEFAULT.withChunkRows(2).withTiming(false);
    try (FakeResult r = FakeResult.of(allocator, schema, 1, rows)) {
      List<Integer> batchesReadAtEachWrite = new ArrayList<>();
      PrintStream watching = new PrintStream(new java.io.OutputStream() {
        @Override public void write(int b) { out.write(b); }

        @Override public void write(byte[] b, int off, int len) {
          batchesReadAtEachWrite.add(r.batchesRead());
          out.write(b, off, len);
        }
      }, true, StandardCharsets.UTF_8);
      OutputFormat.TABLE.printer(watching, settings).printRows(r, Stopwatch.start());
      assertEquals(2, (int) batchesReadAtEachWrite.get(0), batchesReadAtEachWrite.toString()); // only the first chunk was read
    }
    assertEquals("""
        +---+
        | n |
        +---+
        | 1 |
        | 2 |
        +-----+
        | 300 |
        |   4 |
        +---+
        | 5 |
        +---+
        5 rows
        """, printed());
  }
}
