package dev.ember.execution.cluster;

import dev.ember.catalyst.errors.EmberException;

/**
 * TEST ONLY ({@code ember.test.slowTask = "stage:partition:millis"}): the first attempt of one
 * task sleeps this long on its executor before it runs, a straggler for speculation tests. Later
 * attempts run at normal speed. The sleep is interruptible, so killing the attempt ends it.
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

  /** Sleeps when {@code task} is the slow one's first attempt. */
  void delay(TaskDescription task) {
    if (task.stageId() != stageId || task.partition() != partition || task.attempt() != 0) return;
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.util.concurrent.CancellationException("task " + task.name() + " was killed while slowed down for a test");
    }
  }
}
