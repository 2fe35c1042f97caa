package dev.ember.execution.scheduler;

import java.util.Arrays;

/**
 * When a straggling task gets a speculative copy ({@code ember.speculation.*}, as Spark): once
 * {@code quantile} of a stage's tasks have finished, a task running longer than {@code
 * multiplier} times the median of the finished ones (and at least {@code minRuntimeMillis}) is
 * started a second time elsewhere; the first attempt to finish wins.
 *
 * @param enabled {@code ember.speculation} (false)
 * @param multiplier {@code ember.speculation.multiplier} (1.5)
 * @param quantile {@code ember.speculation.quantile} (0.75)
 * @param minRuntimeMillis {@code ember.speculation.minTaskRuntime} (100 ms)
 */
public record Speculation(boolean enabled, double multiplier, double quantile, long minRuntimeMillis) {
  public static final Speculation DISABLED = new Speculation(false, 1.5, 0.75, 100);

  public Speculation {
    if (!(multiplier > 0)) throw new IllegalArgumentException("speculation multiplier must be positive");
    if (!(quantile >= 0 && quantile <= 1)) throw new IllegalArgumentException("speculation quantile must be in [0, 1]");
  }

  /**
   * How long a task of a stage of {@code tasks} tasks may run before it is copied, given the run
   * times of the tasks that finished; -1 while too few have finished (or speculation is off).
   */
  public long thresholdMillis(long[] finishedMillis, int tasks) {
    if (!enabled || finishedMillis.length == 0) return -1;
    int needed = Math.max(1, (int) Math.floor(quantile * tasks));
    if (finishedMillis.length < needed) return -1;
    long[] sorted = finishedMillis.clone();
    Arrays.sort(sorted);
    long median = sorted[sorted.length / 2];
    return Math.max(minRuntimeMillis, (long) (multiplier * median));
  }
}
