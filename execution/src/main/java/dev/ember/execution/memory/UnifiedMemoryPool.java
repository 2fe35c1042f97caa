package dev.ember.execution.memory;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The process's memory budget ({@code ember.memory.offHeap.size}) shared by execution (operators'
 * hash tables and sort buffers, through {@link TaskMemory}) and storage (cached data), as in
 * Spark's unified model: either side may use what the other leaves free; execution may evict
 * storage down to the storage region ({@code storageFraction} of the total), storage never
 * evicts execution.
 *
 * <p>Execution memory is shared fairly between the N tasks that hold or ask for it: a task gets
 * at most 1/N of the execution pool, and a task holding less than 1/(2N) waits (2 s at most over
 * its life, checking cancellation) for others to release before its request is refused — so a
 * newcomer is not starved by tasks that got there first, yet a task is never slowed by waiting
 * on every request. A refused request means "spill, then ask again".
 */
public final class UnifiedMemoryPool {
  /** Storage that execution may evict: frees about {@code bytes} (releasing them here) and returns what it freed. */
  @FunctionalInterface
  public interface StorageEvictor {
    long evictStorage(long bytes);
  }

  /** How long, in all, a task under its minimum share waits for others to release memory. */
  static final long MIN_SHARE_WAIT_MILLIS = 2_000;

  private final Map<TaskMemory, Long> tasks = new IdentityHashMap<>();
  private final List<StorageEvictor> evictors = new CopyOnWriteArrayList<>();
  private long total;
  private double storageFraction;
  private long executionUsed;
  private long storageUsed;
  private long executionPeak;

  public UnifiedMemoryPool(long total, double storageFraction) {
    this.total = total;
    this.storageFraction = storageFraction;
  }

  /** Changes the budget (requests already granted stay granted). */
  public synchronized void resize(long newTotal, double newStorageFraction) {
    total = newTotal;
    storageFraction = newStorageFraction;
    notifyAll();
  }

  public synchronized long total() { return total; }

  public synchronized double storageFraction() { return storageFraction; }

  public synchronized long executionUsed() { return executionUsed; }

  public synchronized long storageUsed() { return storageUsed; }

  /** The most execution memory held at once since the pool was created (or {@link #resetPeak}). */
  public synchronized long executionPeak() { return executionPeak; }

  public synchronized void resetPeak() { executionPeak = executionUsed; }

  /** Tasks holding or asking for execution memory now. */
  public synchronized int activeTasks() { return tasks.size(); }

  /** Storage memory execution can never evict. */
  private long storageRegion() { return (long) (total * storageFraction); }

  private long free() { return total - executionUsed - storageUsed; }

  // ---- execution -------------------------------------------------------------------------------

  /** Makes {@code task} count as active (it will ask for memory). */
  synchronized void register(TaskMemory task) { tasks.putIfAbsent(task, 0L); }

  /**
   * Grants {@code bytes} of execution memory to {@code task} entirely, or nothing (false): the
   * caller then spills and asks again, or fails. Evicts storage above its region when needed.
   */
  boolean acquireExecution(TaskMemory task, long bytes, Runnable checkRunning) {
    if (bytes <= 0) return true;
    long start = System.nanoTime();
    long deadline = start + task.waitBudgetNanos();
    boolean evicted = false;
    while (true) {
      long toEvict = 0;
      synchronized (this) {
        tasks.putIfAbsent(task, 0L);
        long cur = tasks.get(task);
        int n = tasks.size();
        long executionPool = total - Math.min(storageUsed, storageRegion());
        long maxPerTask = executionPool / n;
        long minPerTask = executionPool / (2L * n);
        boolean withinShare = cur + bytes <= maxPerTask;
        if (withinShare && bytes <= free()) {
          task.waited(System.nanoTime() - start);
          grant(task, cur, bytes);
          return true;
        }
        if (withinShare && !evicted && storageUsed > storageRegion()) {
          toEvict = Math.min(storageUsed - storageRegion(), bytes - Math.max(0, free()));
        } else {
          boolean othersHold = executionUsed - cur > 0;
          if (!withinShare || cur >= minPerTask || !othersHold || System.nanoTime() > deadline) {
            task.waited(System.nanoTime() - start);
            return false;
          }
          try {
            wait(50);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
        }
      }
      if (toEvict > 0) {
        evicted = true;
        evict(toEvict);
      } else {
        checkRunning.run();
      }
    }
  }

  private void grant(TaskMemory task, long cur, long bytes) {
    tasks.put(task, cur + bytes);
    executionUsed += bytes;
    executionPeak = Math.max(executionPeak, executionUsed);
  }

  private void evict(long bytes) {
    long left = bytes;
    for (StorageEvictor e : evictors) {
      if (left <= 0) return;
      left -= e.evictStorage(left);
    }
  }

  synchronized void releaseExecution(TaskMemory task, long bytes) {
    if (bytes <= 0) return;
    Long cur = tasks.get(task);
    long held = cur == null ? 0 : cur;
    long n = Math.min(bytes, held);
    if (cur != null) tasks.put(task, held - n);
    executionUsed -= n;
    notifyAll();
  }

  /** The task ended: whatever it still holds goes back, and it no longer counts as active. */
  synchronized void unregister(TaskMemory task) {
    Long held = tasks.remove(task);
    if (held != null) executionUsed -= held;
    notifyAll();
  }

  /** Execution memory {@code task} holds. */
  synchronized long heldBy(TaskMemory task) { return tasks.getOrDefault(task, 0L); }

  // ---- storage ---------------------------------------------------------------------------------

  /** Storage memory for cached data: granted when free (storage never evicts execution). */
  public synchronized boolean acquireStorage(long bytes) {
    if (bytes <= 0) return true;
    if (bytes > free()) return false;
    storageUsed += bytes;
    return true;
  }

  public synchronized void releaseStorage(long bytes) {
    storageUsed -= Math.min(bytes, storageUsed);
    notifyAll();
  }

  /** Lets execution evict {@code evictor}'s storage (a session's cache) when it needs the memory. */
  public void addEvictor(StorageEvictor evictor) { evictors.add(evictor); }

  public void removeEvictor(StorageEvictor evictor) { evictors.remove(evictor); }

  @Override public synchronized String toString() {
    return "memory pool " + MemorySize.format(total) + ": execution " + MemorySize.format(executionUsed) + " in "
        + tasks.size() + " tasks, storage " + MemorySize.format(storageUsed);
  }
}
