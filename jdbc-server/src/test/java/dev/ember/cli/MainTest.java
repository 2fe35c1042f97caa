package dev.ember.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.QueryResult;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.catalyst.types.Utf8String;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Main's behaviour (arguments, scripts, exit codes, error messages) on a fake engine. */
class MainTest {
  private final RootAllocator allocator = new RootAllocator();
  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
  private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

  /** Answers "SELECT <word>" with a one-column, one-row result holding the word; SET with OK. */
  private final FakeEngine engine = new FakeEngine(this::answer);

  @AfterEach void closeAllocator() { allocator.close(); }

  private QueryResult answer(String sql) {
    if (sql.startsWith("SET")) return FakeResult.noRows();
    if (sql.startsWith("FAIL")) {
      throw new EmberException(EmberException.UNDEFINED_COLUMN, "Column 'x' not found", 1, 6, null);
    }
    if (sql.startsWith("CRASH")) throw new IllegalStateException("boom\nsecond line");
    String word = sql.substring("SELECT".length()).strip();
    return FakeResult.of(allocator, Schema.of(new Field("v", DataType.VARCHAR, false)),
        List.<Object[]>of(new Object[] {Utf8String.of(word)}));
  }

  private int run(InputStream in, String... args) {
    return Main.run(args, in, out, err, engine.factory(), false);
  }

  private int run(String... args) { return run(new ByteArrayInputStream(new byte[0]), args); }

  private String out() { return outBytes.toString(StandardCharsets.UTF_8); }

  private String err() { return errBytes.toString(StandardCharsets.UTF_8); }

  @Test void runsEachStatementOfMinusEInOrderAndExitsZero() {
    assertEquals(0, run("--format", "csv", "-e", "SET a = 1; SELECT one;\n\nSELECT 'two;'"));
    assertEquals(List.of("SET a = 1", "SELECT one", "SELECT 'two;'"), engine.statements);
    assertEquals("v\none\n\nv\n'two;'\n", out());
    assertEquals("", err());
    assertTrue(engine.closed);
  }

  @Test void passesMasterAndConfToTheSession() {
    assertEquals(0, run("--master", "local[3]", "--conf", "ember.x=1", "-e", "SELECT a"), err());
    assertEquals("local[3]", engine.openedWith.master());
    assertEquals(Map.of("ember.x", "1"), engine.openedWith.conf());
  }

  @Test void stopsAtTheFirstErrorWithItsPositionInTheScript() {
    int status = run("--format", "csv", "-e", "SELECT a;\n\n  FAIL x; SELECT b");
    assertEquals(1, status);
    assertEquals(List.of("SELECT a", "FAIL x"), engine.statements);
    assertEquals("v\na\n", out());
    assertEquals("Error: line 3, column 8: Column 'x' not found\n", err());
  }

  @Test void otherErrorsGetOneLineAndAStackTraceOnlyWhenAskedFor() {
    assertEquals(1, run("-e", "CRASH"));
    assertEquals("Error: java.lang.IllegalStateException: boom (--conf ember.cli.stackTraces=true shows "
        + "the stack trace)\n", err());
    errBytes.reset();
    assertEquals(1, run("--conf", "ember.cli.stackTraces=true", "-e", "CRASH"));
    assertTrue(err().contains("\tat dev.ember.cli."), err());
  }

  @Test void tableModePrintsOkAndRowFooters() {
    assertEquals(0, run("-e", "SET x = 1; SELECT é"));
    String text = out().replaceAll("\\(\\d+\\.\\d{3} s\\)", "(T)");
    assertEquals("OK (T)\n\n+---+\n| v |\n+---+\n| é |\n+---+\n1 row (T)\n", text);
  }

