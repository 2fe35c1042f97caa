package dev.ember.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.QueryResult;
import dev.ember.api.Session;
import dev.ember.execution.cluster.JobEvent;
import dev.ember.execution.memory.MemoryManager;
import dev.ember.it.Oracle;
import dev.ember.it.TpchData;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Speculation in local mode ({@code local[4]}): a straggling task's copy runs on another task
 * thread and wins; the slow attempt stops and its output — map blocks, or result rows — is
 * dropped, so the answer is still DuckDB's, with no row twice. Tasks reading the local shuffle
 * are not copied.
 */
class LocalSpeculationTest {
  private static final long SLOW_MILLIS = 120_000;
  private static final String GROUP_BY = "SELECT id % 7 AS g, count(*) AS n, sum(id) AS s FROM ids GROUP BY id % 7";
  private static final String SCAN = "SELECT id, id * 3 AS t FROM ids WHERE id % 1000 = 7";

  private static Connection duck;
  private static Session ember;

  @BeforeAll static void setUp() throws Exception {
    duck = TpchData.openDuckDb();
    try (Statement st = duck.createStatement()) {
      st.execute("CREATE VIEW ids AS SELECT range AS id FROM range(400000)");
    }
    ember = Session.builder().master("local[4]").config("ember.speculation", "true").getOrCreate();
    ember.range(400_000).createOrReplaceTempView("ids"); // four splits: four tasks per stage
  }

  @AfterAll static void tearDown() throws Exception {
    if (ember != null) ember.close();
    if (duck != null) duck.close();
    assertEquals(0, MemoryManager.allocatedBytes(), "Arrow memory leaked");
  }

  private static List<JobEvent> run(String sql, String slowTask) {
    ember.setConf("ember.test.slowTask", slowTask);
    int seen = ember.state().clusterEvents().size();
    long start = System.currentTimeMillis();
    try (QueryResult r = ember.execute(sql)) {
      for (VectorSchemaRoot b = r.nextBatch(); b != null; b = r.nextBatch()) {
        // answers are checked against DuckDB
      }
    } finally {
      ember.setConf("ember.test.slowTask", "");
    }
    long took = System.currentTimeMillis() - start;
    assertTrue(took < SLOW_MILLIS, "took " + took + " ms: the query waited for the straggler");
    List<JobEvent> events = ember.state().clusterEvents();
    return List.copyOf(events.subList(seen, events.size()));
  }

  private static void assertCopyWon(List<JobEvent> events, int stage, int partition) {
    assertEquals(List.of(JobEvent.Kind.TASK_SPECULATED, JobEvent.Kind.TASK_KILLED, JobEvent.Kind.TASK_SUCCEEDED),
        events.stream().map(JobEvent::kind).toList(), events.toString());
    for (JobEvent e : events) assertEquals(List.of(stage, partition), List.of(e.stageId(), e.partition()), e.toString());
    assertEquals(0, events.get(0).attempt()); // the slow one
    assertEquals(0, events.get(1).attempt()); // killed
    assertEquals(1, events.get(2).attempt()); // the copy
    assertTrue(events.get(2).detail().contains("the speculative copy won"), events.toString());
  }

  @Test void aSlowMapTasksCopyWinsAndOnlyItsShuffleOutputCounts() {
    List<JobEvent> events = run(GROUP_BY, "0:1:" + SLOW_MILLIS);
    assertCopyWon(events, 0, 1);
    ember.setConf("ember.test.slowTask", "0:1:" + SLOW_MILLIS);
    try {
      new Oracle(duck, ember).assertSameAnswer("speculative map task (local)", GROUP_BY);
    } finally {
      ember.setConf("ember.test.slowTask", "");
    }
  }

  /** The local shuffle hands a partition over once, so a task reading one is never copied. */
  @Test void aSlowTaskReadingTheShuffleIsNotCopied() {
    String adaptive = ember.conf("ember.sql.adaptive.enabled"), partitions = ember.conf("ember.sql.shuffle.partitions");
    ember.setConf("ember.sql.adaptive.enabled", "false"); // four reduce tasks, three of them quick
    ember.setConf("ember.sql.shuffle.partitions", "4");
    try {
      List<JobEvent> events = run(GROUP_BY, "1:0:3000");
      assertEquals(List.of(), events);
      new Oracle(duck, ember).assertSameAnswer("slow reduce task (local)", GROUP_BY);
    } finally {
      ember.setConf("ember.sql.adaptive.enabled", adaptive);
      ember.setConf("ember.sql.shuffle.partitions", partitions);
    }
  }

  @Test void aSlowResultTasksRowsComeOnce() {
    ember.setConf("ember.test.slowTask", "0:2:" + SLOW_MILLIS);
    try {
      new Oracle(duck, ember).assertSameAnswer("speculative result task (local)", SCAN);
    } finally {
      ember.setConf("ember.test.slowTask", "");
    }
    assertCopyWon(run(SCAN, "0:2:" + SLOW_MILLIS), 0, 2);
  }
}
