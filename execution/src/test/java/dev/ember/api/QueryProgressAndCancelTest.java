package dev.ember.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.execution.memory.MemoryManager;
import java.time.Duration;
import java.time.Instant;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The progress a running query reports, and closing a result early: the query's tasks stop,
 * even inside an aggregation that drains a long scan before it returns anything, and its memory
 * is given back.
 */
class QueryProgressAndCancelTest {
  private Session session;

  // The default batch size: a cancellation interrupts the tasks, and the generator notices within a batch.
  @BeforeEach void open() { session = Session.builder().master("local[2]").getOrCreate(); }

  @AfterEach void close() { session.close(); }

  @Test void aFinishedQueryReportsEveryStageAndTaskDone() {
    try (QueryResult r = session.execute(
        "SELECT n_regionkey, count(*) FROM tpch.tiny.nation GROUP BY n_regionkey ORDER BY n_regionkey")) {
      long rows = 0;
      VectorSchemaRoot b;
      while ((b = r.nextBatch()) != null) rows += b.getRowCount();
      assertEquals(5, rows);
      QueryProgress p = r.progress();
      assertTrue(p.stagesTotal() >= 2, p.toString()); // the aggregation's shuffle cuts the plan
      assertEquals(p.stagesTotal(), p.stagesDone(), p.toString());
      assertEquals(p.stagesTotal(), p.stagesStarted(), p.toString());
      assertEquals(p.tasksTotal(), p.tasksDone(), p.toString());
      assertEquals(0, p.tasksRunning(), p.toString());
      assertEquals(5, p.rowsOut());
      assertEquals(25, p.rowsScanned());
      assertEquals(25, p.rowsToScan()); // nation: one split of the table's 25 rows
      assertEquals(1.0, p.fraction());
    }
  }

  @Test void commandsReportNoProgress() {
    try (QueryResult r = session.execute("SET ember.sql.shuffle.partitions = 4")) {
      assertEquals(QueryProgress.NONE, r.progress());
    }
  }

  @Test void closingARunningQueryStopsItsTasksWithinASecondAndFreesItsMemory() throws Exception {
    // A count over SF 1 lineitem takes far longer than this test: the aggregation reads the whole
    // scan before its first batch, so only a check inside the scan can stop it early.
    // The same query on tiny first: its generated classes are then cached, and the close lands
    // while rows flow (a task in the middle of a Janino compilation finishes it first).
    try (QueryResult warm = session.execute("SELECT count(*) FROM tpch.tiny.lineitem")) {
      assertEquals(60_175, ((BigIntVector) warm.nextBatch().getVector(0)).get(0));
    }
    QueryResult r = session.execute("SELECT count(*) FROM tpch.sf1.lineitem");
    Instant deadline = Instant.now().plusSeconds(60);
    while (r.progress().tasksRunning() == 0 || MemoryManager.allocatedBytes() == 0) {
      assertTrue(Instant.now().isBefore(deadline), "the query never started: " + r.progress());
      Thread.sleep(10);
    }
    Thread.sleep(200);
    QueryProgress running = r.progress();
    assertTrue(running.tasksDone() < running.tasksTotal(), running.toString());
    Instant start = Instant.now();
    r.close();
    Duration took = Duration.between(start, Instant.now());
    assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, "close took " + took);
    assertEquals(0, r.progress().tasksRunning(), r.progress().toString());
    assertEquals(0, MemoryManager.allocatedBytes());
    try (QueryResult next = session.execute("SELECT count(*) FROM tpch.tiny.region")) {
      assertEquals(5, ((BigIntVector) next.nextBatch().getVector(0)).get(0));
    }
  }
}
