package dev.ember.api;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.Schema;
import dev.ember.execution.scheduler.ProgressTracker;
import dev.ember.execution.scheduler.QueryContext;
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

  private final Schema schema;
  private final QueryContext query;
  private final BufferAllocator allocator;
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(16);
  private CompletableFuture<Void> done;
  private VectorSchemaRoot current;
  private boolean finished;
  private boolean closed;

  StreamingResult(Schema schema, QueryContext query, BufferAllocator allocator) {
    this.schema = schema;
    this.query = query;
    this.allocator = allocator;
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

  void start(CompletableFuture<Void> execution) {
    this.done = execution;
    execution.whenComplete((v, t) -> {
      Object marker = t == null ? END : t;
      while (true) {
        try {
          if (queue.offer(marker, 100, TimeUnit.MILLISECONDS) || closed) return;
        } catch (InterruptedException e) {
          return;
        }
      }
    });
  }

  @Override public Schema schema() { return schema; }

  @Override public boolean hasRows() { return true; }

  @Override public long rowsRead() { return query.rowsRead().get(); }

  @Override public long bytesSpilled() { return query.spillMetrics().bytes(); }

  @Override public long rowsSpilled() { return query.spillMetrics().rows(); }

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
    Object item;
    try {
      item = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmberException(EmberException.QUERY_CANCELED, "query was cancelled (interrupted while waiting for results)");
    }
    if (item == END) {
      finished = true;
      return null;
    }
    if (item instanceof Throwable t) {
      finished = true;
      // A task that stopped because another failed reports a cancellation: report the failure itself.
      Throwable cause = query.failure();
      throw translate(cause != null && !(cause instanceof CancellationException) ? cause : t);
    }
    current = (VectorSchemaRoot) item;
    return current;
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
      drain();
      query.close();
      allocator.close();
    }
  }

  private void drain() {
    Object o;
    while ((o = queue.poll()) != null) {
      if (o instanceof VectorSchemaRoot b) b.close();
    }
  }
}
