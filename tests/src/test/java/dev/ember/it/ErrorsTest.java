package dev.ember.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.QueryResult;
import dev.ember.api.Session;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.execution.memory.MemoryManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors a user can cause: each is an {@link EmberException} with the right SQLSTATE, a message
 * that names the culprit and, for errors in SQL text, the line and column of the culprit in a
 * multi-line statement; after each, the same session still answers correctly; and no Arrow
 * memory stays allocated once results and the session are closed.
 *
 * <p>Run alone with {@code cd /work/main && mvn -o -q -pl tests test -Dtest=ErrorsTest}.
 */
class ErrorsTest {
  /** A query whose answer shows the session still works after an error. */
  private static final String HEALTH_CHECK = """
      SELECT l_returnflag, l_linestatus, count(*) AS n, sum(l_quantity) AS qty
      FROM lineitem
      GROUP BY l_returnflag, l_linestatus
      ORDER BY l_returnflag, l_linestatus""";

  @TempDir static Path tmp;

  private static Connection duck;
  private static Session ember;
  private static Oracle oracle;

  @BeforeAll static void setUp() throws Exception {
    duck = TpchData.openDuckDb();
    TpchData.loadTables(duck, TpchData.TINY);
    ember = Session.builder().master("local[2]").getOrCreate();
    EmberViews.parquet(ember, TpchData.TINY);
    oracle = new Oracle(duck, ember);
  }

  @AfterAll static void tearDown() throws Exception {
    if (ember != null) ember.close();
    if (duck != null) duck.close();
  }

  /** A comma before FROM: the parser can go no further at FROM, so that is where the error is. */
  @Test void syntaxErrorPointsAtTheUnexpectedToken() {
    EmberException e = expectError("""
        SELECT l_orderkey,
               l_quantity,
          FROM lineitem
         WHERE l_quantity > 10""");
    assertEquals(EmberException.SYNTAX_ERROR, e.sqlState(), e.describe());
    assertPosition(e, 3, 3);
    assertMentions(e, "FROM");
    assertStillAnswers();
  }

  /** A value that does not convert: the error names the value and the column it came from. */
  @Test void failedCastNamesTheValueAndItsColumn() {
    EmberException e = expectError("SELECT o_orderkey, CAST(o_comment AS INT) AS n FROM orders WHERE o_orderkey < 100");
    assertEquals(EmberException.INVALID_TEXT_REPRESENTATION, e.sqlState(), e.describe());
    assertTrue(e.getMessage().matches("invalid input syntax for type INT.*: \".+\" in column o_comment"), e.getMessage());
    EmberException range = expectError("SELECT CAST(o_totalprice AS DECIMAL(5, 2)) AS p FROM orders");
    assertEquals(EmberException.NUMERIC_OUT_OF_RANGE, range.sqlState(), range.describe());
    assertTrue(range.getMessage().endsWith(" in column o_totalprice"), range.getMessage());
    assertStillAnswers();
  }

  @Test void unknownTablePointsAtItsName() {
    EmberException e = expectError("""
        SELECT count(*)
        FROM lineitem,
             lineitems""");
    assertEquals(EmberException.UNDEFINED_TABLE, e.sqlState(), e.describe());
    assertPosition(e, 3, 6);
    assertMentions(e, "lineitems");
    assertStillAnswers();
  }

  @Test void unknownColumnPointsAtItsName() {
    EmberException e = expectError("""
        SELECT l_orderkey,
               l_quantityy
        FROM lineitem""");
    assertEquals(EmberException.UNDEFINED_COLUMN, e.sqlState(), e.describe());
    assertPosition(e, 2, 8);
    assertMentions(e, "l_quantityy");
    assertStillAnswers();
  }

