package dev.ember.it.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.QueryResult;
import dev.ember.api.Session;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.execution.memory.MemoryManager;
import dev.ember.execution.spill.SpillDirectory;
import dev.ember.it.TpchData;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operators over all rows at once, under an 8 MB budget: a top-N whose N rows do not fit falls
 * back to the external sort, and a window without PARTITION BY (row numbers, ranks, running
 * sums) streams its rows through a spilling sort, and one of aggregates over the whole input
 * ({@code sum(v) OVER ()}) keeps its rows in a spill file between its two passes; all give
 * DuckDB's answers and spill, as do LEAD and LAG (holding back only their offset). A window
 * with another frame (FIRST_VALUE up to the current row) still fails cleanly (53200).
 */
class TopNAndWindowSpillTest {
  private static final long ROWS = 1_000_000;
  @TempDir static Path dir;
  private static Path spillDirBefore;
  private static Connection duck;
  private static Session session;

  @BeforeAll static void data() throws Exception {
    spillDirBefore = SpillDirectory.current();
    SpillDirectory.configure(dir.resolve("spill"));
    duck = TpchData.openDuckDb();
    try (Statement st = duck.createStatement()) {
      st.execute("CREATE VIEW t AS SELECT (range * 7919) % " + ROWS + " AS k, range % 1000 AS p, range % 100 AS v"
          + " FROM range(" + ROWS + ")");
    }
    session = Session.builder().master("local[2]").config("ember.memory.offHeap.size", "8m").getOrCreate();
    session.range(ROWS).selectExpr("(id * CAST(7919 AS BIGINT)) % CAST(" + ROWS + " AS BIGINT) AS k",
        "CAST(id % 1000 AS BIGINT) AS p", "CAST(id % 100 AS BIGINT) AS v").createOrReplaceTempView("t");
  }

  @AfterAll static void close() throws Exception {
    session.close();
    duck.close();
    MemoryManager.reset();
    SpillDirectory.configure(spillDirBefore);
  }

