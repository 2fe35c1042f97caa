package dev.ember.datasources.csv;

import dev.ember.datasources.ScanSplit;
import java.util.List;

/** Whole CSV files, read one after another by one task. */
public record CsvSplit(List<String> files) implements ScanSplit {
  public CsvSplit { files = List.copyOf(files); }

  @Override public String describe() { return "csv " + files; }
}
