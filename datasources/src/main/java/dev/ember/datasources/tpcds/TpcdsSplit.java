package dev.ember.datasources.tpcds;

import dev.ember.datasources.ScanSplit;

/**
 * Chunk {@code part} (1-based) of {@code partCount} of one generated TPC-DS table at one scale:
 * the generator's own parallel chunking ({@code withParallelism(partCount).withChunkNumber(part)}),
 * so the chunks of a table are disjoint and together hold every row.
 */
public record TpcdsSplit(String table, double scaleFactor, int part, int partCount) implements ScanSplit {
  public TpcdsSplit {
    if (part < 1 || part > partCount) throw new IllegalArgumentException("part " + part + " of " + partCount);
  }

  @Override public String describe() {
    return "tpcds " + table + " sf=" + scaleFactor + " part " + part + "/" + partCount;
  }
}
