package dev.ember.it.plans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.Session;
import dev.ember.catalyst.optimizer.cbo.CardinalityEstimator;
import dev.ember.catalyst.plan.logical.Scan;
import dev.ember.catalyst.stats.Histogram;
import dev.ember.catalyst.stats.Statistics;
import dev.ember.execution.memory.MemoryManager;
import dev.ember.it.EmberRunner;
import dev.ember.it.TpchData;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Equi-height histograms from {@code ANALYZE TABLE … FOR COLUMNS}: stored with a catalog table
 * (surviving a restart), shown by DESCRIBE EXTENDED, and used by filter estimation — on a skewed
 * column (90% of the rows hold one value) the histogram's estimates are near DuckDB's counts
 * where min/max interpolation is off by orders of magnitude. 300,000 rows, so ANALYZE samples.
 */
class HistogramStatisticsTest {
  @TempDir Path dir;
  private String file;

  private Session open(boolean histograms) {
    return Session.builder().master("local[2]").config("ember.catalog.dir", dir.resolve("catalog").toString())
        .config("ember.sql.statistics.histogram.enabled", Boolean.toString(histograms)).getOrCreate();
  }

  @BeforeEach void writeSkewedFile() throws Exception {
    Path p = dir.resolve("skewed.parquet");
    file = TpchData.sqlPath(p);
    try (Connection duck = TpchData.openDuckDb(); Statement st = duck.createStatement()) {
      st.execute("COPY (SELECT range AS id,"
          + " CASE WHEN range % 10 <> 0 THEN 1 ELSE (range // 10) % 1000 + 2 END AS v,"
          + " DATE '2020-01-01' + CAST(CASE WHEN range % 4 = 0 THEN range % 365 ELSE 0 END AS INTEGER) AS d"
          + " FROM range(300000)) TO '" + file + "' (FORMAT parquet)");
    }
  }

  @AfterEach void noLeak() { assertEquals(0, MemoryManager.allocatedBytes(), "Arrow memory leaked"); }

  /** The estimated rows of {@code SELECT id FROM t WHERE …} as optimized. */
  private static double estimate(Session s, String where) {
    return new CardinalityEstimator().estimate(s.state().planQuery("SELECT id FROM t WHERE " + where).optimized()).rows();
  }

  private long duckCount(String where) throws Exception {
    try (Connection duck = TpchData.openDuckDb(); Statement st = duck.createStatement();
         ResultSet rs = st.executeQuery("SELECT count(*) FROM '" + file + "' WHERE " + where)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Histogram histogram(Session s, String column) {
    List<Statistics> out = new ArrayList<>();
    s.state().planQuery("SELECT * FROM t").optimized()
        .foreach(n -> { if (n instanceof Scan scan) out.add(scan.table().statistics()); });
    return out.get(0).column(column).histogram();
  }

  @Test void skewedColumnsAreEstimatedFromTheirHistograms() throws Exception {
    try (Session s = open(true)) {
      EmberRunner.execute(s, "CREATE TABLE t USING parquet LOCATION '" + file + "'");
      EmberRunner.execute(s, "ANALYZE TABLE t COMPUTE STATISTICS FOR COLUMNS id, v, d");
    }
    try (Session s = open(true)) {
      Histogram v = histogram(s, "v");
      assertNotNull(v, "the histogram survives a restart");
      assertEquals(254, v.bins().size());
      assertEquals(300_000.0 / 254, v.height(), 1e-6);
      String[] filters = {"v = 1", "v <= 10", "v > 500", "v BETWEEN 2 AND 1001", "d = DATE '2020-01-01'",
          "d > DATE '2020-06-30'"};
      for (String f : filters) {
        long truth = duckCount(f);
        double est = estimate(s, f);
        assertTrue(Math.abs(est - truth) <= 0.02 * 300_000, f + ": estimated " + est + ", DuckDB counts " + truth);
      }
      List<List<Object>> described = EmberRunner.query(s, "DESCRIBE EXTENDED t v").rows();
      assertTrue(described.toString().contains("height: 1181.10, num_of_bins: 254"), described.toString());
      assertTrue(described.toString().contains("bin_0, lower_bound: 1, upper_bound: 1, distinct_count: 1"),
          described.toString());
    }
  }

  /** Without histograms (the setting off) the same estimates come from min/max and are far off. */
  @Test void withoutHistogramsSkewIsInvisible() throws Exception {
    try (Session s = open(false)) {
      EmberRunner.execute(s, "CREATE TABLE t USING parquet LOCATION '" + file + "'");
      EmberRunner.execute(s, "ANALYZE TABLE t COMPUTE STATISTICS FOR COLUMNS v");
      assertNull(histogram(s, "v"));
      assertTrue(estimate(s, "v = 1") < 0.01 * duckCount("v = 1"));
      assertTrue(estimate(s, "v <= 10") < 0.05 * duckCount("v <= 10"));
      List<List<Object>> described = EmberRunner.query(s, "DESCRIBE EXTENDED t v").rows();
      assertTrue(described.toString().contains("histogram, NULL"), described.toString());
    }
  }
}