  /** sum over a DATE: PostgreSQL calls it an undefined function (42883), others a datatype mismatch (42804). */
  @Test void typeMismatchPointsAtTheCall() {
    EmberException e = expectError("""
        SELECT l_returnflag,
               sum(l_shipdate)
        FROM lineitem
        GROUP BY l_returnflag""");
    assertTrue(List.of(EmberException.DATATYPE_MISMATCH, EmberException.UNDEFINED_FUNCTION).contains(e.sqlState()), e.describe());
    assertPosition(e, 2, 8);
    assertMentions(e, "sum");
    assertStillAnswers();
  }

  @Test void missingParquetPathIsNamed() {
    Path missing = tmp.resolve("no-such-dir").resolve("lineitem.parquet");
    EmberException e = assertThrows(EmberException.class, readParquet("missing_file", missing));
    assertMentions(e, missing.toString());
    assertNotEquals(EmberException.INTERNAL_ERROR, e.sqlState(), e.describe());
    assertStillAnswers();
  }

  @Test void fileThatIsNotParquetIsNamed() throws Exception {
    Path notParquet = Files.writeString(tmp.resolve("notes.parquet"), "this is plain text, not Parquet\n");
    EmberException e = assertThrows(EmberException.class, readParquet("not_parquet", notParquet));
    assertMentions(e, notParquet.toString());
    assertNotEquals(EmberException.INTERNAL_ERROR, e.sqlState(), e.describe());
    assertStillAnswers();
  }

  /**
   * Every Arrow buffer comes from one root allocator per process ({@link MemoryManager}): after
   * a result closed half-read, errors at parse, analysis and read time, and a complete query,
   * closing the results and the session must bring it back to zero.
   */
  @Test void noArrowMemoryIsLeftAfterResultsAndTheSessionAreClosed() throws Exception {
    Path notParquet = Files.writeString(tmp.resolve("leak-check.parquet"), "not parquet either\n");
    Session s = Session.builder().master("local[2]").getOrCreate();
    try {
      EmberViews.parquet(s, TpchData.TINY);
      try (QueryResult r = s.execute("SELECT * FROM lineitem")) {
        assertNotNull(r.nextBatch(), "lineitem has rows");
        assertTrue(MemoryManager.allocatedBytes() > 0, "a batch in hand is accounted for in the root allocator");
      }
      assertThrows(EmberException.class, () -> EmberRunner.query(s, "SELECT l_orderkey FROM lineitem WHERE"));
      assertThrows(EmberException.class, () -> EmberRunner.query(s, "SELECT l_nothing FROM lineitem"));
      assertThrows(EmberException.class, () -> {
        EmberRunner.execute(s, "CREATE TEMPORARY VIEW leak_check USING parquet OPTIONS (path '" + TpchData.sqlPath(notParquet) + "')");
        EmberRunner.query(s, "SELECT count(*) FROM leak_check");
      });
      QueryRows answer = EmberRunner.query(s, HEALTH_CHECK);
      assertEquals(4, answer.size());
    } finally {
      s.close();
    }
    assertEquals(0, MemoryManager.allocatedBytes(),
        "Arrow memory left after closing everything:\n" + MemoryManager.root().toVerboseString());
  }

  private static EmberException expectError(String sql) {
    return assertThrows(EmberException.class, () -> EmberRunner.query(ember, sql));
  }

  /** Registers a Parquet view and reads it; the error may come from either statement. */
  private static Executable readParquet(String view, Path path) {
    return () -> {
      EmberRunner.execute(ember, "CREATE TEMPORARY VIEW " + view + " USING parquet OPTIONS (path '" + TpchData.sqlPath(path) + "')");
      EmberRunner.query(ember, "SELECT count(*) FROM " + view);
    };
  }

  private static void assertPosition(EmberException e, int line, int column) {
    assertEquals(line + ":" + column, e.line() + ":" + e.column(), "line:column of " + e.describe());
  }

  private static void assertMentions(EmberException e, String text) {
    assertTrue(e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT)),
        "message should name " + text + ": " + e.describe());
  }

  private static void assertStillAnswers() {
    oracle.assertSameAnswer("the same session after the error", HEALTH_CHECK);
  }
}