  @Test void readsAScriptFileWithATrailingStatementWithoutSemicolon(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("q.sql");
    Files.writeString(file, "-- header comment\nSELECT 東京;\n/* two */ SELECT two", StandardCharsets.UTF_8);
    assertEquals(0, run("--format=json", "-f", file.toString()));
    assertEquals(List.of("SELECT 東京", "SELECT two"), engine.statements);
    assertEquals("[\n  {\"v\":\"東京\"}\n]\n[\n  {\"v\":\"two\"}\n]\n", out());
  }

  @Test void aMissingScriptFileIsAnError(@TempDir Path dir) {
    assertEquals(1, run("-f", dir.resolve("nope.sql").toString()));
    assertTrue(err().startsWith("Error: cannot read "), err());
    assertTrue(err().contains("nope.sql"), err());
  }

  @Test void readsStatementsFromStdinWhenItIsNotATerminal() {
    InputStream in = new ByteArrayInputStream("SELECT a;\nSELECT\n  b;\nFAIL\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(1, run(in, "--format", "csv"));
    assertEquals(List.of("SELECT a", "SELECT\n  b", "FAIL"), engine.statements);
    assertEquals("v\na\n\nv\nb\n", out());
    assertEquals("Error: line 4, column 6: Column 'x' not found\n", err());
  }

  @Test void minusFDashReadsStdin() {
    InputStream in = new ByteArrayInputStream("SELECT a".getBytes(StandardCharsets.UTF_8));
    assertEquals(0, run(in, "--format", "csv", "-f", "-"));
    assertEquals("v\na\n", out());
  }

  @Test void stopsReadingAResultOnceStdoutIsGone() {
    PrintStream broken = new PrintStream(new java.io.OutputStream() {
      @Override public void write(int b) throws java.io.IOException { throw new java.io.IOException("Broken pipe"); }
    }, false, StandardCharsets.UTF_8);
    FakeResult[] result = new FakeResult[1];
    FakeEngine many = new FakeEngine(sql -> {
      List<Object[]> rows = new java.util.ArrayList<>();
      for (int i = 0; i < 100; i++) rows.add(new Object[] {i});
      result[0] = FakeResult.of(allocator, Schema.of(new Field("i", DataType.INT, false)), 10, rows);
      return result[0];
    });
    Main.run(new String[] {"--format", "csv", "-e", "SELECT i"}, new ByteArrayInputStream(new byte[0]), broken, err,
        many.factory(), false);
    assertTrue(result[0].batchesRead() < 10, "read " + result[0].batchesRead() + " batches");
    assertTrue(result[0].closed);
  }

  @Test void badUsageExitsTwoWithTheUsageOnStderr() {
    assertEquals(2, run("--format", "xml"));
    assertTrue(err().startsWith("ember: unknown format 'xml'"), err());
    assertTrue(err().contains("Usage: ember"), err());
    assertEquals("", out());
    assertEquals(null, engine.openedWith);
    errBytes.reset();
    assertEquals(2, run("--conf", "ember.cli.maxRows=lots", "-e", "SELECT 1"));
    assertTrue(err().startsWith("ember: ember.cli.maxRows must be a whole number"), err());
  }

  @Test void helpGoesToStdoutAndExitsZero() {
    assertEquals(0, run("--help"));
    assertTrue(out().startsWith("Usage: ember"));
    outBytes.reset();
    assertEquals(0, run("help"));
    assertTrue(out().startsWith("Usage: ember"));
  }

  @Test void unknownSubcommandsAreReported() {
    assertEquals(2, run("nosuchcommand", "--port", "5433"));
    assertTrue(err().startsWith("ember: unknown command 'nosuchcommand'"), err());
    assertFalse(engine.closed);
  }

  @Test void anEngineThatCannotStartIsAnError() {
    int status = Main.run(new String[] {"-e", "SELECT 1"}, new ByteArrayInputStream(new byte[0]), out, err,
        args -> { throw new EmberException(EmberException.FEATURE_NOT_SUPPORTED, "bad master 'x'"); }, false);
    assertEquals(1, status);
    assertEquals("Error: bad master 'x'\n", err());
  }
}
