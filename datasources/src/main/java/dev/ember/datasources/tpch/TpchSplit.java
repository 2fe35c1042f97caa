package dev.ember.datasources.tpch;

import dev.ember.datasources.ScanSplit;

/** Part {@code part} (1-based) of {@code partCount} of one generated table at one scale. */
public record TpchSplit(String table, double scaleFactor, int part, int partCount) implements ScanSplit {
  public TpchSplit {
    if (part < 1 || part > partCount) throw new IllegalArgumentException("part " + part + " of " + partCount);
  }

  @Override public String describe() {
    return "tpch " + table + " sf=" + scaleFactor + " part " + part + "/" + partCount;
  }
}
