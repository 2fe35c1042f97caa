package dev.ember.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.DataFrame;
import dev.ember.api.QueryResult;
import dev.ember.api.Session;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.execution.cluster.JobEvent;
import dev.ember.execution.memory.MemoryManager;
import dev.ember.execution.spill.SpillDirectory;
import dev.ember.it.EmberRunner;
import dev.ember.it.EmberViews;
import dev.ember.it.Oracle;
import dev.ember.it.TpchData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a session asks of its executors beyond running query plans: its settings travel with each
 * task (a tiny memory budget makes the executors spill into the session's spill directory, and
 * their spill figures come back to the driver), and its writes run on the executors, each task
 * writing into the job's staging directory and the driver committing the job — or, when a task
 * fails, leaving nothing behind.
 */
class ClusterSessionTest {
  /** Executors' memory: the M of local-cluster[E,C,M], and their budget once the spill test is done. */
  private static final String EXECUTOR_MEMORY = "512m";
  /** Small enough that a GROUP BY over SF 0.01's 60,175 lineitem rows cannot hold its groups. */
  private static final String BUDGET = "256k";

  @TempDir static Path dir;
  private static Connection duck;
  private static Session ember;
  private static Oracle oracle;
  private static Path spillDirBefore;

  @BeforeAll static void setUp() throws Exception {
    spillDirBefore = SpillDirectory.current();
    duck = TpchData.openDuckDbOverParquet(TpchData.TINY);
    ember = Session.builder().master("local-cluster[2,1,512]").getOrCreate();
    EmberViews.parquet(ember, TpchData.TINY);
    oracle = new Oracle(duck, ember);
  }

  @AfterAll static void tearDown() throws Exception {
    try {
      Executors.closeAndCheck(ember, duck);
    } finally {
      MemoryManager.reset(); // the session's settings are this process's too
      SpillDirectory.configure(spillDirBefore);
    }
  }

  @Test void aTinyBudgetSpillsOnTheExecutorsAndGivesDuckDbsAnswer() throws Exception {
    String sql = "SELECT count(*), sum(q), sum(c), max(k) FROM (SELECT l_orderkey * 10 + l_linenumber AS k,"
        + " sum(l_quantity) AS q, count(*) AS c FROM lineitem GROUP BY 1) t";
    EmberRunner.execute(ember, "SET " + SpillDirectory.LOCAL_DIR + " = '" + dir.resolve("spill") + "'");
    EmberRunner.execute(ember, "SET " + MemoryManager.OFF_HEAP_SIZE + " = '" + BUDGET + "'");
    try {
      oracle.assertSameAnswer("GROUP BY under " + BUDGET + " on the executors", sql);
      try (QueryResult r = ember.execute(sql)) {
        while (r.nextBatch() != null) {
          // read every row
        }
        assertTrue(r.bytesSpilled() > 0, "the executors did not spill (or did not say so)");
        assertTrue(r.rowsSpilled() > 0, "no spilled rows reported");
      }
    } finally {
      EmberRunner.execute(ember, "SET " + MemoryManager.OFF_HEAP_SIZE + " = '" + EXECUTOR_MEMORY + "'");
    }
    // each executor spilled under the session's directory, in a sub-directory of its own
    try (Stream<Path> subdirs = Files.list(dir.resolve("spill"))) {
      List<String> names = subdirs.map(p -> p.getFileName().toString()).toList();
      assertTrue(names.stream().anyMatch(n -> n.startsWith("executor-")), "no executor spill directory: " + names);
    }
  }

  /**
   * Each map task's output (its partial groups, about 100 MB for 2 million distinct keys) is beyond
   * the query's hard limit on an executor with an 8 MiB budget (the budget plus 64 MiB): the task
   * writes it to its shuffle file as it comes instead of holding it, so the query completes.
   */
  @Test void mapOutputsBeyondTheExecutorsLimitGoToDiskAsTheyCome() throws Exception {
    long rows = 4_000_000;
    String sql = "SELECT count(*), sum(s1), sum(s2), max(m), min(n), sum(c) FROM (SELECT k, sum(v) AS s1,"
        + " sum(v * 2) AS s2, max(v + k) AS m, min(k - v) AS n, count(*) AS c FROM big GROUP BY k) t";
    try (var st = duck.createStatement()) {
      st.execute("CREATE OR REPLACE VIEW big AS SELECT range AS k, range % 100 AS v FROM range(" + rows + ")");
    }
    ember.range(rows).selectExpr("id AS k", "id % 100 AS v").createOrReplaceTempView("big");
    EmberRunner.execute(ember, "SET " + SpillDirectory.LOCAL_DIR + " = '" + dir.resolve("spill") + "'");
    EmberRunner.execute(ember, "SET " + MemoryManager.OFF_HEAP_SIZE + " = '8m'");
    try {
      oracle.assertSameAnswer("map outputs beyond the executors' limit", sql);
    } finally {
      EmberRunner.execute(ember, "SET " + MemoryManager.OFF_HEAP_SIZE + " = '" + EXECUTOR_MEMORY + "'");
    }
  }

  @Test void aWriteRunsOnTheExecutorsAndReadsBackAsDuckDbsAnswer() throws Exception {
    Path target = dir.resolve("written").resolve("orders");
    String columns = "o_orderkey, o_custkey, o_orderstatus, o_totalprice, o_orderdate, o_comment";
    String where = " FROM orders WHERE o_orderpriority IN ('1-URGENT', '2-HIGH')";
    int seen = ember.state().clusterEvents().size();
    ember.sql("SELECT " + columns + where).write().parquet(target.toString());
    assertTrue(executorTasksSince(seen) > 0, "the write's tasks did not run on the executors");
    ember.read().parquet(target.toString()).createOrReplaceTempView("written_orders");
    oracle.assertSameAnswer("orders written on the executors, read back",
        "SELECT " + columns + where + " ORDER BY o_orderkey", "SELECT * FROM written_orders ORDER BY o_orderkey");
    assertEquals(List.of("orders"), names(target.getParent()), "no staging directory is left behind");
  }

  @Test void aFailedWriteLeavesNothing() throws Exception {
    Path target = dir.resolve("failed").resolve("orders");
    Files.createDirectories(target.getParent());
    // order 1 fails its cast in one task; the other tasks may write and commit theirs first
    DataFrame failing = ember.sql("SELECT CAST(CASE WHEN o_orderkey = 1 THEN 'x' ELSE CAST(o_orderkey AS VARCHAR) END"
        + " AS BIGINT) AS k, o_comment FROM orders");
    int seen = ember.state().clusterEvents().size();
    EmberException e = assertThrows(EmberException.class, () -> failing.write().parquet(target.toString()));
    assertEquals(EmberException.INVALID_TEXT_REPRESENTATION, e.sqlState(), e.getMessage());
    assertTrue(executorTasksSince(seen) > 0, "the write's tasks did not run on the executors");
    assertFalse(Files.exists(target), "a failed write created its target");
    assertEquals(List.of(), names(target.getParent()), "a failed write left files behind");
  }

  private static long executorTasksSince(int seen) {
    List<JobEvent> events = ember.state().clusterEvents();
    return events.subList(seen, events.size()).stream()
        .filter(e -> e.kind() == JobEvent.Kind.TASK_STARTED).count();
  }

  private static List<String> names(Path folder) throws Exception {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
