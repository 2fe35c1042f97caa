package dev.ember.execution.cluster.shuffle;

import dev.ember.execution.operator.Batches;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.ipc.message.MessageSerializer;

/** Batches as one Arrow IPC stream (schema, record batches, end of stream) and back. */
public final class ArrowBlocks {
  private ArrowBlocks() {}

  /** The batches (which stay the caller's, all of one schema) as an IPC stream; empty for no batches. */
  public static byte[] encode(List<VectorSchemaRoot> batches) {
    if (batches.isEmpty()) return new byte[0];
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      WriteChannel out = new WriteChannel(Channels.newChannel(bytes));
      MessageSerializer.serialize(out, batches.get(0).getSchema());
      for (VectorSchemaRoot b : batches) {
        try (ArrowRecordBatch rb = new VectorUnloader(b).getRecordBatch()) {
          MessageSerializer.serialize(out, rb);
        }
      }
      ArrowStreamWriter.writeEndOfStream(out, IpcOption.DEFAULT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The batches of an IPC stream, allocated from {@code allocator}; the caller owns them. */
  public static List<VectorSchemaRoot> decode(byte[] block, BufferAllocator allocator) {
    List<VectorSchemaRoot> out = new ArrayList<>();
    if (block.length == 0) return out;
    try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(block), allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      while (reader.loadNextBatch()) {
        VectorSchemaRoot copy = VectorSchemaRoot.create(root.getSchema(), allocator);
        out.add(copy);
        try (ArrowRecordBatch rb = new VectorUnloader(root).getRecordBatch()) {
          new org.apache.arrow.vector.VectorLoader(copy).load(rb);
        }
      }
    } catch (IOException | RuntimeException e) {
      Batches.closeAll(out);
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
    return out;
  }
}
