package dev.ember.it.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.it.cancel.CancelProbe;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cancelling through the wire protocol with the stock PostgreSQL JDBC driver: a CancelRequest
 * ({@code Statement.cancel()}), a connection dropped mid-query, and a statement time-out. Each
 * measures how long after the cancel the query's tasks are gone in the server (under a second)
 * and checks that the server's off-heap memory comes back to its level before the query.
 */
class PgCancelTest {
  /** Bound by the TPC-H generator: runs for many seconds. */
  private static final String LONG = "SELECT count(*), sum(l_extendedprice) FROM tpch.sf10.lineitem";
  private static PgTestServer server;

  @BeforeAll static void start() throws SQLException {
    server = PgTestServer.start();
    // The same shape on tiny data first: the cancelled queries are then running, not being compiled.
    try (Connection c = server.connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery(LONG.replace("sf10", "tiny"))) {
      assertTrue(rs.next());
    }
  }

  @AfterAll static void stop() {
    if (server != null) server.close();
  }

  private static CompletableFuture<Throwable> runInBackground(Statement s, String sql) {
    return CompletableFuture.supplyAsync(() -> {
      try (ResultSet rs = s.executeQuery(sql)) {
        rs.next();
        return null;
      } catch (SQLException e) {
        return e;
      }
    });
  }

  @Test void cancelRequestStopsTheQueryWithinASecondAndTheConnectionStaysUsable() throws Exception {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      CancelProbe probe = CancelProbe.before();
      CompletableFuture<Throwable> running = runInBackground(s, LONG);
      probe.awaitRunning();
      Thread.sleep(300);
      assertFalse(running.isDone(), "the query should still be running");
      probe.cancelling();
      s.cancel();
      long millis = probe.assertTasksGoneWithinASecond();
      Throwable t = running.get(10, TimeUnit.SECONDS);
      assertTrue(t instanceof SQLException, "expected a cancellation error, got " + t);
      assertEquals("57014", ((SQLException) t).getSQLState());
      assertTrue(t.getMessage().contains("canceling statement due to user request"), t.getMessage());
      probe.assertMemoryBack();
      System.out.println("CancelRequest: tasks gone after " + millis + " ms");
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM tpch.tiny.nation")) {
        assertTrue(rs.next());
        assertEquals(25, rs.getLong(1));
      }
    }
  }

  @Test void aDroppedConnectionStopsItsQueryWithinASecond() throws Exception {
    Connection c = server.connect();
    Statement s = c.createStatement();
    CancelProbe probe = CancelProbe.before();
    CompletableFuture<Throwable> running = runInBackground(s, LONG);
    probe.awaitRunning();
    Thread.sleep(300);
    probe.cancelling();
    c.abort(Runnable::run); // closes the socket without a Terminate message, as a crashed client would
    long millis = probe.assertTasksGoneWithinASecond();
    assertTrue(running.get(10, TimeUnit.SECONDS) instanceof SQLException);
    probe.assertMemoryBack();
    System.out.println("dropped connection: tasks gone after " + millis + " ms");
  }

  @Test void aStatementTimeoutCancelsWithPostgresStateAndMessage() throws Exception {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      for (String set : new String[] {"SET ember.sql.queryTimeout = 1", "SET statement_timeout = '1s'"}) {
        s.execute(set);
        CancelProbe probe = CancelProbe.before();
        probe.cancelling();
        long start = System.nanoTime();
        Throwable t = runInBackground(s, LONG).get(30, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(t instanceof SQLException, set + ": expected a time-out, got " + t);
        assertEquals("57014", ((SQLException) t).getSQLState());
        assertTrue(t.getMessage().contains("canceling statement due to statement timeout"), t.getMessage());
        assertTrue(millis >= 1_000 && millis < 1_000 + CancelProbe.LIMIT_MILLIS, set + ": error after " + millis + " ms");
        probe.assertTasksGoneWithin(1_000 + CancelProbe.LIMIT_MILLIS); // measured from the start here
        probe.assertMemoryBack();
        s.execute("SET ember.sql.queryTimeout = 0");
        s.execute("SET statement_timeout = 0");
      }
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM tpch.tiny.nation")) {
        assertTrue(rs.next());
        assertEquals(25, rs.getLong(1));
      }
    }
  }
}
