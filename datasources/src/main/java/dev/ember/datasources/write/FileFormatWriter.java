package dev.ember.datasources.write;

import org.apache.hadoop.fs.FSDataOutputStream;

/**
 * One format's way of writing files for a job, configured once (options checked, types mapped)
 * when the job begins so a bad option or an unwritable type fails before anything is written.
 */
public interface FileFormatWriter {
  /** The file name suffix, e.g. {@code .snappy.parquet} or {@code .csv}. */
  String extension();

  /**
   * A writer for a new file that writes to {@code out} and closes it when done; {@code file} names
   * the file in error messages.
   */
  FileWriter open(FSDataOutputStream out, String file);
}
