package dev.ember.planner.physical;

/**
 * The shuffle partitions {@code [start, end)} of an earlier stage that one task reads: adaptive
 * execution coalesces small contiguous partitions into one task ({@link StageInputExec#ranges}).
 */
public record PartitionRange(int start, int end) implements java.io.Serializable {
  public PartitionRange {
    if (start < 0 || end <= start) throw new IllegalArgumentException("empty partition range [" + start + ", " + end + ")");
  }

  public int size() { return end - start; }
}
