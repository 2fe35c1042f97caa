package dev.ember.execution.cache;

/** Where a cache entry's compressed batches live. */
public enum CacheLevel {
  /** In memory; evicted data is dropped and recomputed from the plan on next use. */
  MEMORY_ONLY,
  /** In memory; evicted data is written to a local file and read from there. */
  MEMORY_AND_DISK,
  /** In a local file from the start. */
  DISK_ONLY;

  boolean spills() { return this != MEMORY_ONLY; }
}
