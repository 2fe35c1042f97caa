package dev.ember.it.plans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.Session;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.plan.logical.Scan;
import dev.ember.catalyst.stats.ColumnStat;
import dev.ember.catalyst.stats.Statistics;
import dev.ember.execution.memory.MemoryManager;
import dev.ember.it.EmberRunner;
import dev.ember.it.TpchData;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ANALYZE TABLE computes the statistics DuckDB computes over the same Parquet file (row count,
 * exact distinct counts, null counts, min and max), keeps them with a catalog table across a
 * restart and with a temporary view for its session, and DESCRIBE EXTENDED shows them.
 */
class AnalyzeTableTest {
  @TempDir Path dir;

  private Session open() {
    return Session.builder().master("local[2]").config("ember.catalog.dir", dir.resolve("catalog").toString())
        .getOrCreate();
  }

  @AfterEach void noLeak() { assertEquals(0, MemoryManager.allocatedBytes(), "Arrow memory leaked"); }

  private static String file(String table) { return TpchData.sqlPath(TpchData.parquetFile(TpchData.TINY, table)); }

  /** The statistics of table {@code name} as the planner sees them. */
  private static Statistics stats(Session s, String name) {
    List<Statistics> out = new ArrayList<>();
    s.state().planQuery("SELECT * FROM " + name).optimized()
        .foreach(n -> { if (n instanceof Scan scan) out.add(scan.table().statistics()); });
    return out.get(0);
  }

  @Test void analyzedColumnsMatchDuckDbAndSurviveARestart() throws Exception {
    try (Session s = open()) {
      EmberRunner.execute(s, "CREATE TABLE orders USING parquet LOCATION '" + file("orders") + "'");
      EmberRunner.execute(s, "ANALYZE TABLE orders COMPUTE STATISTICS FOR COLUMNS o_custkey, o_orderdate, o_orderpriority, o_totalprice");
    }
    try (Session s = open(); Connection duck = TpchData.openDuckDbOverParquet(TpchData.TINY)) {
      Statistics st = stats(s, "orders");
      Map<String, Object> expected = one(duck, "SELECT count(*), count(DISTINCT o_custkey), min(o_custkey), max(o_custkey),"
          + " count(DISTINCT o_orderdate), CAST(min(o_orderdate) - DATE '1970-01-01' AS INTEGER),"
          + " CAST(max(o_orderdate) - DATE '1970-01-01' AS INTEGER), count(DISTINCT o_orderpriority),"
          + " avg(length(o_orderpriority)), max(length(o_orderpriority)), CAST(min(o_totalprice) * 100 AS BIGINT),"
          + " count(*) - count(o_totalprice) FROM orders");
      List<Object> e = new ArrayList<>(expected.values());
      assertEquals(((Number) e.get(0)).longValue(), st.rowCount().getAsLong());
      ColumnStat cust = st.column("o_custkey");
      assertEquals(((Number) e.get(1)).longValue(), cust.distinctCount().getAsLong());
      assertEquals(((Number) e.get(2)).longValue(), ((Number) cust.min()).longValue());
      assertEquals(((Number) e.get(3)).longValue(), ((Number) cust.max()).longValue());
      ColumnStat date = st.column("o_orderdate");
      assertEquals(((Number) e.get(4)).longValue(), date.distinctCount().getAsLong());
      assertEquals(((Number) e.get(5)).intValue(), date.min());
      assertEquals(((Number) e.get(6)).intValue(), date.max());
      ColumnStat prio = st.column("o_orderpriority");
      assertEquals(((Number) e.get(7)).longValue(), prio.distinctCount().getAsLong());
      assertEquals(((Number) e.get(8)).doubleValue(), prio.avgLen().getAsDouble(), 1e-9);
      assertEquals(((Number) e.get(9)).longValue(), prio.maxLen().getAsLong());
      ColumnStat price = st.column("o_totalprice");
      assertEquals(((Number) e.get(10)).longValue(), ((Number) price.min()).longValue());
      assertEquals(((Number) e.get(11)).longValue(), price.nullCount().getAsLong());
      assertTrue(st.column("o_comment").distinctCount().isEmpty(), "o_comment was not analyzed");

      List<List<Object>> described = EmberRunner.query(s, "DESCRIBE EXTENDED orders o_orderdate").rows();
      assertTrue(described.toString().contains("distinct_count, " + e.get(4)), described.toString());
      List<List<Object>> table = EmberRunner.query(s, "DESCRIBE EXTENDED orders").rows();
      assertTrue(table.toString().contains(e.get(0) + " rows"), table.toString());
    }
  }

