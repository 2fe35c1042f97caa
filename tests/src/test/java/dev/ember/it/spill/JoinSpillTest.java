package dev.ember.it.spill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ember.api.QueryResult;
import dev.ember.api.Session;
import dev.ember.execution.memory.MemoryManager;
import dev.ember.execution.spill.SpillDirectory;
import dev.ember.it.DuckDbRunner;
import dev.ember.it.EmberRunner;
import dev.ember.it.OrderSpec;
import dev.ember.it.QueryRows;
import dev.ember.it.ResultComparator;
import dev.ember.it.TpchData;
import dev.ember.it.cancel.CancelProbe;
import dev.ember.planner.physical.HashJoinExec;
import dev.ember.planner.physical.PhysicalPlan;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hash joins whose build side is several times the memory a task may use: they spill to disk
 * and join partition by partition (grace hash join), giving DuckDB's answers; the query reports
 * the bytes it spilled, and no spill file is left afterwards. TPC-H at SF 0.01: the build sides
 * are SF 0.01 orders with their comments (about 1.5 MB), the limit 512 KiB for the whole process.
 */
class JoinSpillTest {
  private static final long LIMIT = 512 << 10;
  private static Connection duck;
  private static Session session;

  @BeforeAll static void open() throws SQLException {
    duck = TpchData.openDuckDbOverParquet(0.01);
    session = Session.builder().master("local[2]")
        .config("ember.sql.autoBroadcastJoinThreshold", "-1") // partitioned joins: each task builds its share
        .getOrCreate();
    MemoryManager.configure(LIMIT, 0.5);
  }

  @AfterAll static void close() throws SQLException {
    MemoryManager.reset();
    if (session != null) session.close();
    if (duck != null) duck.close();
  }

  private static String emberSql(String sql) {
    return sql.replace(" FROM lineitem", " FROM tpch.tiny.lineitem").replace("JOIN orders", "JOIN tpch.tiny.orders")
        .replace("FROM customer", "FROM tpch.tiny.customer").replace("FROM orders", "FROM tpch.tiny.orders");
  }

  private static void assertSpillsAndMatchesDuckDb(String sql) throws SQLException {
    assertSpillsAndMatchesDuckDb(session, sql);
  }

  private static void assertSpillsAndMatchesDuckDb(Session session, String sql) throws SQLException {
    long filesBefore = SpillDirectory.fileCount();
    long start = System.nanoTime();
    QueryRows actual;
    long spilled;
    try (QueryResult r = session.execute(emberSql(sql))) {
      actual = EmberRunner.read(r);
      spilled = r.bytesSpilled();
    }
    QueryRows expected = DuckDbRunner.query(duck, sql);
    Optional<String> diff = ResultComparator.compare(expected, actual, OrderSpec.of(sql, expected.columns()));
    diff.ifPresent(d -> fail(sql + "\n" + d));
    assertTrue(spilled > LIMIT, "spilled only " + spilled + " bytes");
    assertEquals(filesBefore, SpillDirectory.fileCount(), "spill files left behind");
    assertEquals(0, MemoryManager.pool().executionUsed(), "execution memory still reserved");
    System.out.println(spilled + " bytes spilled in " + (System.nanoTime() - start) / 1_000_000 + " ms: " + sql);
  }

  @Test void innerJoinWithABuildSideSeveralTimesTheLimit() throws SQLException {
    assertSpillsAndMatchesDuckDb("SELECT o_orderpriority, count(*) AS n, sum(l_quantity) AS q, min(o_comment) AS c, "
        + "max(l_comment) AS lc FROM lineitem JOIN orders ON l_orderkey = o_orderkey "
        + "GROUP BY o_orderpriority ORDER BY o_orderpriority");
  }

  @Test void leftJoinKeepsUnmatchedRowsWhenSpilled() throws SQLException {
    assertSpillsAndMatchesDuckDb("SELECT c_mktsegment, count(*) AS n, count(o_orderkey) AS matched, "
        + "sum(o_totalprice) AS total, max(o_comment) AS c FROM customer LEFT JOIN orders "
        + "ON c_custkey = o_custkey GROUP BY c_mktsegment ORDER BY c_mktsegment");
  }

  @Test void aBroadcastLargerThanItsMemoryFallsBackToAPartitionedJoin() throws SQLException {
    String sql = "SELECT o_orderstatus, count(*) AS n, sum(l_extendedprice) AS p, max(length(o_comment)) AS c "
        + "FROM lineitem JOIN orders ON l_orderkey = o_orderkey GROUP BY o_orderstatus ORDER BY o_orderstatus";
    try (Session broadcasting = Session.builder().master("local[2]")
        .config("ember.sql.autoBroadcastJoinThreshold", Long.toString(1L << 30)).getOrCreate()) {
      PhysicalPlan plan = broadcasting.state().planQuery(emberSql(sql)).physical();
      assertTrue(hasBroadcastJoin(plan), "the join should be planned as a broadcast:\n" + plan);
      assertSpillsAndMatchesDuckDb(broadcasting, sql);
    }
  }

  private static boolean hasBroadcastJoin(PhysicalPlan p) {
    if (p instanceof HashJoinExec j && j.broadcast()) return true;
    for (PhysicalPlan c : p.children()) if (hasBroadcastJoin(c)) return true;
    return false;
  }

  @Test void cancellingASpillingJoinDeletesItsFilesAndFreesItsMemory() throws Exception {
    session.range(3_000_000).createOrReplaceTempView("big");
    long filesBefore = SpillDirectory.fileCount();
    CancelProbe probe = CancelProbe.before();
    QueryResult r = session.execute("SELECT count(*), sum(a.id) FROM big a JOIN big b ON a.id = b.id");
    try {
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (SpillDirectory.fileCount() <= filesBefore) {
        assertTrue(System.nanoTime() < deadline, "the join never spilled: " + r.progress());
        Thread.sleep(1);
      }
      Thread.sleep(200);
      assertTrue(r.progress().tasksRunning() > 0, "the join already ended");
      probe.cancelling();
      r.cancel();
      long millis = probe.assertTasksGoneWithinASecond();
      System.out.println("cancelled a spilling join: tasks gone after " + millis + " ms");
      assertEquals(filesBefore, SpillDirectory.fileCount(), "spill files left by the cancelled tasks");
    } finally {
      r.close();
    }
    probe.assertMemoryBack();
    assertEquals(0, MemoryManager.pool().executionUsed(), "execution memory still reserved");
  }

  @Test void joinedRowsStreamOutWhenSpilled() throws SQLException {
    assertSpillsAndMatchesDuckDb("SELECT l_orderkey, l_linenumber, o_orderdate, o_comment FROM lineitem "
        + "JOIN orders ON l_orderkey = o_orderkey ORDER BY l_orderkey, l_linenumber LIMIT 300");
  }
}
