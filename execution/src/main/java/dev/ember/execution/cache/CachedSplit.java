package dev.ember.execution.cache;

import dev.ember.datasources.ScanSplit;

/** One block of a cache entry, read by one task. */
record CachedSplit(String table, int block) implements ScanSplit {
  @Override public String describe() { return table + " block " + block; }
}
