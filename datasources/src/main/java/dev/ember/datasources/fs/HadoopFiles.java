package dev.ember.datasources.fs;

import dev.ember.catalyst.errors.EmberException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Finding and opening files through Hadoop's FileSystem, so every file source accepts any scheme
 * Hadoop knows ({@code file:} and plain local paths, and others when their jars are present).
 * Failures become {@link EmberException}s with SQLSTATE IO_ERROR naming the path.
 */
public final class HadoopFiles {
  /**
   * SQLSTATE for a file whose contents cannot be decoded (corrupt or truncated): PostgreSQL's
   * data_corrupted. A file that is missing or unreadable is IO_ERROR (58030) instead.
   */
  public static final String DATA_CORRUPTED = "XX001";

  private static volatile Configuration configuration;

  private HadoopFiles() {}

  /** One shared, read-only Hadoop configuration (creating one is slow). */
  public static Configuration configuration() {
    Configuration c = configuration;
    if (c == null) {
      synchronized (HadoopFiles.class) {
        if (configuration == null) configuration = new Configuration();
        c = configuration;
      }
    }
    return c;
  }

  /** True for names data sources never read: {@code _SUCCESS}, {@code _temporary}, {@code .crc}, … */
  public static boolean isHidden(String name) {
    return name.startsWith("_") || name.startsWith(".");
  }

  /**
   * The files at {@code location}: the file itself, or every file under the directory whose name
   * {@code accept}s (recursively, in path order), skipping hidden names (see {@link #isHidden}) and
   * the files of write jobs that have not committed ({@link CommittedJobs}).
   */
  public static List<FileStatus> list(String location, Predicate<String> accept) {
    Path path = new Path(location);
    try {
      FileSystem fs = path.getFileSystem(configuration());
      FileStatus status = fs.getFileStatus(path);
      List<FileStatus> out = new ArrayList<>();
      if (status.isDirectory()) {
        // the commit log first: files of jobs committing while we list stay hidden
        CommittedJobs jobs = CommittedJobs.read(fs, CommittedJobs.tableRoot(status.getPath()));
        collect(fs, status.getPath(), n -> jobs.visible(n) && accept.test(n), out);
      } else {
        out.add(status);
      }
      return out;
    } catch (FileNotFoundException e) {
      throw new EmberException(EmberException.IO_ERROR, "path does not exist: " + location, e);
    } catch (IOException | RuntimeException e) {
      throw new EmberException(EmberException.IO_ERROR, "cannot list " + location + ": " + e.getMessage(), e);
    }
  }

  private static void collect(FileSystem fs, Path dir, Predicate<String> accept, List<FileStatus> out)
      throws IOException {
    FileStatus[] children = fs.listStatus(dir);
    Arrays.sort(children, Comparator.comparing(s -> s.getPath().getName()));
    for (FileStatus child : children) {
      String name = child.getPath().getName();
      if (isHidden(name)) continue;
      if (child.isDirectory()) {
        collect(fs, child.getPath(), accept, out);
      } else if (accept.test(name)) {
        out.add(child);
      }
    }
  }

  /** Opens {@code file} for reading; the caller closes the stream. */
  public static InputStream open(String file) {
    Path path = new Path(file);
    try {
      return path.getFileSystem(configuration()).open(path);
    } catch (IOException | RuntimeException e) {
      throw readError(file, e);
    }
  }

  /** The IO_ERROR for a failure to read {@code file}. */
  public static EmberException readError(String file, Exception e) {
    if (e instanceof EmberException ee) return ee;
    if (e instanceof FileNotFoundException) {
      return new EmberException(EmberException.IO_ERROR, "file does not exist: " + file, e);
    }
    return new EmberException(EmberException.IO_ERROR, "cannot read " + file + ": " + e.getMessage(), e);
  }
}
