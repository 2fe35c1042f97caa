package dev.ember.datasources.parquet;

import dev.ember.datasources.ScanSplit;
import java.util.List;
import java.util.stream.Collectors;

/** Consecutive row groups of one or more Parquet files: the unit a task reads. */
public record ParquetSplit(List<Chunk> chunks) implements ScanSplit {
  public ParquetSplit { chunks = List.copyOf(chunks); }

  /** Row groups {@code first} .. {@code first + count - 1} of {@code file}. */
  public record Chunk(String file, int firstRowGroup, int rowGroupCount) implements java.io.Serializable {}

  @Override public String describe() {
    return chunks.stream()
        .map(c -> c.file() + " row groups " + c.firstRowGroup() + ".." + (c.firstRowGroup() + c.rowGroupCount() - 1))
        .collect(Collectors.joining(", ", "parquet [", "]"));
  }
}
