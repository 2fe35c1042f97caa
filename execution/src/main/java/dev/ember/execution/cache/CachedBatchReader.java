package dev.ember.execution.cache;

import dev.ember.datasources.BatchReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.util.TransferPair;

/** Decompresses one cached block and hands out its batches, narrowed to the wanted columns. */
final class CachedBatchReader implements BatchReader {
  private final ArrowStreamReader reader;
  private final int[] columns;
  private final BufferAllocator allocator;

  CachedBatchReader(byte[] block, int[] columns, BufferAllocator allocator) {
    this.reader = BlockCodec.decode(block, allocator);
    this.columns = columns;
    this.allocator = allocator;
  }

  @Override public VectorSchemaRoot next() {
    try {
      if (!reader.loadNextBatch()) return null;
      VectorSchemaRoot in = reader.getVectorSchemaRoot();
      List<FieldVector> out = new ArrayList<>(columns.length);
      for (int c : columns) {
        TransferPair tp = in.getVector(c).getTransferPair(allocator);
        tp.transfer();
        out.add((FieldVector) tp.getTo());
      }
      VectorSchemaRoot batch = new VectorSchemaRoot(out);
      batch.setRowCount(in.getRowCount());
      return batch;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a cached block", e);
    }
  }

  @Override public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
