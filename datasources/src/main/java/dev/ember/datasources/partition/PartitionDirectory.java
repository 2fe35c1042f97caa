package dev.ember.datasources.partition;

import java.util.List;

/**
 * One leaf directory of a Hive-style layout: its path, its partition values (boxed Ember values of
 * the partition columns, null for {@code __HIVE_DEFAULT_PARTITION__}) and how many data files it
 * holds.
 */
public record PartitionDirectory(String path, List<Object> values, int fileCount) {
  public PartitionDirectory { values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values)); }
}
