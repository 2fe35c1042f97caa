package dev.ember.it.plans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.QueryResult;
import dev.ember.api.Session;
import dev.ember.catalyst.plan.logical.Scan;
import dev.ember.datasources.DataSourceTable;
import dev.ember.datasources.ScanMetrics;
import dev.ember.execution.memory.MemoryManager;
import dev.ember.it.EmberRunner;
import dev.ember.it.Oracle;
import dev.ember.it.TpchData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dynamic partition pruning: a fact table written by the DataFrame writer partitioned by
 * {@code dt} (50 directories) joined on {@code dt} with a dimension filtered to three scattered
 * days reads only those three directories — the build side's keys become {@code dt IN (…)} for
 * the scan, the other 47 directories' files are never opened. Min/max alone (keys 3..42) would
 * prune only 10. Answers are DuckDB's over the same directory.
 */
class DynamicPartitionPruningTest {
  private static final int FACT_ROWS = 100_000;
  @TempDir Path dir;

  @AfterEach void noLeak() { assertEquals(0, MemoryManager.allocatedBytes(), "Arrow memory leaked"); }

  private static ScanMetrics metrics(Session s, String table) {
    List<ScanMetrics> out = new ArrayList<>();
    s.state().planQuery("SELECT * FROM " + table).optimized()
        .foreach(n -> { if (n instanceof Scan scan) out.add(((DataSourceTable) scan.table()).metrics().orElseThrow()); });
    return out.get(0);
  }

  private static long rowsRead(Session s, String sql) {
    try (QueryResult r = s.execute(sql)) {
      while (r.nextBatch() != null) {
        // read everything
      }
      return r.rowsRead();
    }
  }

  @Test void aFilteredDimensionPrunesTheFactTablesPartitionsAtRunTime() throws Exception {
    String src = TpchData.sqlPath(dir.resolve("src.parquet"));
    String dim = TpchData.sqlPath(dir.resolve("dim.parquet"));
    Path facts = dir.resolve("facts");
    try (Connection duck = TpchData.openDuckDb(); Statement st = duck.createStatement();
         Session s = Session.builder().master("local[2]").getOrCreate()) {
      st.execute("COPY (SELECT CAST(range % 50 AS INTEGER) AS dt, range AS id, range % 11 AS v FROM range(" + FACT_ROWS
          + ")) TO '" + src + "' (FORMAT parquet)");
      st.execute("COPY (SELECT CAST(range AS INTEGER) AS d_day, CASE WHEN range IN (3, 17, 42) THEN 'promo' ELSE 'plain' END"
          + " AS kind FROM range(50)) TO '" + dim + "' (FORMAT parquet)");
      EmberRunner.execute(s, "CREATE TEMPORARY VIEW src USING parquet OPTIONS (path '" + src + "')");
      s.sql("SELECT * FROM src").write().partitionBy("dt").parquet(facts.toString());
      long dirs;
      try (Stream<Path> list = Files.list(facts)) {
        dirs = list.filter(Files::isDirectory).count();
      }
      assertEquals(50, dirs);
      EmberRunner.execute(s, "CREATE TEMPORARY VIEW facts USING parquet OPTIONS (path '" + TpchData.sqlPath(facts) + "')");
      EmberRunner.execute(s, "CREATE TEMPORARY VIEW dim USING parquet OPTIONS (path '" + dim + "')");
      st.execute("CREATE VIEW facts AS SELECT * FROM read_parquet('" + TpchData.sqlPath(facts)
          + "/*/*.parquet', hive_partitioning = true)");
      st.execute("CREATE VIEW dim AS SELECT * FROM read_parquet('" + dim + "')");

      String sql = "SELECT count(*) AS n, sum(v) AS total, min(dt) AS first_day FROM facts JOIN dim ON dt = d_day"
          + " WHERE kind = 'promo'";
      new Oracle(duck, s).assertSameAnswer("with dynamic partition pruning", sql);
      ScanMetrics m = metrics(s, "facts");
      long prunedBefore = m.partitionsPruned.get(), filesBefore = m.filesPruned.get();
      long read = rowsRead(s, sql);
      assertEquals(47, m.partitionsPruned.get() - prunedBefore, m.toString());
      assertTrue(m.filesPruned.get() - filesBefore >= 47, m.toString());
      assertEquals(3 * FACT_ROWS / 50 + 50, read, "three days of facts, and the dimension");
      String explained = EmberRunner.query(s, "EXPLAIN FORMATTED " + sql).rows().get(0).get(0).toString();
      assertTrue(explained.contains("Pruning so far (all scans of this table): partitions pruned " + m.partitionsPruned.get()),
          explained);

      // A semi join prunes alike; an outer join, which keeps every fact row, must not.
      String semi = "SELECT count(*) AS n FROM facts WHERE dt IN (SELECT d_day FROM dim WHERE kind = 'promo')";
      new Oracle(duck, s).assertSameAnswer("semi join", semi);
      assertEquals(3 * FACT_ROWS / 50 + 50, rowsRead(s, semi));
      String outer = "SELECT count(*) AS n, count(d_day) AS matched FROM facts LEFT JOIN"
          + " (SELECT * FROM dim WHERE kind = 'promo') d ON dt = d_day";
      new Oracle(duck, s).assertSameAnswer("outer join", outer);
      assertEquals(FACT_ROWS + 50, rowsRead(s, outer));

      s.setConf("ember.sql.runtimeFilter.enabled", "false");
      new Oracle(duck, s).assertSameAnswer("without runtime filters", sql);
      assertEquals(FACT_ROWS + 50, rowsRead(s, sql));
    }
  }
}
