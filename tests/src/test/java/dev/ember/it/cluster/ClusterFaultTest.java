package dev.ember.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.Session;
import dev.ember.datasources.tpch.TpchQueries;
import dev.ember.execution.cluster.JobEvent;
import dev.ember.it.EmberViews;
import dev.ember.it.Oracle;
import dev.ember.it.TpchData;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An executor JVM killed with SIGKILL in the middle of TPC-H Q9 on {@code local-cluster[2,1,768]}
 * (two executors: fewer JVMs to start on a small machine): the driver notices, re-runs the
 * lost executor's running tasks and the map tasks whose outputs died with it, and the query still
 * gives DuckDB's answer; the job's events show the loss and the retries.
 */
class ClusterFaultTest {
  private static Connection duck;
  private static Session ember;

  @BeforeAll static void setUp() throws Exception {
    duck = TpchData.openDuckDb();
    TpchData.generateInto(duck, TpchData.TINY);
    // Its own master string: its own executors, never shared with another test's session.
    ember = Session.builder().master("local-cluster[2,1,768]").getOrCreate();
    EmberViews.generatorCatalog(ember, "tiny");
  }

  @AfterAll static void tearDown() throws Exception {
    Executors.closeAndCheck(ember, duck);
  }

  @Test void survivesAnExecutorKilledMidQuery() throws Exception {
    List<ProcessHandle> processes = ember.state().executorProcesses();
    assertEquals(2, processes.size());
    int seen = ember.state().clusterEvents().size();
    CompletableFuture<Void> query = CompletableFuture.runAsync(
        () -> new Oracle(duck, ember).assertSameAnswer("Q9 (an executor killed)", TpchQueries.text(9)));

    // As soon as some executor has finished a map task of Q9, kill it: its shuffle output is lost.
    String victim = null;
    long deadline = System.currentTimeMillis() + 120_000;
    while (victim == null && System.currentTimeMillis() < deadline && !query.isDone()) {
      List<JobEvent> events = ember.state().clusterEvents();
      for (JobEvent e : events.subList(seen, events.size())) {
        if (e.kind() == JobEvent.Kind.TASK_SUCCEEDED) victim = e.executorId();
      }
      if (victim == null) Thread.sleep(5);
    }
    assertTrue(victim != null, "no map task of Q9 finished before the query did: nothing to kill");
    ProcessHandle process = processes.get(Integer.parseInt(victim.substring(victim.lastIndexOf('-') + 1)));
    assertTrue(process.destroyForcibly(), "could not kill " + victim);
    process.onExit().get(10, TimeUnit.SECONDS);

    query.get(3, TimeUnit.MINUTES); // DuckDB's answer, or the assertion error

    List<JobEvent> all = ember.state().clusterEvents();
    List<JobEvent> events = all.subList(seen, all.size());
    String lost = victim;
    assertTrue(events.stream().anyMatch(e -> e.kind() == JobEvent.Kind.EXECUTOR_LOST && lost.equals(e.executorId())),
        "the driver did not notice " + victim + " die: " + events);
    assertTrue(events.stream().anyMatch(e -> e.kind() == JobEvent.Kind.TASK_RESUBMITTED
            || e.kind() == JobEvent.Kind.MAP_OUTPUT_LOST),
        "nothing was re-run after " + victim + " died: " + events);
    int loss = indexOfLoss(events, lost);
    assertFalse(events.subList(loss, events.size()).stream()
            .anyMatch(e -> e.kind() == JobEvent.Kind.TASK_STARTED && lost.equals(e.executorId())),
        "a task was sent to the dead executor");
  }

  private static int indexOfLoss(List<JobEvent> events, String executor) {
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).kind() == JobEvent.Kind.EXECUTOR_LOST && executor.equals(events.get(i).executorId())) return i;
    }
    return events.size();
  }
}
