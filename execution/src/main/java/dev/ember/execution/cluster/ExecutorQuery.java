package dev.ember.execution.cluster;

import dev.ember.execution.memory.MemoryManager;
import dev.ember.execution.scheduler.ExecutorMetrics;
import dev.ember.execution.scheduler.QueryContext;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the tasks of one query share on one executor: its memory and its broadcast tables (so a
 * broadcast is fetched and built once per executor, not once per task). Closed when the driver
 * says the query is done and its last running task here has ended.
 */
final class ExecutorQuery {
  private final QueryContext context;
  /** Shuffle bytes the query's tasks here fetched from other executors. */
  private final AtomicLong remoteBytes = new AtomicLong();
  private int running;
  private boolean done;

  ExecutorQuery(String queryId, String executorId, TaskSettings settings) {
    ExecutorSettings.apply(settings.processSettings(), executorId);
    this.context = new QueryContext(queryId, MemoryManager.newQueryAllocator(queryId + "@" + executorId),
        settings.clock(), settings.batchSize(), settings.codegen());
    context.setRuntimeFilters(settings.runtimeFilters());
    context.setBloomMaxBuildRows(settings.bloomMaxBuildRows());
  }

  QueryContext context() { return context; }

  AtomicLong remoteBytes() { return remoteBytes; }

  /** The query's metrics on this executor so far (sent with each task result). */
  ExecutorMetrics metrics() {
    return new ExecutorMetrics(remoteBytes.get(), context.spillMetrics().bytes(), context.spillMetrics().rows(),
        context.allocator().getPeakMemoryAllocation(), context.rowsRead().get());
  }

  /** Registers a task; false when the query already ended (the task must not run). */
  synchronized boolean enter() {
    if (done) return false;
    running++;
    return true;
  }

  synchronized void exit() {
    if (--running == 0 && done) close();
  }

  /** The driver ended the query: running tasks stop at their next check; memory goes when they have. */
  synchronized void end() {
    if (done) return;
    done = true;
    context.cancel();
    if (running == 0) close();
  }

  private void close() {
    context.close();
    context.allocator().close();
  }
}
