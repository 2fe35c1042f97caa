package dev.ember.execution.scheduler;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.eval.QueryClock;
import dev.ember.execution.join.JoinBuild;
import dev.ember.execution.memory.MemoryManager;
import dev.ember.execution.memory.QueryMemoryLimit;
import dev.ember.execution.memory.SpillMetrics;
import dev.ember.execution.memory.TaskMemory;
import dev.ember.execution.shuffle.StageOutputs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What all tasks of one query share: its memory, its stage outputs, the broadcast join tables
 * (each built once), its clock and settings, and whether it was cancelled.
 */
public final class QueryContext implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(QueryContext.class.getName());
  private final String id;
  private final BufferAllocator allocator;
  private final StageOutputs outputs;
  private final ProgressTracker progress = new ProgressTracker();
  private final java.util.concurrent.atomic.AtomicLong rowsRead = new java.util.concurrent.atomic.AtomicLong();
  private final Map<Integer, JoinBuild> broadcasts = new HashMap<>();
  private final SpillMetrics spillMetrics = new SpillMetrics();
  private final QueryMetrics metrics = new QueryMetrics();
  private TaskMemory sharedMemory;
  private final QueryClock clock;
  private final int batchSize;
  private final boolean codegen;
  private volatile boolean runtimeFilters = true;
  private final TaskThreads threads = new TaskThreads();
  private volatile long bloomMaxBuildRows = -1; // off unless the session turns it on
  private volatile Map<String, String> processSettings = Map.of();
  private final java.util.concurrent.atomic.AtomicLong rowsDroppedByBloomFilters = new java.util.concurrent.atomic.AtomicLong();
  private final Map<java.util.List<Object>, Object> sharedFilters = new HashMap<>();
  private final List<Runnable> onStop = new ArrayList<>();
  private volatile Throwable failure;
  private volatile EmberException cancellation;

  public QueryContext(String id, BufferAllocator allocator, QueryClock clock, int batchSize, boolean codegen) {
    this.id = id;
    this.allocator = allocator;
    this.clock = clock;
    this.batchSize = batchSize;
    this.codegen = codegen;
    this.outputs = new StageOutputs(allocator, spillMetrics);
    QueryMemoryLimit limit = QueryMemoryLimit.of(allocator);
    if (limit != null) limit.addSpillable(outputs);
  }

  public String id() { return id; }

  public BufferAllocator allocator() { return allocator; }

  public StageOutputs outputs() { return outputs; }

  /** How far the query has got (stages, tasks, rows out); readable from any thread. */
  public ProgressTracker progress() { return progress; }

  /** Rows the query's scans got from their sources (after the sources skipped what they could). */
  public java.util.concurrent.atomic.AtomicLong rowsRead() { return rowsRead; }

  public QueryClock clock() { return clock; }

  /** Rows, bytes and files the query's operators spilled to local disk. */
  public SpillMetrics spillMetrics() { return spillMetrics; }

  /** Bytes shuffled and what executors reported (memory, spills, network). */
  public QueryMetrics metrics() { return metrics; }

  /**
   * Execution memory for what the query's tasks share (broadcast join tables): it takes one
   * task's share of the pool while the query runs, and is released when the query closes.
   */
  public synchronized TaskMemory sharedMemory() {
    if (sharedMemory == null) {
      sharedMemory = new TaskMemory(MemoryManager.pool(), id + " shared", spillMetrics, this::checkRunning);
    }
    return sharedMemory;
  }

  public int batchSize() { return batchSize; }

  public boolean codegen() { return codegen; }

  /** Whether scans get min/max runtime filters from the join tables of their pipeline. */
  public boolean runtimeFilters() { return runtimeFilters; }

  /** Set before the query starts ({@code ember.sql.runtimeFilter.enabled}). */
  public void setRuntimeFilters(boolean on) { runtimeFilters = on; }

  /**
   * The largest join build side (rows) whose keys become a Bloom filter for the probe side's scan;
   * negative for none ({@code ember.sql.runtimeFilter.bloom.enabled},
   * {@code ember.sql.runtimeFilter.bloom.maxBuildRows}). Only with {@link #runtimeFilters()}.
   */
  public long bloomMaxBuildRows() { return runtimeFilters ? bloomMaxBuildRows : -1; }

  public void setBloomMaxBuildRows(long rows) { bloomMaxBuildRows = rows; }

  /**
   * The process-wide settings (memory budget, spill directory) the query's session set, which
   * executors apply as the driver did; empty when the session set none.
   */
  public Map<String, String> processSettings() { return processSettings; }

  public void setProcessSettings(Map<String, String> settings) { processSettings = Map.copyOf(settings); }

  /** Rows the Bloom runtime filters dropped before they reached a join. */
  public java.util.concurrent.atomic.AtomicLong rowsDroppedByBloomFilters() { return rowsDroppedByBloomFilters; }

  /**
   * A runtime filter built from a join table shared by the query's tasks (a broadcast), built
   * once by the first task that asks; {@code key} names the table (by identity) and column.
   */
  @SuppressWarnings("unchecked")
  public synchronized <T> T sharedFilter(java.util.List<Object> key, Supplier<T> build) {
    return (T) sharedFilters.computeIfAbsent(key, k -> build.get());
  }

  /**
   * The build side of a broadcast stage's join, built by the first task that asks (in memory, or
   * spilled to shared partition files when it is larger than the query's shared memory).
   */
  public JoinBuild broadcastBuild(int stageId, Supplier<JoinBuild> build) {
    synchronized (broadcasts) {
      JoinBuild t = broadcasts.get(stageId);
      if (t == null) {
        t = build.get();
        broadcasts.put(stageId, t);
      }
      return t;
    }
  }

  /** Cancels the query at a user's request. */
  public void cancel() { cancel(new EmberException(EmberException.QUERY_CANCELED, "query was cancelled")); }

  /**
   * Cancels the query, {@code why} being what its reader is told (the first reason counts): tasks
   * not yet started do not start, running ones are interrupted and stop within a batch or a few
   * thousand rows of a long loop.
   */
  public void cancel(EmberException why) {
    synchronized (threads) {
      if (cancellation == null && failure == null) cancellation = why;
    }
    stopTasks();
  }

  /** Interrupts the running tasks and tells the launchers, so queued tasks end without running. */
  private void stopTasks() {
    threads.interruptAll();
    outputs.close(); // nothing will read them: their memory and spill files go now, not when the reader closes
    List<Runnable> listeners;
    synchronized (onStop) {
      listeners = new ArrayList<>(onStop);
      onStop.clear();
    }
    for (Runnable r : listeners) r.run();
  }

  /**
   * Runs {@code r} once when the query is cancelled or fails (at once if it already was): how a
   * launcher ends tasks still waiting for a thread, so a cancelled query is gone even when the
   * pool is busy with other queries.
   */
  public void onStop(Runnable r) {
    synchronized (onStop) {
      if (!cancelled()) {
        onStop.add(r);
        return;
      }
    }
    r.run();
  }

  /** Whether the query was cancelled or one of its tasks failed: other tasks stop. */
  public boolean cancelled() { return cancellation != null || failure != null; }

  /** Why the query was cancelled (by a user or its time-out), or null if it was not. */
  public EmberException cancellation() { return cancellation; }

  /** Records the first failure and stops the query's other tasks. */
  public void fail(Throwable t) {
    synchronized (threads) {
      if (failure == null && cancellation == null) failure = t;
    }
    stopTasks();
  }

  /** The first task failure (not counting what a cancellation caused), or null. */
  public Throwable failure() { return failure; }

  /** Throws if the query was cancelled or another task failed. */
  public void checkRunning() {
    if (cancellation != null) throw new java.util.concurrent.CancellationException("query " + id + " was cancelled");
    if (failure != null) throw new java.util.concurrent.CancellationException("query " + id + " failed");
  }

  /**
   * The current thread starts a task of this query; false when the query was already cancelled
   * or failed (the task is skipped). Pair with {@link #exitTask()}.
   */
  public boolean enterTask() { return !cancelled() && threads.enter(); }

  /** The current thread's task ended; a cancellation no longer interrupts it. */
  public void exitTask() { threads.exit(); }

  /** Threads running a task of this query right now. */
  public int runningTaskThreads() { return threads.size(); }

  @Override public void close() {
    QueryMemoryLimit limit = QueryMemoryLimit.of(allocator);
    if (limit != null) limit.removeSpillable(outputs);
    outputs.close();
    synchronized (broadcasts) {
      broadcasts.values().forEach(JoinBuild::close);
      broadcasts.clear();
    }
    synchronized (this) {
      if (sharedMemory != null) sharedMemory.close();
      sharedMemory = null;
    }
    if (spillMetrics.files() > 0) LOG.log(System.Logger.Level.INFO, "query " + id + " " + spillMetrics);
  }
}
