package dev.ember.bench;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one engine run on a worker thread with a time limit. On time-out the worker is
 * interrupted (Ember cancels its query then) and given {@link #GRACE_SECONDS} to stop; a worker
 * that does not stop is abandoned (it is a daemon thread) and the next call gets a new one, so a
 * stuck query cannot hang the benchmark.
 */
final class TimedCall implements AutoCloseable {
  static final int GRACE_SECONDS = 30;

  /** What one run gave: its answer and wall time, or why it has none. */
  record Outcome(Answer answer, double millis, Throwable error, boolean timedOut) {
    boolean ok() { return answer != null; }
  }

  private ExecutorService worker = newWorker();

  Outcome run(Callable<Answer> run, int timeoutSeconds) {
    Future<Outcome> future = worker.submit(() -> {
      long start = System.nanoTime();
      Answer answer = run.call();
      return new Outcome(answer, (System.nanoTime() - start) / 1e6, null, false);
    });
    try {
      return future.get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return new Outcome(null, Double.NaN, e.getCause(), false);
    } catch (TimeoutException e) {
      future.cancel(true);
      stopWorker();
      return new Outcome(null, Double.NaN, null, true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      return new Outcome(null, Double.NaN, e, false);
    }
  }

  private void stopWorker() {
    worker.shutdownNow();
    try {
      if (!worker.awaitTermination(GRACE_SECONDS, TimeUnit.SECONDS)) {
        System.err.println("a timed-out run did not stop within " + GRACE_SECONDS + " s; abandoning its thread");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    worker = newWorker();
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "bench-run");
      t.setDaemon(true);
      return t;
    });
  }

  @Override public void close() { worker.shutdownNow(); }
}