  @Test void temporaryViewsKeepTheirStatisticsForTheSession() throws Exception {
    try (Session s = open(); Connection duck = TpchData.openDuckDbOverParquet(TpchData.TINY)) {
      EmberRunner.execute(s, "CREATE TEMPORARY VIEW cust USING parquet OPTIONS (path '" + file("customer") + "')");
      assertTrue(stats(s, "cust").column("c_nationkey").distinctCount().isEmpty());
      EmberRunner.execute(s, "ANALYZE TABLE cust COMPUTE STATISTICS FOR ALL COLUMNS");
      Object ndv = one(duck, "SELECT count(DISTINCT c_mktsegment) FROM customer").values().iterator().next();
      assertEquals(((Number) ndv).longValue(), stats(s, "cust").column("c_mktsegment").distinctCount().getAsLong());
      // The estimate of an equality filter now uses the distinct count: rows / ndv.
      String cost = EmberRunner.query(s, "EXPLAIN COST SELECT * FROM cust WHERE c_mktsegment = 'BUILDING'")
          .rows().get(0).get(0).toString();
      long rows = stats(s, "cust").rowCount().getAsLong();
      assertTrue(cost.contains("rows=" + Math.round((double) rows / ((Number) ndv).longValue())), cost);
      EmberRunner.execute(s, "ANALYZE TABLE cust COMPUTE STATISTICS NOSCAN");
      assertEquals(((Number) ndv).longValue(), stats(s, "cust").column("c_mktsegment").distinctCount().getAsLong(),
          "NOSCAN keeps the column statistics computed before");
    }
  }

  /** Before any ANALYZE, a Parquet table knows each column's range and NULL count from its footers. */
  @Test void parquetFootersGiveRangesAndNullCounts() throws Exception {
    try (Session s = open(); Connection duck = TpchData.openDuckDbOverParquet(TpchData.TINY)) {
      EmberRunner.execute(s, "CREATE TEMPORARY VIEW li USING parquet OPTIONS (path '" + file("lineitem") + "')");
      Statistics st = stats(s, "li");
      List<Object> e = new ArrayList<>(one(duck, "SELECT count(*), min(l_orderkey), max(l_orderkey),"
          + " CAST(max(l_shipdate) - DATE '1970-01-01' AS INTEGER), count(*) - count(l_comment) FROM lineitem").values());
      assertEquals(((Number) e.get(0)).longValue(), st.rowCount().getAsLong());
      assertEquals(((Number) e.get(1)).longValue(), ((Number) st.column("l_orderkey").min()).longValue());
      assertEquals(((Number) e.get(2)).longValue(), ((Number) st.column("l_orderkey").max()).longValue());
      assertEquals(((Number) e.get(3)).intValue(), st.column("l_shipdate").max());
      assertEquals(((Number) e.get(4)).longValue(), st.column("l_comment").nullCount().getAsLong());
      assertTrue(st.column("l_orderkey").distinctCount().isEmpty(), "footers have no distinct counts");
    }
  }

  @Test void errorsSayWhatIsWrong() {
    try (Session s = open()) {
      EmberRunner.execute(s, "CREATE TEMPORARY VIEW nat USING parquet OPTIONS (path '" + file("nation") + "')");
      EmberException col = assertThrows(EmberException.class,
          () -> EmberRunner.execute(s, "ANALYZE TABLE nat COMPUTE STATISTICS FOR COLUMNS nope"));
      assertEquals(EmberException.UNDEFINED_COLUMN, col.sqlState());
      EmberException missing = assertThrows(EmberException.class,
          () -> EmberRunner.execute(s, "ANALYZE TABLE nothing COMPUTE STATISTICS"));
      assertEquals(EmberException.UNDEFINED_TABLE, missing.sqlState());
      EmberException builtIn = assertThrows(EmberException.class,
          () -> EmberRunner.execute(s, "ANALYZE TABLE tpch.tiny.nation COMPUTE STATISTICS"));
      assertEquals(EmberException.FEATURE_NOT_SUPPORTED, builtIn.sqlState());
    }
  }

  private static Map<String, Object> one(Connection duck, String sql) throws Exception {
    Map<String, Object> out = new TreeMap<>();
    try (ResultSet rs = duck.createStatement().executeQuery(sql)) {
      rs.next();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) out.put(String.format("%03d", i), rs.getObject(i));
    }
    return out;
  }
}
