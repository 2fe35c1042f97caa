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
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Min/max runtime filters: a broadcast join's build keys span a narrow range, so the probe
 * side's Parquet scan skips the row groups outside it — fewer rows read, the same answer.
 */
class RuntimeFilterTest {
  @TempDir Path dir;

  @AfterEach void noLeak() { assertEquals(0, MemoryManager.allocatedBytes(), "Arrow memory leaked"); }

  @Test void buildKeysPruneTheProbeScansRowGroups() throws Exception {
    String big = TpchData.sqlPath(dir.resolve("big.parquet"));
    String small = TpchData.sqlPath(dir.resolve("small.parquet"));
    try (Connection duck = TpchData.openDuckDb(); Statement st = duck.createStatement()) {
      // 100,000 rows sorted by k in row groups of 10,000; the build side's keys lie in one of them.
      st.execute("COPY (SELECT range AS k, range % 7 AS v FROM range(100000)) TO '" + big
          + "' (FORMAT parquet, ROW_GROUP_SIZE 10000)");
      st.execute("COPY (SELECT 20000 + 3 * range AS s FROM range(10)) TO '" + small + "' (FORMAT parquet)");
      st.execute("CREATE VIEW big AS SELECT * FROM read_parquet('" + big + "')");
      st.execute("CREATE VIEW small AS SELECT * FROM read_parquet('" + small + "')");
      String sql = "SELECT count(*) AS n, sum(v) AS total FROM big JOIN small ON big.k = small.s";
      try (Session s = Session.builder().master("local[2]").getOrCreate()) {
        EmberRunner.execute(s, "CREATE TEMPORARY VIEW big USING parquet OPTIONS (path '" + big + "')");
        EmberRunner.execute(s, "CREATE TEMPORARY VIEW small USING parquet OPTIONS (path '" + small + "')");
        new Oracle(duck, s).assertSameAnswer("with runtime filters", sql);
        long pruned = rowsRead(s, sql);
        s.setConf("ember.sql.runtimeFilter.enabled", "false");
        new Oracle(duck, s).assertSameAnswer("without runtime filters", sql);
        assertEquals(100_000 + 10, rowsRead(s, sql), "all of big, and small");
        // DuckDB rounds row groups to its vector size (10,240 rows): one of them, and small.
        assertTrue(pruned <= 10_240 + 10, "rows read with runtime filters: " + pruned);
      }
    }
  }

  private static long rowsRead(Session s, String sql) {
    try (QueryResult r = s.execute(sql)) {
      while (r.nextBatch() != null) {
        // read everything
      }
      return r.rowsRead();
    }
  }
}
