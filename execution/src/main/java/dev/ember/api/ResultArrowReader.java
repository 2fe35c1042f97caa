package dev.ember.api;

import dev.ember.datasources.arrow.ArrowTypes;
import dev.ember.execution.memory.MemoryManager;
import java.io.IOException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A query result as an Arrow stream: each batch's buffers are handed to the reader's root without
 * copying (they are reference-counted), so Arrow-native consumers read Ember's vectors directly.
 * Closing the reader stops the query if it is still running and frees everything.
 */
final class ResultArrowReader extends ArrowReader {
  private final QueryResult result;
  private final BufferAllocator allocator;

  ResultArrowReader(QueryResult result) {
    this(result, MemoryManager.root().newChildAllocator("arrow-reader", 0, Long.MAX_VALUE));
  }

  private ResultArrowReader(QueryResult result, BufferAllocator allocator) {
    super(allocator);
    this.result = result;
    this.allocator = allocator;
  }

  @Override public boolean loadNextBatch() throws IOException {
    prepareLoadNextBatch();
    VectorSchemaRoot batch = result.nextBatch();
    if (batch == null) return false;
    try (ArrowRecordBatch rb = new VectorUnloader(batch).getRecordBatch()) {
      new VectorLoader(getVectorSchemaRoot()).load(rb);
    }
    return true;
  }

  @Override public long bytesRead() { return 0; }

  @Override protected void closeReadSource() throws IOException {
    result.close();
  }

  @Override public void close() throws IOException {
    try {
      super.close();
    } finally {
      allocator.close();
    }
  }

  @Override protected Schema readSchema() { return ArrowTypes.arrowSchema(result.schema()); }
}
