package dev.ember.datasources.write;

import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Writes rows into one output file of one format. The job decides which file and which rows (a
 * partitioned write sends each file only its partition's rows, without the partition columns).
 */
public interface FileWriter extends AutoCloseable {
  /**
   * Appends rows {@code rows[0 .. count-1]} of {@code columns}, which are in the order of the
   * data schema the writer was created for.
   */
  void write(List<FieldVector> columns, int[] rows, int count);

  /** Finishes the file (footer, flush) and releases it; a failure here fails the task. */
  @Override void close();
}
