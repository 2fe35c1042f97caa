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
    String word = sql.substring("SELECT".length()).strip();
    return FakeResult.of(allocator, Schema.of(new Field("v", DataType.VARCHAR, false)),
        List.<Object[]>of(new Object[] {Utf8String.of(word)}));
  }

  private String runShell(String input, Path history) throws Exception {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    try (Terminal t = new DumbTerminal("test", Terminal.TYPE_DUMB,
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8)) {
      CliArgs args = CliArgs.parse(new String[0]);
      assertEquals(0, new Shell(t, engine, args, history).run());
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

  @Test void endOfInputLeavesAndHelpIsAvailable(@TempDir Path dir) throws Exception {
    String screen = runShell("help\nSELECT z;", dir.resolve("h"));
    assertTrue(screen.contains("leave the shell"), screen);
    assertEquals(List.of(), engine.statements); // input without ';' at the end is not run
  }
}
