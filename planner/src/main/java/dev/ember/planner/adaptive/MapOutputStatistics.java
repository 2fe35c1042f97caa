package dev.ember.planner.adaptive;

import java.util.Arrays;

/**
 * The real size of a finished map stage's output, per shuffle partition, summed over its map
 * tasks: what adaptive execution re-plans the stages reading it with.
 *
 * @param rows rows per partition, or null where the shuffle does not count them (cluster mode)
 */
public record MapOutputStatistics(int stageId, long[] bytes, long[] rows) {
  public int partitions() { return bytes.length; }

  public long totalBytes() { return Arrays.stream(bytes).sum(); }

  @Override public String toString() {
    return "MapOutputStatistics[stage " + stageId + ", bytes " + Arrays.toString(bytes) + "]";
  }
}
