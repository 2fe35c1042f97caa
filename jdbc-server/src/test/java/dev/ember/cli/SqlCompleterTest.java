package dev.ember.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.Session;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Completion candidates from a real session's catalog, for inputs split the way the shell splits them. */
class SqlCompleterTest {
  private static Session session;
  private static SqlCompleter completer;

  @BeforeAll static void open() {
    session = Session.builder().master("local[1]").getOrCreate();
    session.execute("CREATE TEMPORARY VIEW shipped AS SELECT l_orderkey AS okey, l_shipdate FROM tpch.tiny.lineitem")
        .close();
    completer = new SqlCompleter(session.state().catalog());
  }

  @AfterAll static void close() { session.close(); }

  /** The values offered at the end of {@code input} that start with the word there (as JLine filters them). */
  private static List<String> complete(String input) { return complete(input, input.length()); }

  private static List<String> complete(String input, int cursor) {
    ParsedLine line = new SqlLineParser().parse(input, cursor, Parser.ParseContext.COMPLETE);
    String word = line.word().substring(0, line.wordCursor());
    return completer.candidates(line.line(), line.wordIndex(), word, line.words()).stream()
        .map(Candidate::value)
        .filter(v -> v.toLowerCase(java.util.Locale.ROOT).startsWith(word.toLowerCase(java.util.Locale.ROOT)))
        .distinct().toList();
  }

  @Test void dottedPathsCompleteSchemasThenTablesThenColumns() {
    assertEquals(List.of("tpch.tiny."), complete("SELECT * FROM tpch.ti"));
    assertEquals(List.of("tpch.tiny.lineitem"), complete("SELECT * FROM tpch.tiny.li"));
    assertEquals(List.of("tpch.tiny.nation.n_nationkey", "tpch.tiny.nation.n_name"),
        complete("SELECT tpch.tiny.nation.n_n"));
    assertTrue(complete("SELECT * FROM tp").contains("tpch."), complete("SELECT * FROM tp").toString());
  }

  @Test void plainWordsCompleteKeywordsViewsAndColumnsOfTablesNamedInTheInput() {
    assertEquals(List.of("l_returnflag"), complete("SELECT count(*) FROM tpch.tiny.lineitem GROUP BY l_ret"));
    assertEquals(List.of(), complete("SELECT max(l_ret")); // no table named: no columns
    String query = "SELECT ok, max(l_ship FROM shipped";
    assertEquals(List.of("okey"), complete(query, "SELECT ok".length())); // the FROM comes later
    assertEquals(List.of("l_shipdate"), complete(query, "SELECT ok, max(l_ship".length()));
    assertEquals(List.of("SELECT"), complete("sel"));
    assertEquals(List.of("shipped"), complete("SELECT * FROM ship"));
  }

  @Test void backslashCommandsCompleteTheirNamesThenTableNames() {
    assertEquals(List.of("\\d", "\\dt"), complete("\\d"));
    assertEquals(List.of("tpch.tiny.orders"), complete("\\d tpch.tiny.or"));
    assertFalse(complete("\\x").isEmpty());
  }
}
