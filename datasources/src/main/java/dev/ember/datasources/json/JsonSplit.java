package dev.ember.datasources.json;

import dev.ember.datasources.ScanSplit;
import java.util.List;

/** Whole JSON files, read one after another by one task. */
public record JsonSplit(List<String> files) implements ScanSplit {
  public JsonSplit { files = List.copyOf(files); }

  @Override public String describe() { return "json " + files; }
}
