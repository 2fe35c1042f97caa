package dev.ember.datasources.testing;

import dev.ember.datasources.BatchReader;
import dev.ember.datasources.DataSourceTable;
import dev.ember.datasources.ScanSplit;
import dev.ember.datasources.write.TaskWriter;
import dev.ember.datasources.write.WriteJob;
import dev.ember.datasources.write.WriteSpec;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Writes a readable table through a {@link WriteJob}, one task per split, as the engine would. */
public final class TableCopy {
  private TableCopy() {}

  /** Copies every row of {@code table} (all columns, in order) and commits the job. */
  public static void copy(DataSourceTable table, WriteSpec spec, BufferAllocator allocator,
                          int splits, int batchSize) {
    try (WriteJob job = WriteJob.begin(spec)) {
      int task = 0;
      for (ScanSplit split : table.splits(splits)) {
        try (TaskWriter w = job.newTaskWriter(task++);
             BatchReader reader = table.open(split, table.schema().names(), List.of(), allocator, batchSize)) {
          for (VectorSchemaRoot b = reader.next(); b != null; b = reader.next()) {
            try (VectorSchemaRoot batch = b) {
              w.write(batch);
            }
          }
          w.commit();
        }
      }
      job.commitJob();
    }
  }
}
