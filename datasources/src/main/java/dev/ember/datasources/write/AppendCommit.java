package dev.ember.datasources.write;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import dev.ember.datasources.fs.CommittedJobs;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Commits an APPEND into an existing directory atomically, through the target's commit log
 * ({@link CommittedJobs}):
 * <ol>
 *   <li>if the target has no log yet, one is created holding a marker for every job whose files
 *       are already there (built aside and renamed into place, so their visibility never
 *       changes);</li>
 *   <li>every staged data file moves to the same relative place under the target (creating
 *       partition directories) — invisible to readers, since its job has no marker yet;</li>
 *   <li>the job's marker is created: one atomic step that makes all of its files visible;</li>
 *   <li>{@code _SUCCESS} is replaced and the staging directory removed.</li>
 * </ol>
 * If anything before step 3 fails, the files already moved are moved back and created
 * directories removed, so the target ends as it was. A crash between steps 2 and 3 leaves
 * invisible files behind (never read; a later overwrite removes them).
 */
final class AppendCommit {
  private final FileSystem fs;
  private final Path staging;
  private final Path target;
  private final Deque<Path[]> moved = new ArrayDeque<>();
  private final Deque<Path> createdDirs = new ArrayDeque<>();
  private Path createdLog;

  AppendCommit(FileSystem fs, Path staging, Path target) {
    this.fs = fs;
    this.staging = staging;
    this.target = target;
  }

  /** Runs the protocol for job {@code jobId}; {@code beforeMarker} runs between steps 2 and 3 (tests). */
  void run(String jobId, Runnable beforeMarker) throws IOException {
    try {
      ensureLog(jobId);
      List<Path> files = new ArrayList<>();
      collect(staging, files);
      for (Path file : files) {
        if (file.getName().equals("_SUCCESS")) continue;
        if (!jobId.equals(CommittedJobs.jobIdOf(file.getName()))) {
          throw new IOException("staged file " + file + " does not carry the job id " + jobId);
        }
        String relative = staging.toUri().relativize(file.toUri()).getPath();
        Path dest = new Path(target, relative);
        if (fs.exists(dest)) throw new IOException("file " + dest + " already exists");
        makeParents(dest.getParent());
        if (!fs.rename(file, dest)) throw new IOException("could not move " + file + " to " + dest);
        moved.push(new Path[] {file, dest});
      }
      beforeMarker.run();
      if (!fs.createNewFile(CommittedJobs.marker(target, jobId))) {
        throw new IOException("commit marker of job " + jobId + " already exists");
      }
    } catch (IOException | RuntimeException e) {
      undo();
      throw e;
    }
    // committed: what follows is tidying up and must not undo the commit
    try {
      fs.delete(new Path(target, "_SUCCESS"), false);
      fs.rename(new Path(staging, "_SUCCESS"), new Path(target, "_SUCCESS"));
      fs.delete(staging, true);
    } catch (IOException e) {
      // a stale _SUCCESS or a hidden staging directory is never read
    }
  }

  /** Step 1: a log whose markers keep every file already in the target visible. */
  private void ensureLog(String jobId) throws IOException {
    Path log = new Path(target, CommittedJobs.LOG_DIR);
    if (fs.exists(log)) return;
    Set<String> existing = new HashSet<>();
    List<Path> files = new ArrayList<>();
    collect(target, files);
    for (Path f : files) {
      String id = CommittedJobs.jobIdOf(f.getName());
      if (id != null) existing.add(id);
    }
    Path aside = new Path(target, "." + CommittedJobs.LOG_DIR + "-" + jobId);
    if (!fs.mkdirs(aside)) throw new IOException("could not create " + aside);
    for (String id : existing) fs.createNewFile(new Path(aside, id));
    if (fs.rename(aside, log)) {
      createdLog = log;
    } else {
      fs.delete(aside, true);
      // another job created the log meanwhile (with the same existing files): use that one
      if (!fs.exists(log)) throw new IOException("could not create the commit log " + log);
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
    if (createdLog != null) {
      try {
        fs.delete(createdLog, true);
      } catch (IOException e) {
        // best effort: a log of already-visible jobs changes nothing for readers
      }
    }
  }
}
