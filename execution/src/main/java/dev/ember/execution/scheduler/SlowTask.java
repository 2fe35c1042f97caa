package dev.ember.execution.scheduler;

import dev.ember.catalyst.errors.EmberException;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * TEST ONLY ({@code ember.test.slowTask = "stage:partition:millis"}): the first attempt of one
 * task sleeps this long before it runs, a straggler for speculation tests. Later attempts run at
 * normal speed. The sleep ends early, with a cancellation, when the attempt is killed (its
 * thread interrupted, or {@code stop} true).
 */
public record SlowTask(int stageId, int partition, long millis) implements java.io.Serializable {
  /** Parses {@code "stage:partition:millis"}; null for an empty value. */
  public static SlowTask parse(String value) {
    if (value == null || value.isBlank()) return null;
    String[] parts = value.trim().split(":");
    try {
      if (parts.length == 3) return new SlowTask(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new EmberException(EmberException.DATA_EXCEPTION, "setting ember.test.slowTask must be stage:partition:millis: " + value);
  }

  /** Sleeps when this is the slow task's first attempt. */
  public void delay(int stage, int task, int attempt, BooleanSupplier stop) {
    if (stage != stageId || task != partition || attempt != 0) return;
    long end = System.currentTimeMillis() + millis;
    try {
      for (long left = millis; left > 0; left = end - System.currentTimeMillis()) {
        if (stop.getAsBoolean()) throw new CancellationException("slowed task " + task + " of stage " + stage + " was stopped");
        Thread.sleep(Math.min(left, 20));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("slowed task " + task + " of stage " + stage + " was killed");
    }
  }
}
