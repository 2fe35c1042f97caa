package dev.ember.planner.physical;

/**
 * The shuffle partitions {@code [start, end)} of an earlier stage that one task reads: adaptive
 * execution coalesces small contiguous partitions into one task ({@link StageInputExec#ranges}),
 * and splits a skewed join partition into several tasks, each reading the blocks of only the map
 * tasks {@code [mapStart, mapEnd)} of that one partition (Spark's partial reducer partition).
 *
 * @param mapEnd {@link #ALL_MAPS} (and {@code mapStart} 0): every map task's block
 */
public record PartitionRange(int start, int end, int mapStart, int mapEnd) implements java.io.Serializable {
  /** {@code mapEnd} of a range that reads the blocks of every map task. */
  public static final int ALL_MAPS = -1;

  public PartitionRange {
    if (start < 0 || end <= start) throw new IllegalArgumentException("empty partition range [" + start + ", " + end + ")");
    if (mapEnd != ALL_MAPS && (end != start + 1 || mapStart < 0 || mapEnd <= mapStart)) {
      throw new IllegalArgumentException("bad map range [" + mapStart + ", " + mapEnd + ") of partitions [" + start + ", " + end + ")");
    }
  }

  /** Every map task's blocks of the partitions {@code [start, end)}. */
  public PartitionRange(int start, int end) { this(start, end, 0, ALL_MAPS); }

  /** The blocks of map tasks {@code [mapStart, mapEnd)} of one partition: a split of a skewed partition. */
  public static PartitionRange split(int partition, int mapStart, int mapEnd) {
    return new PartitionRange(partition, partition + 1, mapStart, mapEnd);
  }

  public int size() { return end - start; }

  /** True when only some map tasks' blocks are read (a split of a skewed partition). */
  public boolean partial() { return mapEnd != ALL_MAPS; }

  /** Whether this range reads map task {@code map}'s blocks. */
  public boolean readsMap(int map) { return !partial() || (map >= mapStart && map < mapEnd); }
}
