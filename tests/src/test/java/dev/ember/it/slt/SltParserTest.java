package dev.ember.it.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.it.slt.SltRecord.Query;
import dev.ember.it.slt.SltRecord.SortMode;
import dev.ember.it.slt.SltRecord.Statement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The record format, the value text and the in-place rewrite, without an engine. */
class SltParserTest {
  private static final List<String> FILE = List.of(
      "# a comment",
      "statement ok",
      "CREATE TEMPORARY VIEW v AS SELECT 1 AS a",
      "",
      "skipif ember",
      "query IT rowsort",
      "SELECT a,",
      "  'x' FROM v",
      "----",
      "1\tx",
      "",
      "statement error Division by zero",
      "SELECT 1 / 0",
      "",
      "statement error",
      "SELECT x",
      "----",
      "Column 'x' not found",
      "",
      "query R",
      "SELECT 1.5",
      "",
      "halt");

  @Test void readsEveryRecordKind() {
    List<SltRecord> records = SltParser.parse("f.slt", FILE);
    assertEquals(6, records.size());
    Statement create = assertInstanceOf(Statement.class, records.get(0));
    assertEquals(2, create.line());
    assertFalse(create.expectsError());
    Query q = assertInstanceOf(Query.class, records.get(1));
    assertEquals(6, q.line());
    assertEquals("IT", q.types());
    assertEquals(SortMode.ROWSORT, q.sort());
    assertEquals("SELECT a,\n  'x' FROM v", q.sql());
    assertEquals(List.of("1\tx"), q.expected());
    assertFalse(q.runsOn("ember"));
    assertTrue(q.runsOn("duckdb"));
    assertEquals("Division by zero", ((Statement) records.get(2)).errorPattern());
    assertEquals("Column 'x' not found", ((Statement) records.get(3)).errorPattern());
    assertEquals(-1, ((Query) records.get(4)).resultStart());
    assertInstanceOf(SltRecord.Halt.class, records.get(5));
  }

  @Test void rejectsUnknownRecordsWithTheirLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SltParser.parse("f.slt", List.of("", "querry I", "SELECT 1")));
    assertEquals("f.slt:2: unknown record 'querry'", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SltParser.parse("f.slt", List.of("query X", "SELECT 1")));
  }

  @Test void rewriteReplacesOrAddsResultSections() {
    List<SltRecord> records = SltParser.parse("f.slt", FILE);
    SltFile file = new SltFile(java.nio.file.Path.of("f.slt"), FILE, records);
    List<String> out = file.rewritten(Map.of((Query) records.get(1), List.of("1\tx", "2\ty"), (Query) records.get(4), List.of("1.5")));
    assertEquals(List.of("1\tx", "2\ty", ""), out.subList(9, 12));
    assertEquals(List.of("query R", "SELECT 1.5", "----", "1.5", "", "halt"), out.subList(out.size() - 6, out.size()));
  }

  @Test void valuesPrintAsDuckDbsRunnerDoes() {
    assertEquals("NULL", SltText.render(null));
    assertEquals("(empty)", SltText.render(""));
    assertEquals("a\\tb", SltText.render("a\tb"));
    assertEquals("1.50", SltText.render(new BigDecimal("1.50")));
    assertEquals("0.3", SltText.render(0.1 + 0.2));
    assertEquals("0.333333333333", SltText.render(1.0 / 3));
    assertEquals("inf", SltText.render(Double.POSITIVE_INFINITY));
    assertEquals("1998-12-01", SltText.render(LocalDate.of(1998, 12, 1)));
    assertEquals("true", SltText.render(true));
  }

  @Test void errorPatternsAreSubstringsOrRegexes() {
    assertTrue(SltRunner.matches("", "anything"));
    assertTrue(SltRunner.matches("by zero", "22012: Division by zero"));
    assertTrue(SltRunner.matches("^22012: .*zero$", "22012: Division by zero"));
    assertFalse(SltRunner.matches("overflow", "22012: Division by zero"));
  }
}
