package dev.ember.execution.cluster;

import dev.ember.execution.scheduler.SlowTask;
import dev.ember.execution.scheduler.Speculation;

/**
 * How a query's tasks are scheduled on executors.
 *
 * @param maxFailures a task is tried at most this many times ({@code ember.task.maxFailures})
 * @param speculation when stragglers get a speculative copy ({@code ember.speculation.*})
 * @param localityWaitMillis how long a task waits for its preferred executor (the one holding
 *     most of its input) to have a free core before it goes to any ({@code ember.locality.wait})
 * @param slowTask test only: a task whose first attempt is made slow, or null
 */
public record SchedulingConfig(int maxFailures, Speculation speculation, long localityWaitMillis, SlowTask slowTask) {
  public static final long DEFAULT_LOCALITY_WAIT_MILLIS = 3_000;

  public static SchedulingConfig of(int maxFailures) {
    return new SchedulingConfig(maxFailures, Speculation.DISABLED, DEFAULT_LOCALITY_WAIT_MILLIS, null);
  }

  public SchedulingConfig {
    if (maxFailures < 1) throw new IllegalArgumentException("maxFailures must be at least 1");
    java.util.Objects.requireNonNull(speculation);
    localityWaitMillis = Math.max(0, localityWaitMillis);
  }
}
