package dev.ember.it.cancel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.execution.memory.MemoryManager;
import dev.ember.execution.scheduler.RunningQueries;
import java.util.function.BooleanSupplier;

/**
 * What every cancellation test measures, whatever the entry point: the process's running queries
 * and off-heap memory before the query, that the query really was running (tasks busy, memory
 * held) when it was cancelled, how long after the cancel its tasks were gone, and that its memory
 * came back.
 */
public final class CancelProbe {
  /** Tasks must be gone this soon after the cancel (the "within a second"). */
  public static final long LIMIT_MILLIS = 1_000;

  private final int queriesBefore;
  private final long memoryBefore;
  private long cancelledAt;

  private CancelProbe() {
    this.queriesBefore = RunningQueries.count();
    this.memoryBefore = MemoryManager.allocatedBytes();
  }

  /** Takes the levels before the query starts. */
  public static CancelProbe before() { return new CancelProbe(); }

  /** Waits (up to a minute) until the query runs tasks and holds memory beyond the levels before. */
  public void awaitRunning() throws InterruptedException {
    await(() -> RunningQueries.count() > queriesBefore && RunningQueries.tasksRunning() > 0
        && MemoryManager.allocatedBytes() > memoryBefore, 60_000, "the query never got going");
  }

  /** Marks the moment of the cancel (call right before cancelling). */
  public void cancelling() { cancelledAt = System.nanoTime(); }

  /**
   * Waits until the query's tasks are gone and returns how long that took after
   * {@link #cancelling()}; fails when it took a second or more.
   */
  public long assertTasksGoneWithinASecond() throws InterruptedException { return assertTasksGoneWithin(LIMIT_MILLIS); }

  /** As {@link #assertTasksGoneWithinASecond()} with another limit (a time-out's plus a second). */
  public long assertTasksGoneWithin(long limitMillis) throws InterruptedException {
    await(() -> RunningQueries.count() <= queriesBefore, 30_000, "the query's tasks never ended");
    long millis = (System.nanoTime() - cancelledAt) / 1_000_000;
    assertTrue(millis < limitMillis, "tasks gone only " + millis + " ms after the cancel");
    return millis;
  }

  /**
   * Waits (up to 10 s: a server closes the result after it has answered the client) until the
   * process's off-heap memory is back at its level before the query, and fails if it never is.
   */
  public void assertMemoryBack() throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (MemoryManager.allocatedBytes() != memoryBefore && System.nanoTime() < deadline) Thread.sleep(5);
    assertEquals(memoryBefore, MemoryManager.allocatedBytes(), "off-heap bytes after the cancelled query");
  }

  private static void await(BooleanSupplier condition, long timeoutMillis, String message) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, message);
      Thread.sleep(1);
    }
  }
}
