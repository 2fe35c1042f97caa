package dev.ember.api;

/** Where a persisted DataFrame's rows are kept (Spark's names; the data is always Arrow batches). */
public enum StorageLevel {
  /** Not cached. */
  NONE,
  /** Compressed batches in memory; evicted ones are recomputed from the plan when next needed. */
  MEMORY_ONLY,
  /** Compressed batches in memory; evicted ones move to a local file. */
  MEMORY_AND_DISK,
  /** Compressed batches in a local file. */
  DISK_ONLY
}
