package dev.ember.execution.scheduler;

import dev.ember.catalyst.expr.eval.QueryClock;
import dev.ember.codegen.operator.JoinHashTable;
import dev.ember.execution.memory.MemoryManager;
import dev.ember.execution.memory.SpillMetrics;
import dev.ember.execution.memory.TaskMemory;
import dev.ember.execution.shuffle.StageOutputs;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What all tasks of one query share: its memory, its stage outputs, the broadcast join tables
 * (each built once), its clock and settings, and whether it was cancelled.
 */
public final class QueryContext implements AutoCloseable {
  private final String id;
  private final BufferAllocator allocator;
  private final StageOutputs outputs = new StageOutputs();
  private final ProgressTracker progress = new ProgressTracker();
  private final java.util.concurrent.atomic.AtomicLong rowsRead = new java.util.concurrent.atomic.AtomicLong();
  private final Map<Integer, JoinHashTable> broadcasts = new HashMap<>();
  private final SpillMetrics spillMetrics = new SpillMetrics();
  private TaskMemory sharedMemory;
  private final QueryClock clock;
  private final int batchSize;
  private final boolean codegen;
  private volatile boolean runtimeFilters = true;
  private volatile long bloomMaxBuildRows = 1_000_000;
  private final java.util.concurrent.atomic.AtomicLong rowsDroppedByBloomFilters = new java.util.concurrent.atomic.AtomicLong();
  private final Map<java.util.List<Object>, Object> sharedFilters = new HashMap<>();
  private volatile Throwable failure;
  private volatile boolean cancelled;

  public QueryContext(String id, BufferAllocator allocator, QueryClock clock, int batchSize, boolean codegen) {
    this.id = id;
    this.allocator = allocator;
    this.clock = clock;
    this.batchSize = batchSize;
    this.codegen = codegen;
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

  /** The join table of a broadcast stage, built by the first task that asks. */
  public JoinHashTable broadcastTable(int stageId, Supplier<JoinHashTable> build) {
    synchronized (broadcasts) {
      JoinHashTable t = broadcasts.get(stageId);
      if (t == null) {
        t = build.get();
        broadcasts.put(stageId, t);
      }
      return t;
    }
  }

  public void cancel() { cancelled = true; }

  public boolean cancelled() { return cancelled || failure != null; }

  /** Records the first failure; later tasks stop early. */
  public void fail(Throwable t) {
    if (failure == null) failure = t;
  }

  public Throwable failure() { return failure; }

  /** Throws if the query was cancelled or another task failed. */
  public void checkRunning() {
    if (cancelled) throw new java.util.concurrent.CancellationException("query " + id + " was cancelled");
    if (failure != null) throw new java.util.concurrent.CancellationException("query " + id + " failed");
  }

  @Override public void close() {
    outputs.close();
    synchronized (broadcasts) {
      broadcasts.values().forEach(JoinHashTable::close);
      broadcasts.clear();
    }
    synchronized (this) {
      if (sharedMemory != null) sharedMemory.close();
      sharedMemory = null;
    }
  }
}
