package dev.ember.datasources.fs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The commit log of a directory Ember writes to: an empty marker file
 * {@code <table>/_ember_jobs/<job id>} per committed write job. A data file whose name carries an
 * Ember job id ({@code part-NNNNN-<job id>.c000.<ext>}) is visible only if its job's marker
 * exists; files of other writers (no job id in the name) are always visible, and so is every
 * file of a directory that has no {@code _ember_jobs} at all (written before the log existed, or
 * by new-target and overwrite commits, which rename whole directories and need no log).
 *
 * <p>Creating one marker is atomic, so an append's files, moved into place before its marker is
 * created, become visible together. Readers read the log <em>before</em> listing files: a file
 * moved in after that is either of a job not yet committed (hidden) or of one that committed
 * during the listing (hidden too, as if the listing had been a moment earlier).
 */
public final class CommittedJobs {
  /** The log directory under a table's root; hidden from readers by its leading underscore. */
  public static final String LOG_DIR = "_ember_jobs";

  private static final Pattern JOB_FILE = Pattern.compile(
      "part-\\d+-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\..*");

  private final Set<String> ids;

  private CommittedJobs(Set<String> ids) { this.ids = ids; }

  /** The job id in an Ember data file's name, or null for a file named otherwise. */
  public static String jobIdOf(String fileName) {
    Matcher m = JOB_FILE.matcher(fileName);
    return m.matches() ? m.group(1) : null;
  }

  /**
   * The table root of {@code dir}: itself, or its first ancestor that is not a {@code k=v}
   * partition directory.
   */
  public static Path tableRoot(Path dir) {
    Path p = dir;
    while (p.getParent() != null && p.getName().indexOf('=') > 0) p = p.getParent();
    return p;
  }

  /** Reads the log of the table whose root is {@code root} (all files visible without one). */
  public static CommittedJobs read(FileSystem fs, Path root) throws IOException {
    FileStatus[] markers;
    try {
      markers = fs.listStatus(new Path(root, LOG_DIR));
    } catch (FileNotFoundException e) {
      return new CommittedJobs(null);
    }
    Set<String> ids = new HashSet<>();
    for (FileStatus m : markers) ids.add(m.getPath().getName());
    return new CommittedJobs(ids);
  }

  /**
   * The committed jobs under {@code location} (a table root) right now, or null when it has no
   * log: readers that list a table in several steps compare two of these to know whether a job
   * committed in between.
   */
  public static Set<String> snapshot(String location) {
    Path root = new Path(location);
    try {
      CommittedJobs jobs = read(root.getFileSystem(HadoopFiles.configuration()), root);
      return jobs.ids == null ? null : Set.copyOf(jobs.ids);
    } catch (IOException e) {
      throw new dev.ember.catalyst.errors.EmberException(dev.ember.catalyst.errors.EmberException.IO_ERROR,
          "cannot list " + location + ": " + e.getMessage(), e);
    }
  }

  /** Whether a data file of this name is part of the table. */
  public boolean visible(String fileName) {
    if (ids == null) return true;
    String job = jobIdOf(fileName);
    return job == null || ids.contains(job);
  }

  /** The marker that makes {@code jobId}'s files visible under {@code root}. */
  public static Path marker(Path root, String jobId) { return new Path(new Path(root, LOG_DIR), jobId); }
}
