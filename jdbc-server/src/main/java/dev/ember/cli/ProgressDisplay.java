package dev.ember.cli;

import dev.ember.api.QueryProgress;
import dev.ember.api.QueryResult;
import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Draws the {@link ProgressBar} of the running statement on the terminal, redrawn in place
 * ({@code \r}) every 100 ms once the statement has run for {@link #DELAY_MILLIS} — quick queries
 * never show one. The bar is erased for good (for this statement) before anything else is
 * written: the shell routes its output through {@link #erase()} first, so the bar never mixes
 * with results or messages. One daemon thread per shell draws.
 */
final class ProgressDisplay implements StatementListener, AutoCloseable {
  static final long DELAY_MILLIS = 1_000;
  private static final long INTERVAL_MILLIS = 100;

  private final PrintWriter screen;
  private final IntSupplier width;
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "ember-progress");
    t.setDaemon(true);
    return t;
  });
  private ScheduledFuture<?> task;
  private QueryResult result;
  private long startNanos;
  private int drawn; // columns of the bar now on the screen, 0 when none
  private boolean stopped = true;

  ProgressDisplay(PrintWriter screen, IntSupplier width) {
    this.screen = screen;
    this.width = width;
  }

  @Override public synchronized void started(QueryResult r) {
    result = r;
    startNanos = System.nanoTime();
    stopped = false;
    task = ticker.scheduleAtFixedRate(this::draw, DELAY_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override public void ended(Stopwatch watch) { erase(); }

  /** Removes the bar and stops drawing until the next statement starts. Cheap when none is shown. */
  synchronized void erase() {
    if (stopped) return;
    stopped = true;
    if (task != null) task.cancel(false);
    task = null;
    result = null;
    if (drawn > 0) {
      screen.print("\r" + " ".repeat(drawn) + "\r");
      screen.flush();
      drawn = 0;
    }
  }

  /** Draws the current progress now (the ticker calls it). */
  synchronized void draw() {
    if (stopped || result == null) return;
    QueryProgress p = result.progress();
    if (p.stagesTotal() == 0) return; // not a running query: nothing to show
    String line = ProgressBar.render(p, System.nanoTime() - startNanos, width.getAsInt());
    screen.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
    screen.flush();
    drawn = Math.max(drawn, line.length());
  }

  @Override public void close() { ticker.shutdownNow(); }
}