  @Test void topNBeyondMemoryFallsBackToTheExternalSort() throws Exception {
    String sql = "SELECT k, v FROM t ORDER BY k DESC LIMIT 700000 OFFSET 1000";
    List<long[]> expected = new ArrayList<>();
    try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) expected.add(new long[] {rs.getLong(1), rs.getLong(2)});
    }
    int i = 0;
    long spilled;
    try (QueryResult r = session.execute(sql)) {
      for (VectorSchemaRoot b = r.nextBatch(); b != null; b = r.nextBatch()) {
        BigIntVector k = (BigIntVector) b.getVector(0), v = (BigIntVector) b.getVector(1);
        for (int row = 0; row < b.getRowCount(); row++, i++) {
          assertTrue(i < expected.size(), "more rows than DuckDB's " + expected.size());
          long[] e = expected.get(i);
          if (e[0] != k.get(row) || e[1] != v.get(row)) {
            assertEquals(e[0] + "," + e[1], k.get(row) + "," + v.get(row), "row " + i);
          }
        }
      }
      spilled = r.bytesSpilled();
    }
    assertEquals(expected.size(), i, "rows");
    System.out.printf("top-N of 700,000 of %,d rows at 8m: spilled %,d bytes%n", ROWS, spilled);
    assertTrue(spilled > 0, "the top-N should have spilled");
  }

  @Test void windowWithoutPartitionByStreamsThroughTheSpillingSort() throws Exception {
    String sql = "SELECT count(*), sum(rn * k), sum(r), sum(dr), sum(rs), sum(c), max(rs), sum(mx)"
        + " FROM (SELECT k, row_number() OVER (ORDER BY k) AS rn, rank() OVER (ORDER BY p) AS r,"
        + " dense_rank() OVER (ORDER BY p DESC) AS dr, sum(v) OVER (ORDER BY p) AS rs,"
        + " count(*) OVER (ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS c,"
        + " max(v) OVER (ORDER BY k) AS mx FROM t) w";
    long spilled = sameOneRowAsDuckDb(sql, "count, sum(rn * k), sum(r), sum(dr), sum(rs), sum(c), max(rs), sum(mx)");
    System.out.printf("windows without PARTITION BY over %,d rows at 8m: spilled %,d bytes%n", ROWS, spilled);
    assertTrue(spilled > 0, "the windows should have spilled");
  }

  @Test void wholeInputAggregatesKeepTheirRowsInASpillFile() throws Exception {
    String sql = "SELECT count(*), sum(k + s), sum(c), min(mn), max(mx), sum(k * c2)"
        + " FROM (SELECT k, sum(v) OVER () AS s, count(*) OVER () AS c, min(k) OVER () AS mn,"
        + " max(v) OVER (ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS mx,"
        + " count(v) OVER (ORDER BY p RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS c2"
        + " FROM t) w";
    long spilled = sameOneRowAsDuckDb(sql, "count, sum(k + s), sum(c), min(mn), max(mx), sum(k * c2)");
    System.out.printf("whole-input window aggregates over %,d rows at 8m: spilled %,d bytes%n", ROWS, spilled);
    assertTrue(spilled > 0, "the windows should have spilled");
  }

  @Test void ntilePercentRankAndCumeDistCountTheRowsFirst() throws Exception {
    // percent_rank as a whole number of millionths, so the sum compares exactly
    String sql = "SELECT count(*), sum(nt * k), sum(CAST(floor(pr * 1000000) AS BIGINT)), sum(r), max(nt3),"
        + " sum(CAST(floor(cd * 1000000) AS BIGINT)) FROM (SELECT k, ntile(7) OVER (ORDER BY k) AS nt,"
        + " percent_rank() OVER (ORDER BY p) AS pr, rank() OVER (ORDER BY p) AS r, ntile(3) OVER () AS nt3,"
        + " cume_dist() OVER (ORDER BY p) AS cd FROM t) w";
    long spilled = sameOneRowAsDuckDb(sql, "count, sum(nt * k), sum(pr millionths), sum(r), max(nt3), sum(cd millionths)");
    assertTrue(spilled > 0, "the windows should have spilled");
  }

  @Test void leadAndLagHoldBackOnlyTheirOffset() throws Exception {
    String sql = "SELECT count(*), sum(k * coalesce(ld, -1)), sum(lg), sum(ld3), count(lg)"
        + " FROM (SELECT k, lead(v) OVER (ORDER BY k) AS ld, lag(v, 2000, 7) OVER (ORDER BY k) AS lg,"
        + " lead(k, 3) OVER (ORDER BY k) AS ld3 FROM t) w";
    long spilled = sameOneRowAsDuckDb(sql, "count, sum(k * ld), sum(lg), sum(ld3), count(lg)");
    assertTrue(spilled > 0, "the windows should have spilled");
  }

  @Test void windowsWithOtherFramesStillFailCleanly() {
    EmberException e = assertThrows(EmberException.class, () -> {
      try (QueryResult r = session.execute("SELECT sum(f) FROM (SELECT first_value(v) OVER (ORDER BY k) AS f FROM t) w")) {
        while (r.nextBatch() != null) {
          // read every row
        }
      }
    });
    assertEquals(EmberException.OUT_OF_MEMORY, e.sqlState(), e.getMessage());
  }

  /**
   * Runs {@code sql} — one row of BIGINT-valued aggregates — on DuckDB and on Ember, asserts the
   * rows are equal, and returns the bytes Ember spilled.
   */
  private static long sameOneRowAsDuckDb(String sql, String columns) throws Exception {
    List<Long> expected = new ArrayList<>();
    try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      assertTrue(rs.next());
      for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) expected.add(rs.getLong(c));
    }
    List<Long> actual = new ArrayList<>();
    try (QueryResult r = session.execute(sql)) {
      for (VectorSchemaRoot b = r.nextBatch(); b != null; b = r.nextBatch()) {
        for (int c = 0; c < b.getFieldVectors().size(); c++) actual.add(((Number) b.getVector(c).getObject(0)).longValue());
      }
      assertEquals(expected, actual, columns);
      return r.bytesSpilled();
    }
  }
}
