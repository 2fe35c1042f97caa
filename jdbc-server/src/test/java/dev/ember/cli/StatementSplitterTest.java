package dev.ember.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {
  private static List<String> sqls(String script) {
    return StatementSplitter.splitScript(script).stream().map(Statement::sql).toList();
  }

  @Test void splitsOnSemicolonsAndKeepsATrailingStatementWithoutOne() {
    assertEquals(List.of("SELECT 1", "SELECT 2", "SELECT 3"), sqls("SELECT 1; SELECT 2;\nSELECT 3"));
  }

  @Test void skipsEmptyStatements() {
    assertEquals(List.of("SELECT 1", "SELECT 2"), sqls(";;  SELECT 1;;\n ; SELECT 2;\n\n"));
    assertEquals(List.of(), sqls(" ;\n-- only a comment\n/* and a block */ ;"));
  }

  @Test void ignoresSemicolonsInsideStringLiteralsWithEscapedQuotes() {
    assertEquals(List.of("SELECT 'a;b', 'it''s; fine', ''", "SELECT 2"),
        sqls("SELECT 'a;b', 'it''s; fine', ''; SELECT 2"));
  }

  @Test void ignoresSemicolonsInsideQuotedIdentifiers() {
    assertEquals(List.of("SELECT 1 AS \"x;\"\"y\"", "SELECT `a;b`"),
        sqls("SELECT 1 AS \"x;\"\"y\"; SELECT `a;b`;"));
  }

  @Test void ignoresSemicolonsInComments() {
    String script = """
        -- first; statement
        SELECT 1 /* not; here */ + 1; /* block;
        spanning lines */ SELECT 2 -- trailing; comment
        ;
        """;
    assertEquals(List.of("SELECT 1 /* not; here */ + 1", "SELECT 2 -- trailing; comment"), sqls(script));
  }

  @Test void dropsLeadingCommentsAndWhitespaceButKeepsTheStatementsPosition() {
    List<Statement> s = StatementSplitter.splitScript("SELECT 1;\n  -- note\n  /* c */ SELECT\n x;");
    assertEquals(new Statement("SELECT 1", 1, 1), s.get(0));
    assertEquals(new Statement("SELECT\n x", 3, 11), s.get(1));
    assertEquals(4, s.get(1).scriptLine(2));
    assertEquals(3, s.get(1).scriptColumn(2, 3));
    assertEquals(14, s.get(1).scriptColumn(1, 4));
  }

  @Test void countsCrLfAndCrLineBreaksOnce() {
    List<Statement> s = StatementSplitter.splitScript("SELECT 1;\r\n\r\nSELECT 2;\rSELECT 3");
    assertEquals(List.of(new Statement("SELECT 1", 1, 1), new Statement("SELECT 2", 3, 1),
        new Statement("SELECT 3", 4, 1)), s);
  }

  @Test void dashesAndSlashesThatAreNotCommentsStayCode() {
    assertEquals(List.of("SELECT 4-2, 6/3, 1 - -1", "SELECT 2"), sqls("SELECT 4-2, 6/3, 1 - -1; SELECT 2"));
  }

  @Test void reportsIncompleteInputForTheShell() {
    assertTrue(StatementSplitter.split("SELECT 1", 1, 1).incomplete());
    assertTrue(StatementSplitter.split("SELECT 'a;", 1, 1).incomplete());
    assertTrue(StatementSplitter.split("SELECT 1 /* ; ", 1, 1).incomplete());
    assertTrue(StatementSplitter.split("SELECT 1 -- ;\n", 1, 1).incomplete());
    assertTrue(StatementSplitter.split("SELECT 1; SELECT", 1, 1).incomplete());
    assertFalse(StatementSplitter.split("SELECT 1;", 1, 1).incomplete());
    assertFalse(StatementSplitter.split("SELECT 1; -- done\n", 1, 1).incomplete());
    assertFalse(StatementSplitter.split("  \n", 1, 1).incomplete());
  }

  @Test void continuesAcrossChunksAsTheRestIsFedBack() {
    StatementSplitter.Split first = StatementSplitter.split("SELECT 1; SELECT\n", 1, 1);
    assertEquals(List.of(new Statement("SELECT 1", 1, 1)), first.statements());
    assertEquals(" SELECT\n", first.rest());
    StatementSplitter.Split second = StatementSplitter.split(first.rest() + "  2;\n", first.restLine(), first.restColumn());
    assertEquals(List.of(new Statement("SELECT\n  2", 1, 11)), second.statements());
  }

  @Test void blankMeansOnlyWhitespaceAndComments() {
    assertTrue(StatementSplitter.isBlank(" -- x\n /* y */ \n"));
    assertFalse(StatementSplitter.isBlank("/* open"));
    assertFalse(StatementSplitter.isBlank("x"));
  }
}
