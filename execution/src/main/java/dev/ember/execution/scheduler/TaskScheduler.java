package dev.ember.execution.scheduler;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks on a fixed pool of threads: the executor of local mode ({@code local[N]}: N
 * threads). Shared by all queries of the process.
 */
public final class TaskScheduler implements AutoCloseable {
  private final int parallelism;
  private final ExecutorService pool;

  public TaskScheduler(int parallelism) {
    this.parallelism = parallelism;
    AtomicInteger n = new AtomicInteger();
    ThreadFactory f = r -> {
      Thread t = new Thread(r, "ember-task-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    this.pool = Executors.newFixedThreadPool(parallelism, f);
  }

  public int parallelism() { return parallelism; }

  public ExecutorService pool() { return pool; }

  @Override public void close() { pool.shutdownNow(); }
}
