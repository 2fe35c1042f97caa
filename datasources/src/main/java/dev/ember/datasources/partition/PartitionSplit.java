package dev.ember.datasources.partition;

import dev.ember.datasources.ScanSplit;

/**
 * A split of one partition directory's table; {@code first} marks the partition's first split,
 * which alone counts the partition in the {@link dev.ember.datasources.ScanMetrics}.
 */
public record PartitionSplit(int partition, ScanSplit inner, boolean first) implements ScanSplit {
  @Override public String describe() { return "partition " + partition + ": " + inner.describe(); }
}
