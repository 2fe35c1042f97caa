package dev.ember.cli;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cancels the statements of one shell input from another thread — what Ctrl-C does. The first
 * {@link #cancel()} sets the flag the printers poll between batches and interrupts the thread
 * running the statement, so a read blocked on the query's next batch fails with "cancelled"
 * and the result is closed, which stops the query's tasks and frees its memory.
 */
final class StatementCanceller {
  private final Thread statementThread;
  private final AtomicBoolean cancelled = new AtomicBoolean();

  /** For statements run on {@code statementThread}. */
  StatementCanceller(Thread statementThread) { this.statementThread = statementThread; }

  /** Cancels; true the first time, false when already cancelled (a second Ctrl-C). */
  boolean cancel() {
    if (cancelled.getAndSet(true)) return false;
    statementThread.interrupt();
    return true;
  }

  boolean cancelled() { return cancelled.get(); }
}
