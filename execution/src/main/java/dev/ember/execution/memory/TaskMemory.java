package dev.ember.execution.memory;

import dev.ember.catalyst.errors.EmberException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One task's execution memory: the reservations of its operators, drawn from the process's
 * {@link UnifiedMemoryPool}. When the pool refuses a request, the task's other operators that can
 * spill are asked to, largest first, and the request is tried again. A task runs on one thread,
 * so its operators are never asked to spill concurrently with their own work on another thread.
 */
public final class TaskMemory implements AutoCloseable {
  private final UnifiedMemoryPool pool;
  private final String name;
  private final SpillMetrics metrics;
  private final Runnable checkRunning;
  private final List<MemoryReservation> reservations = new ArrayList<>();
  private boolean closed;
  /** Nanoseconds the task has waited for its minimum share so far (it waits at most {@link UnifiedMemoryPool#MIN_SHARE_WAIT_MILLIS} in all). */
  private volatile long waitedNanos;

  /**
   * @param name names the task in messages ("q12 stage 3 task 0")
   * @param metrics where the task's operators count what they spill (the query's)
   * @param checkRunning throws when the query was cancelled or failed (called while waiting for memory)
   */
  public TaskMemory(UnifiedMemoryPool pool, String name, SpillMetrics metrics, Runnable checkRunning) {
    this.pool = pool;
    this.name = name;
    this.metrics = metrics;
    this.checkRunning = checkRunning;
  }

  /** A task with its own pool and metrics, for operator tests and tools outside a query. */
  public static TaskMemory standalone(long bytes) {
    return new TaskMemory(new UnifiedMemoryPool(bytes, 0), "standalone", new SpillMetrics(), () -> {});
  }

  public String name() { return name; }

  public SpillMetrics metrics() { return metrics; }

  public UnifiedMemoryPool pool() { return pool; }

  /**
   * A new, empty reservation for {@code operator} (named in out-of-memory errors).
   * {@code spillable} is how the task asks the operator for memory back; null for operators
   * that cannot spill.
   */
  public synchronized MemoryReservation newReservation(String operator, Spillable spillable) {
    if (closed) throw new IllegalStateException("task " + name + " has ended");
    MemoryReservation r = new MemoryReservation(this, operator, spillable);
    reservations.add(r);
    return r;
  }

  /** Execution memory the task holds now, over all its reservations. */
  public long held() { return pool.heldBy(this); }

  /** Throws if the query was cancelled or failed. */
  public void checkRunning() { checkRunning.run(); }

  /** Counts the task as active (taking a share) from now, not only from its first request. */
  public void activate() { pool.register(this); }

  /** Grants {@code bytes} to {@code r}, spilling the task's other operators if the pool refuses; false if still refused. */
  boolean acquire(MemoryReservation r, long bytes) {
    if (pool.acquireExecution(this, bytes, checkRunning)) return true;
    List<MemoryReservation> others;
    synchronized (this) {
      others = new ArrayList<>(reservations);
    }
    others.removeIf(o -> o == r || o.spillable() == null || o.size() == 0);
    others.sort(Comparator.comparingLong(MemoryReservation::size).reversed());
    for (MemoryReservation o : others) {
      if (o.spillable().spill(bytes) > 0) {
        metrics.spilled();
        if (pool.acquireExecution(this, bytes, checkRunning)) return true;
      }
    }
    return false;
  }

  void release(long bytes) { pool.releaseExecution(this, bytes); }

  /** How much longer the task may wait for its minimum share. */
  long waitBudgetNanos() { return Math.max(0, UnifiedMemoryPool.MIN_SHARE_WAIT_MILLIS * 1_000_000 - waitedNanos); }

  void waited(long nanos) { waitedNanos += nanos; }

  synchronized void forget(MemoryReservation r) { reservations.remove(r); }

  /** The error for a request that cannot be met even after spilling. */
  EmberException outOfMemory(MemoryReservation r, long bytes) {
    return new EmberException(EmberException.OUT_OF_MEMORY, "out of memory: " + r.operator() + " in " + name
        + " needs " + MemorySize.format(bytes) + " more (it holds " + MemorySize.format(r.size()) + ", the task "
        + MemorySize.format(held()) + " of at most 1/" + Math.max(1, pool.activeTasks()) + " of the "
        + MemorySize.format(pool.total()) + " limit, ember.memory.offHeap.size)");
  }

  /** Ends the task: every reservation is released, and the task no longer takes a share. */
  @Override public void close() {
    List<MemoryReservation> all;
    synchronized (this) {
      closed = true;
      all = new ArrayList<>(reservations);
      reservations.clear();
    }
    for (MemoryReservation r : all) r.detach();
    pool.unregister(this);
  }
}
