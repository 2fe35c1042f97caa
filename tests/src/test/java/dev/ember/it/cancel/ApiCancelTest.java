package dev.ember.it.cancel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.QueryResult;
import dev.ember.api.Session;
import dev.ember.api.Settings;
import dev.ember.catalyst.errors.EmberException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.vector.BigIntVector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cancelling from the Java API — {@link QueryResult#cancel()}, {@link Session#cancel()} — and
 * {@code ember.sql.queryTimeout}, at the default batch size: the cancel lands inside a task's
 * long loop (the generator, a sort of millions of rows), which must notice within a second; the
 * query's memory comes back.
 */
class ApiCancelTest {
  /** Bound by the generator: runs for many seconds. */
  static final String SCAN = "SELECT count(*), sum(l_extendedprice) FROM tpch.sf10.lineitem";
  /** One task sorts all of SF 1 orders' comments: seconds inside the sort's loops. */
  static final String SORT = "SELECT o_comment FROM tpch.sf1.orders ORDER BY o_comment, o_orderkey";

  private static Session session;

  @BeforeAll static void open() {
    session = Session.builder().master("local[2]").getOrCreate();
    // The same shapes on tiny data first: their classes are then compiled, so the cancellations
    // below land while rows flow rather than inside a Janino compilation.
    drain(session, SCAN.replace("sf10", "tiny"));
    drain(session, SORT.replace("sf1", "tiny"));
  }

  @AfterAll static void close() { session.close(); }

  static long drain(Session s, String sql) {
    long rows = 0;
    try (QueryResult r = s.execute(sql)) {
      for (var b = r.nextBatch(); b != null; b = r.nextBatch()) rows += b.getRowCount();
    }
    return rows;
  }

  @Test void resultCancelStopsAScanWithinASecondAndFreesItsMemory() throws Exception {
    CancelProbe probe = CancelProbe.before();
    QueryResult r = session.execute(SCAN);
    try {
      probe.awaitRunning();
      Thread.sleep(300); // well inside the scan
      probe.cancelling();
      r.cancel();
      long millis = probe.assertTasksGoneWithinASecond();
      EmberException e = assertThrows(EmberException.class, r::nextBatch);
      assertEquals(EmberException.QUERY_CANCELED, e.sqlState());
      assertEquals("query was cancelled", e.getMessage());
      System.out.println("QueryResult.cancel of a scan: tasks gone after " + millis + " ms");
    } finally {
      r.close();
    }
    probe.assertMemoryBack();
    assertSessionStillWorks();
  }

  @Test void sessionCancelStopsASortWhileAnotherThreadWaitsForRows() throws Exception {
    CancelProbe probe = CancelProbe.before();
    QueryResult r = session.execute(SORT);
    CompletableFuture<Throwable> reader = CompletableFuture.supplyAsync(() -> {
      try {
        r.nextBatch(); // blocks: the sort returns nothing until it has read everything
        return null;
      } catch (RuntimeException e) {
        return e;
      }
    });
    try {
      probe.awaitRunning();
      // Cancel once the single sorting task has its whole input, i.e. while it sorts.
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (r.progress().stagesDone() < r.progress().stagesTotal() - 1) {
        assertTrue(System.nanoTime() < deadline, "the scan stage never ended: " + r.progress());
        Thread.sleep(1);
      }
      Thread.sleep(100);
      assertTrue(r.progress().tasksRunning() > 0, "the sort already finished: " + r.progress());
      probe.cancelling();
      session.cancel();
      long millis = probe.assertTasksGoneWithinASecond();
      Throwable t = reader.get(10, TimeUnit.SECONDS);
      assertTrue(t instanceof EmberException e && e.sqlState().equals(EmberException.QUERY_CANCELED), "got " + t);
      System.out.println("Session.cancel of a sort: tasks gone after " + millis + " ms");
    } finally {
      r.close();
    }
    probe.assertMemoryBack();
    assertSessionStillWorks();
  }

  @Test void closingASessionCancelsItsRunningQuery() throws Exception {
    Session other = Session.builder().master("local[2]").getOrCreate();
    CancelProbe probe = CancelProbe.before();
    QueryResult r = other.execute(SCAN);
    try {
      probe.awaitRunning();
      probe.cancelling();
      other.close();
      probe.assertTasksGoneWithinASecond();
      EmberException e = assertThrows(EmberException.class, r::nextBatch);
      assertEquals(EmberException.QUERY_CANCELED, e.sqlState());
    } finally {
      r.close();
    }
    probe.assertMemoryBack();
    assertSessionStillWorks(); // the engine stays up for the other session
  }

  @Test void aQueryPastItsTimeoutIsCancelledWithPostgresStateAndMessage() throws Exception {
    try (Session s = Session.builder().master("local[2]").config(Settings.QUERY_TIMEOUT, "1").getOrCreate()) {
      assertTimesOut(s, 1_000);
    }
    try (QueryResult set = session.execute("SET ember.sql.queryTimeout = 0.5")) {
      assertTrue(!set.hasRows());
    }
    try {
      assertTimesOut(session, 500);
    } finally {
      session.execute("SET ember.sql.queryTimeout = 0").close();
    }
    assertSessionStillWorks(); // 0: no time-out again
  }

  private static void assertTimesOut(Session s, long timeoutMillis) throws Exception {
    CancelProbe probe = CancelProbe.before();
    long start = System.nanoTime();
    probe.cancelling(); // the time-out counts from here; the tasks must be gone within a second after it
    try (QueryResult r = s.execute(SCAN)) {
      EmberException e = assertThrows(EmberException.class, r::nextBatch);
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(EmberException.QUERY_CANCELED, e.sqlState());
      assertEquals("canceling statement due to statement timeout", e.getMessage());
      assertTrue(millis >= timeoutMillis, "cancelled after " + millis + " ms, before its time-out");
      assertTrue(millis < timeoutMillis + CancelProbe.LIMIT_MILLIS, "time-out noticed only after " + millis + " ms");
      System.out.println("time-out of " + timeoutMillis + " ms: error after " + millis + " ms");
    }
    probe.assertMemoryBack();
  }

  private static void assertSessionStillWorks() {
    try (QueryResult r = session.execute("SELECT count(*) FROM tpch.tiny.nation")) {
      assertEquals(25, ((BigIntVector) r.nextBatch().getVector(0)).get(0));
    }
  }
}
