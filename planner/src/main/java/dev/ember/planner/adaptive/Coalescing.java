package dev.ember.planner.adaptive;

import dev.ember.planner.physical.PartitionRange;
import java.util.List;

/**
 * How contiguous post-shuffle partitions are grouped into tasks of about a target size: shared
 * by plain coalescing and by the non-skewed partitions around a split skewed one.
 */
final class Coalescing {
  private Coalescing() {}

  /**
   * The target task size for a shuffle of {@code total} bytes: the advisory size, but smaller when
   * the whole shuffle would then run in fewer tasks than can run at once (never below the minimum).
   */
  static long target(AdaptiveConfig config, long total) {
    long spread = (total + config.parallelism() - 1) / config.parallelism();
    return Math.max(config.minPartitionBytes(), Math.min(config.advisoryPartitionBytes(), spread));
  }

  /** Appends to {@code out} the partitions {@code [from, to)} grouped into contiguous ranges of about {@code target} bytes. */
  static void group(long[] bytes, int from, int to, long target, List<PartitionRange> out) {
    if (from >= to) return;
    int start = from;
    long size = 0;
    for (int p = from; p < to; p++) {
      if (p > start && size + bytes[p] > target) {
        out.add(new PartitionRange(start, p));
        start = p;
        size = 0;
      }
      size += bytes[p];
    }
    out.add(new PartitionRange(start, to));
  }
}
