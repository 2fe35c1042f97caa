package dev.ember.datasources.write;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Commits an APPEND into an existing directory: moves every staged file to the same relative
 * place under the target (creating partition directories), replacing only {@code _SUCCESS}. If a
 * move fails, the files already moved are moved back and created directories removed, so the
 * target ends as it was.
 */
final class AppendCommit {
  private final FileSystem fs;
  private final Path staging;
  private final Path target;
  private final Deque<Path[]> moved = new ArrayDeque<>();
  private final Deque<Path> createdDirs = new ArrayDeque<>();

  AppendCommit(FileSystem fs, Path staging, Path target) {
    this.fs = fs;
    this.staging = staging;
    this.target = target;
  }

  void run() throws IOException {
    try {
      List<Path> files = new ArrayList<>();
      collect(staging, files);
      // _SUCCESS last: the old marker is replaced only once every data file is in place.
      files.sort((a, b) -> Boolean.compare(a.getName().equals("_SUCCESS"), b.getName().equals("_SUCCESS")));
      for (Path file : files) {
        String relative = staging.toUri().relativize(file.toUri()).getPath();
        Path dest = new Path(target, relative);
        if (file.getName().equals("_SUCCESS")) {
          fs.delete(dest, false);
        } else if (fs.exists(dest)) {
          throw new IOException("file " + dest + " already exists");
        }
        makeParents(dest.getParent());
        if (!fs.rename(file, dest)) throw new IOException("could not move " + file + " to " + dest);
        moved.push(new Path[] {file, dest});
      }
      fs.delete(staging, true);
    } catch (IOException | RuntimeException e) {
      undo();
      throw e;
    }
  }

  private void collect(Path dir, List<Path> out) throws IOException {
    for (FileStatus s : fs.listStatus(dir)) {
      if (s.isDirectory()) {
        collect(s.getPath(), out);
      } else {
        out.add(s.getPath());
      }
    }
  }

  private void makeParents(Path dir) throws IOException {
    Deque<Path> missing = new ArrayDeque<>();
    for (Path p = dir; p != null && !fs.exists(p); p = p.getParent()) missing.push(p);
    while (!missing.isEmpty()) {
      Path p = missing.pop();
      if (!fs.mkdirs(p)) throw new IOException("could not create " + p);
      createdDirs.push(p);
    }
  }

  private void undo() {
    while (!moved.isEmpty()) {
      Path[] m = moved.pop();
      try {
        fs.rename(m[1], m[0]);
      } catch (IOException e) {
        // best effort: keep undoing the others
      }
    }
    while (!createdDirs.isEmpty()) {
      try {
        fs.delete(createdDirs.pop(), false);
      } catch (IOException e) {
        // best effort
      }
    }
  }
}
