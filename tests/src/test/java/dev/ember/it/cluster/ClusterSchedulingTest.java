package dev.ember.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.QueryResult;
import dev.ember.api.Session;
import dev.ember.execution.cluster.JobEvent;
import dev.ember.it.Oracle;
import dev.ember.it.TpchData;
import dev.ember.it.adaptive.SkewedJoinData;
import dev.ember.it.adaptive.SkewedJoinTest;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Task scheduling on {@code local-cluster[2,2,1024]}, seen through the job's events: a straggler
 * gets a speculative copy that wins (the slow attempt is killed), reduce tasks wait for the
 * executor holding their input, and a skewed join partition is split into tasks reading some
 * map tasks' blocks each — with DuckDB's answers.
 */
class ClusterSchedulingTest {
  /** How long the slowed attempt would sleep: the query must end long before. */
  private static final long SLOW_MILLIS = 120_000;
  private static final String GROUP_BY = "SELECT id % 7 AS g, count(*) AS n, sum(id) AS s FROM ids GROUP BY id % 7";
  private static final String ONE_MAP_TASK = "SELECT id % 1000 AS g, count(*) AS n FROM few_ids GROUP BY id % 1000";

  private static final List<String> CHANGED = List.of("ember.speculation", "ember.test.slowTask", "ember.locality.wait",
      "ember.sql.adaptive.enabled", "ember.sql.shuffle.partitions", "ember.sql.autoBroadcastJoinThreshold",
      "ember.sql.adaptive.advisoryPartitionSizeInBytes", "ember.sql.adaptive.skewJoin.skewedPartitionThresholdInBytes");

  private static Connection duck;
  private static Session ember;
  private static final Map<String, String> defaults = new HashMap<>();

  @BeforeAll static void setUp() throws Exception {
    duck = TpchData.openDuckDb();
    try (Statement st = duck.createStatement()) {
      st.execute("CREATE VIEW ids AS SELECT range AS id FROM range(400000)");
      st.execute("CREATE VIEW few_ids AS SELECT range AS id FROM range(4000)");
    }
    ember = Session.builder().master("local-cluster[2,2,1024]").getOrCreate();
    for (String key : CHANGED) defaults.put(key, ember.conf(key));
    ember.range(400_000).createOrReplaceTempView("ids"); // four splits: one map task per core
    ember.range(4000).createOrReplaceTempView("few_ids"); // one split: one map task
    SkewedJoinData.define(duck);
    SkewedJoinData.define(ember);
  }

  @AfterAll static void tearDown() throws Exception {
    Executors.closeAndCheck(ember, duck);
  }

  /** Each test's settings go back to the session's defaults after it. */
  @AfterEach void restoreSettings() {
    defaults.forEach(ember::setConf);
  }

  /** Runs {@code sql} to its end; returns the events it caused. */
  private static List<JobEvent> run(String sql) {
    int seen = ember.state().clusterEvents().size();
    try (QueryResult r = ember.execute(sql)) {
      for (VectorSchemaRoot b = r.nextBatch(); b != null; b = r.nextBatch()) {
        // answers are checked against DuckDB
      }
    }
    List<JobEvent> events = ember.state().clusterEvents();
    return List.copyOf(events.subList(seen, events.size()));
  }

  private static List<JobEvent> of(List<JobEvent> events, JobEvent.Kind kind, int stage) {
    return events.stream().filter(e -> e.kind() == kind && e.stageId() == stage).toList();
  }

  @Test void aStragglerGetsASpeculativeCopyThatWins() {
    ember.setConf("ember.speculation", "true");
    ember.setConf("ember.test.slowTask", "0:1:" + SLOW_MILLIS); // stage 0's task 1, first attempt
    long start = System.currentTimeMillis();
    List<JobEvent> events = run(GROUP_BY);
    long took = System.currentTimeMillis() - start;
    assertTrue(took < SLOW_MILLIS, "took " + took + " ms: the query waited for the straggler");

    List<JobEvent> speculated = of(events, JobEvent.Kind.TASK_SPECULATED, 0);
    assertEquals(1, speculated.size(), events.toString());
    assertEquals(1, speculated.get(0).partition(), events.toString());
    String slowExecutor = speculated.get(0).executorId();
    JobEvent copy = of(events, JobEvent.Kind.TASK_STARTED, 0).stream()
        .filter(e -> e.partition() == 1 && e.attempt() == 1).findFirst().orElseThrow();
    assertTrue(copy.detail().contains("speculative copy") && !copy.executorId().equals(slowExecutor), copy.toString());
    JobEvent won = of(events, JobEvent.Kind.TASK_SUCCEEDED, 0).stream().filter(e -> e.partition() == 1).findFirst().orElseThrow();
    assertEquals(1, won.attempt(), events.toString());
    assertTrue(won.detail().contains("the speculative copy won"), won.toString());
    JobEvent killed = of(events, JobEvent.Kind.TASK_KILLED, 0).get(0);
    assertEquals(List.of(1, 0), List.of(killed.partition(), killed.attempt()));
    // one task of stage 0 succeeded once each: the killed attempt's output was never registered
    assertEquals(4, of(events, JobEvent.Kind.TASK_SUCCEEDED, 0).size(), events.toString());
    new Oracle(duck, ember).assertSameAnswer("speculation (local-cluster)", GROUP_BY);
  }

  @Test void reduceTasksWaitForTheExecutorHoldingTheirInput() {
    ember.setConf("ember.sql.adaptive.enabled", "false"); // keep four reduce tasks
    ember.setConf("ember.sql.shuffle.partitions", "4");
    ember.setConf("ember.locality.wait", "60s"); // a busy machine must not make the test flaky
    List<JobEvent> events = run(ONE_MAP_TASK);
    List<JobEvent> map = of(events, JobEvent.Kind.TASK_SUCCEEDED, 0);
    assertEquals(1, map.size(), events.toString());
    String holder = map.get(0).executorId();
    List<JobEvent> reduce = of(events, JobEvent.Kind.TASK_STARTED, 1);
    assertEquals(4, reduce.size(), events.toString());
    for (JobEvent e : reduce) {
      assertEquals(holder, e.executorId(), e.toString()); // it has 2 cores for 4 tasks: the others waited
      assertTrue(e.detail().contains("on the executor holding its input"), e.toString());
    }

    ember.setConf("ember.locality.wait", "0");
    List<JobEvent> noWait = run(ONE_MAP_TASK);
    String holderNow = of(noWait, JobEvent.Kind.TASK_SUCCEEDED, 0).get(0).executorId();
    Set<String> where = of(noWait, JobEvent.Kind.TASK_STARTED, 1).stream().map(JobEvent::executorId).collect(Collectors.toSet());
    assertEquals(2, where.size(), "without a wait the busy holder's tasks go elsewhere: " + noWait);
    assertTrue(where.contains(holderNow));
    new Oracle(duck, ember).assertSameAnswer("locality (local-cluster)", ONE_MAP_TASK);
  }

  @Test void aSkewedJoinPartitionIsSplitOnExecutors() {
    SkewedJoinData.SKEW_SETTINGS.forEach(ember::setConf);
    String plan = SkewedJoinTest.executedPlan(ember, SkewedJoinData.JOIN);
    assertTrue(SkewedJoinTest.splits(plan) >= 2, plan);
    new Oracle(duck, ember).assertSameAnswer("skewed join split (local-cluster)", SkewedJoinData.JOIN);
  }
}
