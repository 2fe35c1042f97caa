package dev.ember.execution.scheduler;

import dev.ember.catalyst.errors.EmberException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * {@code ember.sql.queryTimeout}: cancels a query that runs longer than its time-out, with
 * PostgreSQL's SQLSTATE 57014 and message. One daemon timer thread serves the process; a query
 * that ends in time removes its timer.
 */
public final class QueryTimeouts {
  /** What a query cancelled by its time-out reports. */
  public static final String MESSAGE = "canceling statement due to statement timeout";

  private static final ScheduledThreadPoolExecutor TIMER = new ScheduledThreadPoolExecutor(1, r -> {
    Thread t = new Thread(r, "ember-query-timeout");
    t.setDaemon(true);
    return t;
  });

  static {
    TIMER.setRemoveOnCancelPolicy(true);
  }

  private QueryTimeouts() {}

  /**
   * Cancels {@code query} after {@code seconds} unless {@code done} completes first; no time-out
   * when {@code seconds} is 0 or less.
   */
  public static void schedule(QueryContext query, double seconds, CompletableFuture<?> done) {
    if (seconds <= 0 || done.isDone()) return;
    long nanos = (long) (seconds * 1e9);
    ScheduledFuture<?> timer = TIMER.schedule(
        () -> query.cancel(new EmberException(EmberException.QUERY_CANCELED, MESSAGE)), nanos, TimeUnit.NANOSECONDS);
    done.whenComplete((v, t) -> timer.cancel(false));
  }
}
