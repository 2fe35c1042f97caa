package dev.ember.datasources.parquet;

import dev.ember.catalyst.errors.EmberException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Finding and opening Parquet files through Hadoop's FileSystem, so any scheme Hadoop knows
 * ({@code file:}, and others when their jars are present) works. Every failure becomes an
 * {@link EmberException} with SQLSTATE IO_ERROR naming the path.
 */
final class ParquetFiles {
  private static volatile Configuration configuration;

  private ParquetFiles() {}

  /** One shared, read-only Hadoop configuration (loading one is slow). */
  static Configuration configuration() {
    Configuration c = configuration;
    if (c == null) {
      synchronized (ParquetFiles.class) {
        if (configuration == null) configuration = new Configuration();
        c = configuration;
      }
    }
    return c;
  }

  /**
   * The Parquet files at {@code location}: the file itself, or every {@code *.parquet} file under
   * the directory (recursively, in path order), skipping names that start with {@code _} or
   * {@code .} (markers such as {@code _SUCCESS}, checksums, hidden directories).
   */
  static List<FileStatus> list(String location) {
    Path path = new Path(location);
    try {
      FileSystem fs = path.getFileSystem(configuration());
      FileStatus status = fs.getFileStatus(path);
      List<FileStatus> out = new ArrayList<>();
      if (status.isDirectory()) {
        collect(fs, status.getPath(), out);
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

  private static void collect(FileSystem fs, Path dir, List<FileStatus> out) throws IOException {
    FileStatus[] children = fs.listStatus(dir);
    Arrays.sort(children, Comparator.comparing(s -> s.getPath().getName()));
    for (FileStatus child : children) {
      String name = child.getPath().getName();
      if (name.startsWith("_") || name.startsWith(".")) continue;
      if (child.isDirectory()) {
        collect(fs, child.getPath(), out);
      } else if (name.endsWith(".parquet")) {
        out.add(child);
      }
    }
  }

  /** Opens a file for reading its footer and row groups; the caller closes the reader. */
  static ParquetFileReader open(String file) {
    try {
      HadoopInputFile input = HadoopInputFile.fromPath(new Path(file), configuration());
      return ParquetFileReader.open(input, ParquetReadOptions.builder().build());
    } catch (FileNotFoundException e) {
      throw new EmberException(EmberException.IO_ERROR, "Parquet file does not exist: " + file, e);
    } catch (IOException | RuntimeException e) {
      throw readError(file, e);
    }
  }

  static EmberException readError(String file, Exception e) {
    if (e instanceof EmberException ee) return ee;
    if (e instanceof FileNotFoundException) {
      return new EmberException(EmberException.IO_ERROR, "Parquet file does not exist: " + file, e);
    }
    return new EmberException(EmberException.IO_ERROR, "cannot read Parquet file " + file + ": " + e.getMessage(), e);
  }
}
