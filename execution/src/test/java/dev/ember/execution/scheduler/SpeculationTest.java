package dev.ember.execution.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpeculationTest {
  private final Speculation on = new Speculation(true, 1.5, 0.75, 100);

  @Test void noThresholdUntilTheQuantileOfTasksFinished() {
    assertEquals(-1, on.thresholdMillis(new long[] {1000, 1000}, 4)); // 2 of 4 < 75%
    assertEquals(1500, on.thresholdMillis(new long[] {1000, 900, 1100}, 4));
  }

  @Test void theThresholdIsTheMultiplierTimesTheMedianButAtLeastTheMinimum() {
    assertEquals(300, on.thresholdMillis(new long[] {10, 200, 5000}, 4)); // median 200
    assertEquals(100, on.thresholdMillis(new long[] {1, 2, 3}, 4));
    assertEquals(-1, Speculation.DISABLED.thresholdMillis(new long[] {1000, 1000, 1000, 1000}, 4));
    assertEquals(150, on.thresholdMillis(new long[] {100}, 1)); // one task stage: quantile rounds to one
  }
}
