package dev.ember.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.QueryResult;
import dev.ember.execution.memory.MemoryManager;
import dev.ember.execution.scheduler.RunningQueries;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C's way of cancelling ({@link StatementCanceller}) on the real engine: a query that would
 * run for many seconds stops within a second, its memory is freed, and the next statement works.
 */
class ShellCancelTest {
  private static final String LONG_QUERY = "SELECT l_returnflag, count(*) FROM tpch.sf1.lineitem GROUP BY l_returnflag";
  /** Runs far longer than the one-second time-out even on a warm JVM (SF 1 takes under a second then). */
  private static final String LONGER_QUERY =
      "SELECT l_returnflag, count(*), sum(l_extendedprice) FROM tpch.sf10.lineitem GROUP BY l_returnflag";
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test void cancellingStopsALongQueryWithinASecondFreesItsMemoryAndTheShellGoesOn() throws Exception {
    // The default batch size: the cancel interrupts the tasks, and the generator notices inside a batch.
    String[] args = {"--master", "local[2]"};
    try (SqlEngine engine = SqlEngine.session(CliArgs.parse(args))) {
      AtomicReference<QueryResult> running = new AtomicReference<>();
      AtomicBoolean ok = new AtomicBoolean(true);
      Thread[] thread = new Thread[1];
      StatementCanceller[] canceller = new StatementCanceller[1];
      // The same query on tiny first: its generated classes are then cached, and the cancellation
      // lands while rows flow (a task in the middle of a Janino compilation finishes it first).
      StatementCanceller warm = new StatementCanceller(Thread.currentThread());
      assertTrue(runner(engine, warm, StatementListener.NONE).runOne(Statement.of(LONG_QUERY.replace("sf1", "tiny"))));
      bytes.reset();
      thread[0] = new Thread(() -> {
        ScriptRunner runner = runner(engine, canceller[0], StatementListener.both(canceller[0], new StatementListener() {
          @Override public void started(QueryResult r) { running.set(r); }
        }));
        ok.set(runner.runOne(Statement.of(LONGER_QUERY)));
      });
      canceller[0] = new StatementCanceller(thread[0]);
      thread[0].start();
      long deadline = System.nanoTime() + 60_000_000_000L;
      // running, and caught holding memory (between batches it may momentarily hold none)
      while (running.get() == null || running.get().progress().tasksRunning() == 0
          || MemoryManager.allocatedBytes() == 0) {
        assertTrue(System.nanoTime() < deadline, "the query never started");
        Thread.sleep(1);
      }
      Thread.sleep(300); // well inside the scan
      long start = System.nanoTime();
      assertTrue(canceller[0].cancel());
      assertFalse(canceller[0].cancel(), "a second Ctrl-C is reported as such (the shell quits)");
      while (RunningQueries.count() > 0 && System.nanoTime() - start < 5_000_000_000L) Thread.sleep(1);
      long tasksGoneMillis = (System.nanoTime() - start) / 1_000_000;
      thread[0].join(1_000);
      long tookMillis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(tasksGoneMillis < 1_000, "tasks gone only after " + tasksGoneMillis + " ms");
      assertFalse(thread[0].isAlive(), "still running after " + tookMillis + " ms");
      System.out.println("shell cancel: tasks gone after " + tasksGoneMillis + " ms, statement ended after " + tookMillis + " ms");
      assertFalse(ok.get());
      assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("Error: query was cancelled"),
          bytes.toString(StandardCharsets.UTF_8));
      assertEquals(0, running.get().progress().tasksRunning());
      assertEquals(0, MemoryManager.allocatedBytes());

      bytes.reset();
      StatementCanceller fresh = new StatementCanceller(Thread.currentThread());
      assertTrue(runner(engine, fresh, StatementListener.NONE).runOne(Statement.of("SELECT count(*) FROM tpch.tiny.nation")));
      assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("|       25 |"), bytes.toString(StandardCharsets.UTF_8));
    }
  }

  @Test void aQueryTimeoutGivenWithConfCancelsTheStatement() throws Exception {
    String[] args = {"--master", "local[2]", "--conf", "ember.sql.queryTimeout=1"};
    try (SqlEngine engine = SqlEngine.session(CliArgs.parse(args))) {
      StatementCanceller canceller = new StatementCanceller(Thread.currentThread());
      long start = System.nanoTime();
      assertFalse(runner(engine, canceller, canceller).runOne(Statement.of(LONGER_QUERY)), () -> bytes.toString(StandardCharsets.UTF_8));
      long millis = (System.nanoTime() - start) / 1_000_000;
      String printed = bytes.toString(StandardCharsets.UTF_8);
      assertTrue(printed.contains("canceling statement due to statement timeout"), printed);
      assertTrue(millis >= 1_000 && millis < 2_000 + 1_000, "the statement ended after " + millis + " ms");
      assertEquals(0, RunningQueries.count());
      assertEquals(0, MemoryManager.allocatedBytes());
    }
  }

  private ScriptRunner runner(SqlEngine engine, StatementCanceller canceller, StatementListener listener) {
    PrintSettings settings = PrintSettings.DEFAULT.withCancelled(canceller::cancelled);
    return new ScriptRunner(engine, OutputFormat.TABLE.printer(out, settings), new ErrorReporter(out, false),
        out::flush, listener);
  }
}
