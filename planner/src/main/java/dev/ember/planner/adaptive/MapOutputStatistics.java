package dev.ember.planner.adaptive;

import java.util.Arrays;

/**
 * The real size of a finished map stage's output, per shuffle partition, summed over its map
 * tasks: what adaptive execution re-plans the stages reading it with.
 *
 * @param rows rows per partition, or null where the shuffle does not count them (cluster mode)
 * @param mapBytes bytes per map task and partition ({@code mapBytes[map][partition]}), or null
 *     when unknown: what a skewed partition is split by
 */
public record MapOutputStatistics(int stageId, long[] bytes, long[] rows, long[][] mapBytes) {
  public MapOutputStatistics(int stageId, long[] bytes, long[] rows) { this(stageId, bytes, rows, null); }

  /** Statistics of per-map-task sizes, the partition sums derived from them. */
  public static MapOutputStatistics ofMaps(int stageId, long[][] mapBytes, long[] rows, int partitions) {
    long[] bytes = new long[partitions];
    for (long[] m : mapBytes) for (int p = 0; p < partitions; p++) bytes[p] += m[p];
    return new MapOutputStatistics(stageId, bytes, rows, mapBytes);
  }

  public int partitions() { return bytes.length; }

  public long totalBytes() { return Arrays.stream(bytes).sum(); }

  /** How many map tasks wrote the output (0 when unknown). */
  public int maps() { return mapBytes == null ? 0 : mapBytes.length; }

  /** Bytes map task {@code map} wrote to {@code partition}. */
  public long mapBytes(int map, int partition) { return mapBytes[map][partition]; }

  @Override public String toString() {
    return "MapOutputStatistics[stage " + stageId + ", bytes " + Arrays.toString(bytes) + "]";
  }
}
