package dev.ember.it.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.QueryResult;
import dev.ember.api.Session;
import dev.ember.execution.memory.MemoryManager;
import dev.ember.execution.spill.SpillDirectory;
import dev.ember.it.TpchData;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Window functions and DISTINCT spill through the sort and the aggregation they run on: 300,000
 * rows under an 8 MB budget give DuckDB's answers, spill, and leave no memory or files — also
 * when the query is closed half-way.
 */
class WindowAndDistinctSpillTest {
  private static final long ROWS = 300_000;
  @TempDir static Path dir;
  private static Path spillDirBefore;
  private static Connection duck;
  private static Session session;

  @BeforeAll static void data() throws Exception {
    spillDirBefore = SpillDirectory.current();
    SpillDirectory.configure(dir.resolve("spill"));
    duck = TpchData.openDuckDb();
    try (Statement st = duck.createStatement()) {
      st.execute("CREATE VIEW t AS SELECT (range * 7919) % " + ROWS + " AS k, range % 1000 AS p, range % 100 AS v,"
          + " 'row-' || CAST(range AS VARCHAR) AS s FROM range(" + ROWS + ")");
    }
    session = Session.builder().master("local[2]").config("ember.memory.offHeap.size", "8m").getOrCreate();
    session.range(ROWS).selectExpr("(id * CAST(7919 AS BIGINT)) % CAST(" + ROWS + " AS BIGINT) AS k",
        "CAST(id % 1000 AS BIGINT) AS p", "CAST(id % 100 AS BIGINT) AS v", "'row-' || CAST(id AS VARCHAR) AS s")
        .createOrReplaceTempView("t");
  }

  @AfterAll static void close() throws Exception {
    session.close();
    duck.close();
    MemoryManager.reset();
    SpillDirectory.configure(spillDirBefore);
  }

  @AfterEach void nothingLeft() {
    assertEquals(0, MemoryManager.allocatedBytes(), "Arrow memory leaked");
    assertEquals(0, SpillDirectory.fileCount(), "spill files left behind");
  }

  /** Runs a one-row query once on each engine: the same values, and Ember spilled. */
  private void assertSpillsAndMatches(String name, String sql) throws Exception {
    List<String> expected = new ArrayList<>();
    try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      assertTrue(rs.next());
      for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) expected.add(String.valueOf(rs.getObject(c)));
    }
    List<String> actual = new ArrayList<>();
    try (QueryResult r = session.execute(sql)) {
      for (VectorSchemaRoot b = r.nextBatch(); b != null; b = r.nextBatch()) {
        for (int c = 0; c < b.getFieldVectors().size(); c++) actual.add(String.valueOf(b.getVector(c).getObject(0)));
      }
      System.out.printf("%s at 8m: spilled %,d bytes%n", name, r.bytesSpilled());
      assertTrue(r.bytesSpilled() > 0, name + " should have spilled");
    }
    assertEquals(expected, actual, name);
  }

  @Test void windowFunctionsOverPartitionsSpillThroughTheSort() throws Exception {
    assertSpillsAndMatches("window", "SELECT count(*) AS n, sum(rn * v) AS a, sum(csum) AS b, max(s) AS m FROM ("
        + "SELECT v, s, row_number() OVER (PARTITION BY p ORDER BY k) AS rn,"
        + " sum(v) OVER (PARTITION BY p ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS csum FROM t) w");
  }

  @Test void distinctSpillsThroughTheAggregation() throws Exception {
    assertSpillsAndMatches("distinct", "SELECT count(*) AS n, sum(k) AS a, min(s) AS lo, max(s) AS hi FROM (SELECT DISTINCT k, s FROM t) d");
  }

  @Test void closingAQueryThatHasSpilledDeletesItsFiles() {
    try (QueryResult r = session.execute("SELECT DISTINCT k, s FROM t")) {
      assertTrue(r.nextBatch() != null);
      // the final aggregation emits its first merged partition while the others wait on disk
      assertTrue(SpillDirectory.fileCount() > 0, "spill files exist while the query runs");
    } // closing early cancels the query: @AfterEach checks that no file and no memory is left
  }

  @Test void aWindowPartitionLargerThanTheBudgetFailsCleanlyWith53200() throws Exception {
    // No PARTITION BY: one window partition of all rows, which a frame with FOLLOWING needs whole (row
    // numbers, running sums, whole-input aggregates, cume_dist and lead do not: TopNAndWindowSpillTest).
    var e = org.junit.jupiter.api.Assertions.assertThrows(dev.ember.catalyst.errors.EmberException.class, () -> {
      try (QueryResult r = session.execute("SELECT max(cd) FROM (SELECT sum(k) OVER (ORDER BY k ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS cd FROM t) w")) {
        while (r.nextBatch() != null) {
          // run it to the end
        }
      }
    });
    assertEquals("53200", e.sqlState(), e.getMessage());
    assertTrue(e.getMessage().startsWith("out of memory: Window in "), e.getMessage());
    assertTrue(e.getMessage().contains("ember.memory.offHeap.size"), e.getMessage());
    // the process and the session are fine: the next query runs
    distinctSpillsThroughTheAggregation();
  }

  @Test void everyKindOfAggregateBufferSurvivesASpill() throws Exception {
    assertSpillsAndMatches("aggregates", "SELECT count(*) AS n, round(sum(a), 3) AS a, min(lo) AS lo, max(hi) AS hi,"
        + " round(sum(sd), 3) AS sd, sum(d) AS d FROM (SELECT k % 100000 AS g, avg(v) AS a, min(s) AS lo,"
        + " max(s) AS hi, stddev_samp(v) AS sd, sum(CAST(v AS DECIMAL(12, 2))) AS d"
        + " FROM t GROUP BY k % 100000) x");
  }
}
