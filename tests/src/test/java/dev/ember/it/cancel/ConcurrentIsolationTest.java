package dev.ember.it.cancel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ember.api.QueryResult;
import dev.ember.api.Session;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.datasources.tpch.TpchQueries;
import dev.ember.execution.memory.MemoryManager;
import dev.ember.execution.scheduler.RunningQueries;
import dev.ember.execution.spill.SpillDirectory;
import dev.ember.it.DuckDbRunner;
import dev.ember.it.EmberRunner;
import dev.ember.it.EmberViews;
import dev.ember.it.OrderSpec;
import dev.ember.it.QueryRows;
import dev.ember.it.ResultComparator;
import dev.ember.it.TpchData;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Eight queries at once on one engine, one session each: one fails on bad data, one is
 * cancelled, and the others — TPC-H queries — still give DuckDB's answers. Then the same under a
 * 512 MB memory limit with a query built to need more than the whole limit (a join of two
 * 10-million-row ranges in one partition): it spills (or fails cleanly with 53200), and the
 * others are unaffected. Afterwards no query is running, no memory is held, no spill file is left.
 */
class ConcurrentIsolationTest {
  private static final int[] TPCH = {1, 3, 5, 9, 18};
  private static final String BAD_CAST = "SELECT CAST(o_comment AS INT) AS x FROM orders";
  private static final String LONG = "SELECT count(*), sum(l_extendedprice) FROM tpch.sf10.lineitem";
  private static final long RANGE = 10_000_000;
  private static final String GREEDY = "SELECT count(*) AS n, sum(a.id) AS s FROM r a JOIN r b ON a.id = b.id";
  private static final String GREEDY_DUCK =
      "SELECT count(*) AS n, sum(a.range) AS s FROM range(" + RANGE + ") a JOIN range(" + RANGE + ") b ON a.range = b.range";

  private static Connection duck;
  private static final Map<String, QueryRows> expected = new LinkedHashMap<>();

  @BeforeAll static void answers() throws SQLException {
    duck = TpchData.openDuckDbOverParquet(TpchData.TINY);
    for (int q : TPCH) expected.put(TpchQueries.text(q), DuckDbRunner.query(duck, TpchQueries.text(q)));
    expected.put(GREEDY, DuckDbRunner.query(duck, GREEDY_DUCK));
  }

  @AfterAll static void close() throws SQLException {
    if (duck != null) duck.close();
  }

  /** What one of the eight queries ended with. */
  private record Outcome(String sql, QueryRows rows, EmberException error, long bytesSpilled, long endedAt) {}

  private static Session session(boolean greedy) {
    Session.Builder b = Session.builder().master("local[2]");
    if (greedy) b.config("ember.sql.shuffle.partitions", "1").config("ember.sql.autoBroadcastJoinThreshold", "-1");
    Session s = b.getOrCreate();
    EmberViews.parquet(s, TpchData.TINY);
    if (greedy) s.range(RANGE).createOrReplaceTempView("r");
    return s;
  }

  private static Outcome run(Session s, String sql, CountDownLatch go, CompletableFuture<QueryResult> started) {
    try {
      go.await();
      try (QueryResult r = s.execute(sql)) {
        started.complete(r);
        QueryRows rows = EmberRunner.read(r);
        return new Outcome(sql, rows, null, r.bytesSpilled(), System.nanoTime());
      }
    } catch (EmberException e) {
      return new Outcome(sql, null, e, 0, System.nanoTime()); // the result is closed: its tasks are gone
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private void runEight(boolean limited) throws Exception {
    List<String> queries = new ArrayList<>();
    for (int q : TPCH) queries.add(TpchQueries.text(q));
    queries.add(BAD_CAST);
    queries.add(LONG);
    queries.add(limited ? GREEDY : TpchQueries.text(10));
    if (!limited) expected.put(TpchQueries.text(10), DuckDbRunner.query(duck, TpchQueries.text(10)));
    int queriesBefore = RunningQueries.count();
    long memoryBefore = MemoryManager.allocatedBytes();
    long filesBefore = SpillDirectory.fileCount();
    List<Session> sessions = new ArrayList<>();
    ExecutorService clients = Executors.newFixedThreadPool(queries.size());
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
      CompletableFuture<QueryResult> longOne = new CompletableFuture<>();
      for (String sql : queries) {
        Session s = session(sql.equals(GREEDY));
        sessions.add(s);
        CompletableFuture<QueryResult> started = sql.equals(LONG) ? longOne : new CompletableFuture<>();
        outcomes.add(CompletableFuture.supplyAsync(() -> run(s, sql, go, started), clients));
      }
      go.countDown();
      // Cancel the long scan once the others are under way.
      QueryResult victim = longOne.get(120, TimeUnit.SECONDS);
      Thread.sleep(1_000);
      long cancelledAt = System.nanoTime();
      victim.cancel();
      for (CompletableFuture<Outcome> f : outcomes) {
        Outcome o = f.get(600, TimeUnit.SECONDS);
        if (o.sql().equals(BAD_CAST)) {
          assertTrue(o.error() != null, "the bad cast should fail");
          assertEquals(EmberException.INVALID_TEXT_REPRESENTATION, o.error().sqlState(), o.error().getMessage());
          assertTrue(o.error().getMessage().endsWith(" in column o_comment"), o.error().getMessage());
        } else if (o.sql().equals(LONG)) {
          assertTrue(o.error() != null, "the long query should have been cancelled");
          assertEquals(EmberException.QUERY_CANCELED, o.error().sqlState(), o.error().getMessage());
          long millis = (o.endedAt() - cancelledAt) / 1_000_000;
          System.out.println("cancelled among eight: tasks gone after " + millis + " ms");
          assertTrue(millis < CancelProbe.LIMIT_MILLIS, "the cancelled query's tasks ended only after " + millis + " ms");
        } else if (o.sql().equals(GREEDY) && o.error() != null) {
          assertEquals("53200", o.error().sqlState(), "the greedy query may only fail for want of memory: " + o.error());
        } else {
          if (o.error() != null) fail("failed: " + o.sql() + "\n" + o.error());
          QueryRows want = expected.get(o.sql());
          Optional<String> diff = ResultComparator.compare(want, o.rows(), OrderSpec.of(o.sql(), want.columns()));
          diff.ifPresent(d -> fail(o.sql() + "\n" + d));
          if (o.sql().equals(GREEDY)) {
            assertTrue(o.bytesSpilled() > 0, "a join of 10 million rows in one task cannot fit in 512 MB");
            System.out.println("greedy join spilled " + o.bytesSpilled() + " bytes");
          }
        }
      }
    } finally {
      clients.shutdownNow();
      for (Session s : sessions) s.close();
    }
    assertEquals(queriesBefore, RunningQueries.count(), "queries still running: " + RunningQueries.ids());
    assertEquals(memoryBefore, MemoryManager.allocatedBytes());
    assertEquals(filesBefore, SpillDirectory.fileCount());
  }

  @Test void oneFailingAndOneCancelledQueryLeaveSixOthersCorrect() throws Exception {
    runEight(false);
  }

  @Test void underA512MbLimitAQueryBeyondItsShareSpillsAndTheOthersAreUnaffected() throws Exception {
    MemoryManager.configure(512L << 20, 0.5);
    try {
      runEight(true);
    } finally {
      MemoryManager.reset();
    }
  }
}
