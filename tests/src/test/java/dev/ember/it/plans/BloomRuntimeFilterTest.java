package dev.ember.it.plans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.QueryResult;
import dev.ember.api.Session;
import dev.ember.execution.memory.MemoryManager;
import dev.ember.it.EmberRunner;
import dev.ember.it.Oracle;
import dev.ember.it.TpchData;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bloom-filter runtime filters: a filtered dimension's keys are scattered over the fact table's
 * whole key range (min/max rules nothing out), yet the fact rows without a partner are dropped at
 * the scan, before the join — with DuckDB's answers. Joins that must keep unmatched rows, and
 * build sides over the size limit, get no filter.
 */
class BloomRuntimeFilterTest {
  private static final int FACT_ROWS = 200_000;
  @TempDir Path dir;

  @AfterEach void noLeak() { assertEquals(0, MemoryManager.allocatedBytes(), "Arrow memory leaked"); }

  /** A 200,000-row fact table over 50,000 keys (in scattered order) and a 50,000-row dimension with 100 categories. */
  private Connection setUp(Session s) throws Exception {
    String fact = TpchData.sqlPath(dir.resolve("fact.parquet"));
    String dim = TpchData.sqlPath(dir.resolve("dim.parquet"));
    Connection duck = TpchData.openDuckDb();
    try (Statement st = duck.createStatement()) {
      st.execute("COPY (SELECT (range * 7919) % 50000 AS k, range % 13 AS v, CAST((range * 7919) % 50000 AS VARCHAR) AS ks"
          + " FROM range(" + FACT_ROWS + ")) TO '" + fact + "' (FORMAT parquet)");
      st.execute("COPY (SELECT range AS d_k, (range * 31) % 100 AS cat, CAST(range AS VARCHAR) AS d_ks FROM range(50000))"
          + " TO '" + dim + "' (FORMAT parquet)");
      st.execute("CREATE VIEW fact AS SELECT * FROM read_parquet('" + fact + "')");
      st.execute("CREATE VIEW dim AS SELECT * FROM read_parquet('" + dim + "')");
    }
    EmberRunner.execute(s, "CREATE TEMPORARY VIEW fact USING parquet OPTIONS (path '" + fact + "')");
    EmberRunner.execute(s, "CREATE TEMPORARY VIEW dim USING parquet OPTIONS (path '" + dim + "')");
    return duck;
  }

  private static long dropped(Session s, String sql) {
    try (QueryResult r = s.execute(sql)) {
      while (r.nextBatch() != null) {
        // read everything
      }
      return r.rowsDroppedByRuntimeFilters();
    }
  }

  private static long count(Connection duck, String sql) throws Exception {
    try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test void aFilteredDimensionsKeysDropFactRowsBeforeTheJoin() throws Exception {
    try (Session s = Session.builder().master("local[2]").config("ember.sql.runtimeFilter.bloom.enabled", "true").getOrCreate();
         Connection duck = setUp(s)) {
      for (String key : new String[] {"k = d_k", "ks = d_ks"}) {
        String sql = "SELECT count(*) AS n, sum(v) AS total FROM fact JOIN dim ON " + key + " WHERE cat = 7";
        new Oracle(duck, s).assertSameAnswer("with bloom filters", sql);
        long matched = count(duck, "SELECT count(*) FROM fact JOIN dim ON " + key + " WHERE cat = 7");
        long dropped = dropped(s, sql);
        // About 1% false positives: nearly every unmatched fact row is dropped, no matched one.
        assertTrue(dropped >= 0.95 * (FACT_ROWS - matched) && dropped <= FACT_ROWS - matched,
            key + ": dropped " + dropped + " of " + (FACT_ROWS - matched) + " unmatched rows");
        new Oracle(duck, s).assertSameAnswer("semi join", "SELECT count(*) AS n FROM fact WHERE " + key.split(" ")[0]
            + " IN (SELECT " + key.split(" ")[2] + " FROM dim WHERE cat = 7)");
      }
      s.setConf("ember.sql.runtimeFilter.bloom.enabled", "false");
      String sql = "SELECT count(*) AS n, sum(v) AS total FROM fact JOIN dim ON k = d_k WHERE cat = 7";
      new Oracle(duck, s).assertSameAnswer("without bloom filters", sql);
      assertEquals(0, dropped(s, sql));
    }
  }

  @Test void mustNotDropWhatTheJoinKeeps() throws Exception {
    try (Session s = Session.builder().master("local[2]").config("ember.sql.runtimeFilter.bloom.enabled", "true").getOrCreate();
         Connection duck = setUp(s)) {
      // A left outer join keeps every fact row: no filter.
      String outer = "SELECT count(*) AS n, count(d_k) AS matched FROM fact LEFT JOIN (SELECT * FROM dim WHERE cat = 7) d"
          + " ON k = d_k";
      new Oracle(duck, s).assertSameAnswer("outer join", outer);
      assertEquals(0, dropped(s, outer));
      // A build side over the limit: no filter.
      s.setConf("ember.sql.runtimeFilter.bloom.maxBuildRows", "100");
      String inner = "SELECT count(*) AS n FROM fact JOIN dim ON k = d_k WHERE cat = 7";
      new Oracle(duck, s).assertSameAnswer("large build side", inner);
      assertEquals(0, dropped(s, inner));
      // Every fact key has a partner: the filter keeps all rows it tests, then stops testing.
      s.setConf("ember.sql.runtimeFilter.bloom.maxBuildRows", "1000000");
      String all = "SELECT count(*) AS n FROM fact JOIN dim ON k = d_k";
      new Oracle(duck, s).assertSameAnswer("unfiltered dimension", all);
      assertEquals(0, dropped(s, all));
    }
  }
}
