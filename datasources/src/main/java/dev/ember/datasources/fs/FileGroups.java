package dev.ember.datasources.fs;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;

/** How file-based sources without internal splits (CSV, JSON) cut their files into scan splits. */
public final class FileGroups {
  private FileGroups() {}

  /**
   * Runs of whole files of about equal total size, at most {@code targetSplits} runs and at least
   * one (possibly empty, so an empty directory still scans), each a list of file paths.
   */
  public static List<List<String>> bySize(List<FileStatus> files, int targetSplits) {
    long total = Math.max(1, files.stream().mapToLong(FileStatus::getLen).sum());
    long target = Math.max(1, total / Math.max(1, targetSplits));
    List<List<String>> out = new ArrayList<>();
    List<String> current = new ArrayList<>();
    long bytes = 0;
    for (FileStatus f : files) {
      current.add(f.getPath().toString());
      bytes += f.getLen();
      if (bytes >= target && out.size() < targetSplits - 1) {
        out.add(current);
        current = new ArrayList<>();
        bytes = 0;
      }
    }
    if (!current.isEmpty() || out.isEmpty()) out.add(current);
    return out;
  }
}
