package dev.ember.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.QueryResult;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.catalyst.types.Utf8String;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interactive shell driven through a dumb JLine terminal on in-memory streams. */
class ShellTest {
  private final RootAllocator allocator = new RootAllocator();
  private final FakeEngine engine = new FakeEngine(this::answer);

  @AfterEach void closeAllocator() { allocator.close(); }

  private QueryResult answer(String sql) {
    if (sql.startsWith("FAIL")) throw new EmberException(EmberException.SYNTAX_ERROR, "Encountered \"FAIL\"", 1, 3, null);
    String word = sql.startsWith("SELECT") ? sql.substring("SELECT".length()).strip() : sql;
    return FakeResult.of(allocator, Schema.of(new Field("v", DataType.VARCHAR, false)),
        List.<Object[]>of(new Object[] {Utf8String.of(word)}));
  }

  private String runShell(String input, Path history) throws Exception { return runShell(engine, input, history); }

  private String runShell(SqlEngine on, String input, Path history) throws Exception {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    try (Terminal t = new DumbTerminal("test", Terminal.TYPE_DUMB,
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8)) {
      CliArgs args = CliArgs.parse(new String[0]);
      assertEquals(0, new Shell(t, on, args, history).run());
    }
    return screen.toString(StandardCharsets.UTF_8);
  }

  @Test void runsMultiLineStatementsAndSurvivesErrors(@TempDir Path dir) throws Exception {
    Path history = dir.resolve("history");
    String screen = runShell("SELECT a;\nSELECT\nb; SELECT c;\nFAIL;\nSELECT 'd;e'\n;\nexit\nSELECT never;\n", history);
    assertEquals(List.of("SELECT a", "SELECT\nb", "SELECT c", "FAIL", "SELECT 'd;e'"), engine.statements);
    assertTrue(screen.contains("| a |"), screen);
    assertTrue(screen.contains("| b |"), screen);
    assertTrue(screen.contains("| 'd;e' |"), screen);
    assertTrue(screen.contains("Error: line 1, column 3: Encountered \"FAIL\"\nFAIL\n  ^\n"), screen);
    assertTrue(screen.matches("(?s).*1 row \\(\\d+\\.\\d{3} s\\).*"), screen);
    String saved = Files.readString(history, StandardCharsets.UTF_8);
    assertTrue(saved.contains("SELECT a;"), saved);
  }

  @Test void historyIsWrittenUnderEmberHomeCreatingTheDirectory(@TempDir Path dir) throws Exception {
    Path history = dir.resolve("home").resolve("history");
    runShell("SELECT a;\n\\timing\n", history);
    List<String> saved = Files.readAllLines(history, StandardCharsets.UTF_8);
    assertTrue(saved.stream().anyMatch(l -> l.endsWith("SELECT a;")), saved.toString());
    assertTrue(saved.stream().anyMatch(l -> l.endsWith("\\timing")), saved.toString());
    String old = System.getProperty(Shell.HOME_PROPERTY);
    try {
      System.setProperty(Shell.HOME_PROPERTY, dir.toString());
      assertEquals(dir.resolve("history"), Shell.defaultHistory());
    } finally {
      if (old == null) System.clearProperty(Shell.HOME_PROPERTY);
      else System.setProperty(Shell.HOME_PROPERTY, old);
    }
  }

  @Test void backslashDListsAndDescribesThroughShowTablesAndDescribe(@TempDir Path dir) throws Exception {
    String screen = runShell("\\d\n\\dt tpch.tiny\n\\d tpch.tiny.nation;\n", dir.resolve("h"));
    assertEquals(List.of("SHOW TABLES", "SHOW TABLES IN tpch.tiny", "DESCRIBE tpch.tiny.nation"), engine.statements);
    assertTrue(screen.contains("| DESCRIBE tpch.tiny.nation |"), screen); // the fake answers with the statement
  }

  @Test void expandedTimingAndFormatCommandsChangeTheOutput(@TempDir Path dir) throws Exception {
    String screen = runShell("\\x\nSELECT a;\n\\x off\n\\timing off\nSELECT b;\n\\format csv\nSELECT c;\n"
        + ".mode json\nSELECT d;\n\\nope\n", dir.resolve("h"));
    assertTrue(screen.contains("Expanded display is on.\n"), screen);
    assertTrue(screen.contains("-[ RECORD 1 ]-+--\nv | a\n1 row ("), screen);
    assertTrue(screen.contains("Timing is off.\n"), screen);
    assertTrue(screen.contains("| b |\n+---+\n1 row\n"), screen);
    assertTrue(screen.contains("Output format is csv.\nember> v\nc\n"), screen);
    assertTrue(screen.contains("Output format is json.\nember> [\n  {\"v\":\"d\"}\n]\n"), screen);
    assertTrue(screen.contains("Invalid command \\nope. Try \\? for help."), screen);
  }

  @Test void theShellShowsAHundredRowsThenSaysHowManyMore(@TempDir Path dir) throws Exception {
    FakeEngine many = new FakeEngine(sql -> {
      List<Object[]> rows = new java.util.ArrayList<>();
      for (int i = 0; i < 250; i++) rows.add(new Object[] {i});
      return FakeResult.of(allocator, Schema.of(new Field("i", DataType.INT, false)), 64, rows);
    });
    String screen = runShell(many, "SELECT i;\n\\rows all\nSELECT i;\n", dir.resolve("h"));
    assertTrue(screen.contains("| 99 |\n+----+\n… 150 more rows not shown"), screen);
    assertTrue(screen.contains("Showing all rows."), screen);
    assertTrue(screen.contains("| 249 |\n+-----+\n250 rows"), screen);
  }

  @Test void endOfInputLeavesAndHelpIsAvailable(@TempDir Path dir) throws Exception {
    String screen = runShell("help\nSELECT z;", dir.resolve("h"));
    assertTrue(screen.contains("leave the shell"), screen);
    assertEquals(List.of(), engine.statements); // input without ';' at the end is not run
  }
}
