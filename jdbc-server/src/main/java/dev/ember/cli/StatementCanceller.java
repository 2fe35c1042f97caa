package dev.ember.cli;

import dev.ember.api.QueryResult;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cancels the statements of one shell input from another thread — what Ctrl-C does. The first
 * {@link #cancel()} cancels the query being printed (its tasks stop at once), sets the flag the
 * printers poll between batches, and interrupts the thread running the statement, so a read
 * blocked on the query's next batch fails with "cancelled" and the result is closed, which waits
 * for the query's tasks and frees its memory. As a {@link StatementListener} it learns which
 * result is being printed.
 */
final class StatementCanceller implements StatementListener {
  private final Thread statementThread;
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private volatile QueryResult current;

  /** For statements run on {@code statementThread}. */
  StatementCanceller(Thread statementThread) { this.statementThread = statementThread; }

  @Override public void started(QueryResult result) {
    current = result;
    if (cancelled.get()) result.cancel(); // Ctrl-C came while the statement was being planned
  }

  @Override public void ended(Stopwatch watch) { current = null; }

  /** Cancels; true the first time, false when already cancelled (a second Ctrl-C). */
  boolean cancel() {
    if (cancelled.getAndSet(true)) return false;
    QueryResult r = current;
    if (r != null) r.cancel();
    statementThread.interrupt();
    return true;
  }

  boolean cancelled() { return cancelled.get(); }
}
