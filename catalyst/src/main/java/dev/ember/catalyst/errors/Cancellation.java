package dev.ember.catalyst.errors;

import java.util.concurrent.CancellationException;

/**
 * The check long-running loops make so a cancelled query stops within a fraction of a second:
 * cancelling a query interrupts its task threads, and loops that run for long without returning
 * to their caller (building a hash table, sorting, generating rows) poll the thread's interrupt
 * flag every few thousand rows. The flag is only read, never cleared: the task's owner clears it
 * when the task ends.
 */
public final class Cancellation {
  private Cancellation() {}

  /** Throws {@link CancellationException} if the current thread has been interrupted. */
  public static void checkInterrupted() {
    if (Thread.currentThread().isInterrupted()) throw new CancellationException("interrupted");
  }
}
