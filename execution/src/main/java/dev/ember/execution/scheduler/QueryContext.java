package dev.ember.execution.scheduler;

import dev.ember.catalyst.expr.eval.QueryClock;
import dev.ember.codegen.operator.JoinHashTable;
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
  private final QueryClock clock;
  private final int batchSize;
  private final boolean codegen;
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

  public int batchSize() { return batchSize; }

  public boolean codegen() { return codegen; }

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
  }
}
