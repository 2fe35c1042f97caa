package dev.ember.api;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.Schema;
import dev.ember.execution.scheduler.ProgressTracker;
import dev.ember.execution.scheduler.QueryContext;
import dev.ember.execution.scheduler.QueryMetrics;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The result of a query, streamed as the result stage produces it. A bounded queue between the
 * result tasks and the reader holds back the tasks when the reader is slow. Closing early
 * cancels the query, waits for its tasks to stop, and frees all of its memory.
 */
final class StreamingResult implements QueryResult {
  private static final Object END = new Object();
  /** Put in the queue when the execution ends, to wake a reader waiting for a batch. */
  private static final Object WAKE = new Object();

  private final Schema schema;
  private final QueryContext query;
  private final BufferAllocator allocator;
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(16);
  private final java.util.function.Consumer<StreamingResult> onClose;
  private volatile CompletableFuture<Void> done;
  /** END or the failure, once every task has ended. */
  private volatile Object ended;
  private VectorSchemaRoot current;
  private boolean finished;
  private boolean closed;

  /** @param onClose run once the result is closed and the query's memory freed */
  StreamingResult(Schema schema, QueryContext query, BufferAllocator allocator,
      java.util.function.Consumer<StreamingResult> onClose) {
    this.schema = schema;
    this.query = query;
    this.allocator = allocator;
    this.onClose = onClose;
  }

  /** Where the result stage's tasks put batches (blocks while the queue is full). */
  void offer(VectorSchemaRoot batch) {
    try {
      while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
        if (query.cancelled()) {
          batch.close();
          throw new CancellationException("query " + query.id() + " was cancelled");
        }
      }
    } catch (InterruptedException e) {
      batch.close();
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted");
    }
  }

  private java.util.function.Supplier<String> plan = () -> "";

  /** Starts reading the batches of {@code execution}; {@code plan} renders its executed plan. */
  void start(CompletableFuture<Void> execution, java.util.function.Supplier<String> plan) {
    this.plan = plan;
    start(execution);
  }

  @Override public String executedPlan() { return plan.get(); }

  /**
   * Watches the execution: when every task has ended, its outcome becomes the end of the stream.
   * Never blocks the thread completing the execution (a task thread, or whoever cancelled it).
   */
  void start(CompletableFuture<Void> execution) {
    this.done = execution;
    execution.whenComplete((v, t) -> {
      ended = t == null ? END : t;
      queue.offer(WAKE); // wakes a waiting reader; when the queue is full the reader is not waiting
    });
  }

  @Override public Schema schema() { return schema; }

  @Override public boolean hasRows() { return true; }

  @Override public long rowsRead() { return query.rowsRead().get() + query.metrics().executorRowsRead(); }

  @Override public long rowsDroppedByRuntimeFilters() { return query.rowsDroppedByBloomFilters().get(); }

  @Override public long bytesSpilled() { return query.spillMetrics().bytes() + query.metrics().executorBytesSpilled(); }

  @Override public long rowsSpilled() { return query.spillMetrics().rows() + query.metrics().executorRowsSpilled(); }

  @Override public long bytesShuffled() { return query.metrics().bytesShuffled(); }

  @Override public long bytesFetchedRemotely() { return query.metrics().bytesFetchedRemotely(); }

  @Override public long peakMemory() {
    return Math.max(allocator.getPeakMemoryAllocation(), query.metrics().executorPeakMemory());
  }

  /** The query's metrics, one per line (EXPLAIN ANALYZE). */
  String metricsText() {
    return QueryMetrics.describe(bytesShuffled(), bytesFetchedRemotely(), bytesSpilled(),
        rowsSpilled(), peakMemory(), query.metrics().executorCount());
  }

  @Override public long shuffleBytesSpilled() { return query.spillMetrics().shuffleBytes(); }

  @Override public QueryProgress progress() {
    ProgressTracker p = query.progress();
    return new QueryProgress(p.stagesTotal(), p.stagesStarted(), p.stagesDone(), p.tasksTotal(), p.tasksRunning(),
        p.tasksDone(), p.rowsOut(), p.rowsToScan(), query.rowsRead().get());
  }

  @Override public VectorSchemaRoot nextBatch() {
    if (current != null) {
      current.close();
      current = null;
    }
    if (finished) return null;
    if (query.cancellation() != null) {
      finished = true; // batches still queued are not handed out after a cancellation
      throw error(query.cancellation());
    }
    Object item = next();
    if (item == END) {
      finished = true;
      return null;
    }
    if (item instanceof Throwable t) {
      finished = true;
      throw error(t);
    }
    current = (VectorSchemaRoot) item;
    return current;
  }

  /** The next batch, or the end (END or the failure) once every task has ended and every batch was read. */
  private Object next() {
    try {
      while (true) {
        Object item = queue.poll(50, TimeUnit.MILLISECONDS);
        if (item != null && item != WAKE) return item;
        if (query.cancellation() != null) return query.cancellation(); // do not wait for the tasks to stop
        Object end = ended;
        if (end != null) {
          // every batch was queued before the end was known: one may have come after the poll above
          Object last = queue.poll();
          while (last == WAKE) last = queue.poll();
          return last != null ? last : end;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmberException(EmberException.QUERY_CANCELED, "query was cancelled (interrupted while waiting for results)");
    }
  }

  @Override public void cancel() {
    CompletableFuture<Void> d = done;
    if (d == null || !d.isDone()) query.cancel();
  }

  /**
   * What the reader is told when the query ended with {@code t}: why it was cancelled, if it was
   * (the tasks' own errors are then only consequences), else the first task's failure (other
   * tasks were stopped because of it).
   */
  private RuntimeException error(Throwable t) {
    EmberException why = query.cancellation();
    if (why != null) return new EmberException(why.sqlState(), why.getMessage(), t == why ? null : t);
    Throwable first = query.failure();
    return translate(first != null && !(first instanceof CancellationException) ? first : t);
  }

  /** The user-facing form of a failure inside the query. */
  static RuntimeException translate(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
      c = c.getCause();
    }
    if (c instanceof EmberException e) return e;
    if (c instanceof CancellationException) return new EmberException(EmberException.QUERY_CANCELED, "query was cancelled");
    if (c instanceof org.apache.arrow.memory.OutOfMemoryException) {
      return new EmberException(EmberException.OUT_OF_MEMORY, "out of memory: " + c.getMessage(), c);
    }
    return new EmberException(EmberException.INTERNAL_ERROR, "internal error: " + c, c);
  }

  @Override public void close() {
    if (closed) return;
    closed = true;
    if (current != null) {
      current.close();
      current = null;
    }
    if (!finished || !done.isDone()) query.cancel();
    try {
      while (!done.isDone()) {
        drain();
        try {
          done.get(50, TimeUnit.MILLISECONDS);
        } catch (Exception ignored) {
          // failure or time-out: keep draining until the tasks have stopped
        }
      }
    } finally {
      try {
        drain();
        query.close();
        allocator.close();
      } finally {
        onClose.accept(this);
      }
    }
  }

  private void drain() {
    Object o;
    while ((o = queue.poll()) != null) {
      if (o instanceof VectorSchemaRoot b) b.close();
    }
  }
}
