package dev.ember.execution.cache;

import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One cached block: some Arrow batches as an Arrow IPC stream, compressed with LZ4 (pure Java,
 * aircompressor). Layout: the stream's length (4 bytes, big-endian), then the LZ4 block.
 */
final class BlockCodec {
  private BlockCodec() {}

  /** The batches (which stay the caller's) as one compressed block. */
  static byte[] encode(Schema schema, List<VectorSchemaRoot> batches, BufferAllocator allocator) {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
         ArrowStreamWriter writer = new ArrowStreamWriter(root, null, raw)) {
      writer.start();
      VectorLoader loader = new VectorLoader(root);
      for (VectorSchemaRoot b : batches) {
        try (ArrowRecordBatch rb = new VectorUnloader(b).getRecordBatch()) {
          loader.load(rb);
          writer.writeBatch();
        }
      }
      writer.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] in = raw.toByteArray();
    Lz4Compressor lz4 = new Lz4Compressor();
    byte[] out = new byte[4 + lz4.maxCompressedLength(in.length)];
    ByteBuffer.wrap(out).putInt(in.length);
    int n = lz4.compress(in, 0, in.length, out, 4, out.length - 4);
    return java.util.Arrays.copyOf(out, 4 + n);
  }

  /** A reader of a block's batches; closing it frees them. */
  static ArrowStreamReader decode(byte[] block, BufferAllocator allocator) {
    int rawLength = ByteBuffer.wrap(block).getInt();
    byte[] raw = new byte[rawLength];
    new Lz4Decompressor().decompress(block, 4, block.length - 4, raw, 0, rawLength);
    return new ArrowStreamReader(new ByteArrayInputStream(raw), allocator);
  }

  /** The uncompressed size of a block. */
  static int rawLength(byte[] block) { return ByteBuffer.wrap(block).getInt(); }
}
