package dev.ember.datasources.parquet;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.datasources.fs.HadoopFiles;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/** Listing and opening Parquet files; every failure is an IO_ERROR naming the path. */
final class ParquetFiles {
  private ParquetFiles() {}

  /** The file at {@code location}, or every {@code *.parquet} file under the directory. */
  static List<FileStatus> list(String location) {
    return HadoopFiles.list(location, name -> name.endsWith(".parquet"));
  }

  /** Opens a file for reading its footer and row groups; the caller closes the reader. */
  static ParquetFileReader open(String file) {
    try {
      HadoopInputFile input = HadoopInputFile.fromPath(new Path(file), HadoopFiles.configuration());
      return ParquetFileReader.open(input, ParquetReadOptions.builder().build());
    } catch (IOException | RuntimeException e) {
      throw readError(file, e);
    }
  }

  /**
   * The error for a failure reading {@code file}: missing or inaccessible files are IO_ERROR;
   * anything else Parquet-MR reports (bad magic, a footer or page that does not decode, a file
   * ending early) means the contents are corrupt or truncated: {@link HadoopFiles#DATA_CORRUPTED}.
   */
  static EmberException readError(String file, Exception e) {
    if (e instanceof EmberException ee) return ee;
    if (e instanceof FileNotFoundException) {
      return new EmberException(EmberException.IO_ERROR, "Parquet file does not exist: " + file, e);
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return new EmberException(EmberException.IO_ERROR, "cannot read Parquet file " + file + ": " + e.getMessage(), e);
    }
    return new EmberException(HadoopFiles.DATA_CORRUPTED,
        "Parquet file " + file + " is corrupt or truncated: " + e.getMessage(), e);
  }
}
