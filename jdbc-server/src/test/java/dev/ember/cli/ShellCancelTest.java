package dev.ember.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.QueryResult;
import dev.ember.execution.memory.MemoryManager;
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
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test void cancellingStopsALongQueryWithinASecondFreesItsMemoryAndTheShellGoesOn() throws Exception {
    // Small batches: a task notices a cancellation between batches, and on this busy test machine a
    // batch of generated lineitem rows can take a good part of a second at the default size.
    String[] args = {"--master", "local[2]", "--conf", "ember.execution.batchSize=256"};
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
        ScriptRunner runner = runner(engine, canceller[0], new StatementListener() {
          @Override public void started(QueryResult r) { running.set(r); }
        });
        ok.set(runner.runOne(Statement.of(LONG_QUERY)));
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
      long start = System.nanoTime();
      assertTrue(canceller[0].cancel());
      assertFalse(canceller[0].cancel(), "a second Ctrl-C is reported as such (the shell quits)");
      thread[0].join(1_000);
      long tookMillis = (System.nanoTime() - start) / 1_000_000;
      assertFalse(thread[0].isAlive(), "still running after " + tookMillis + " ms");
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

  private ScriptRunner runner(SqlEngine engine, StatementCanceller canceller, StatementListener listener) {
    PrintSettings settings = PrintSettings.DEFAULT.withCancelled(canceller::cancelled);
    return new ScriptRunner(engine, OutputFormat.TABLE.printer(out, settings), new ErrorReporter(out, false),
        out::flush, listener);
  }
}
