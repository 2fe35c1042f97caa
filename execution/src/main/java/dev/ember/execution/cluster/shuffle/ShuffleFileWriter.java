package dev.ember.execution.cluster.shuffle;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.ipc.message.MessageSerializer;

/**
 * Writes one map task's shuffle output as it is produced, so a task's output is never held in
 * memory whatever its size: each batch goes at once to its partition's temporary Arrow IPC stream
 * on disk, and {@link #commit()} concatenates the streams into the data file and its index
 * ({@link ShuffleFiles}' format, checksums included — each block is byte for byte what
 * {@link ArrowBlocks#encode} gives for the same batches). {@link #close()} deletes the temporary
 * streams, and the data and index files too when the task did not commit.
 */
public final class ShuffleFileWriter implements AutoCloseable {
  /** Per-partition write buffer: heap, a few hundred partitions at most. */
  private static final int BUFFER_BYTES = 32 * 1024;

  private final Path data;
  private final Path index;
  private final Path[] temps;
  private final OutputStream[] streams;
  private final WriteChannel[] channels;
  private boolean committed;

  ShuffleFileWriter(Path base, String name, int partitions) {
    this.data = base.resolve(name + ".data");
    this.index = base.resolve(name + ".index");
    this.temps = new Path[partitions];
    this.streams = new OutputStream[partitions];
    this.channels = new WriteChannel[partitions];
    for (int p = 0; p < partitions; p++) temps[p] = base.resolve(name + ".part" + p + ".tmp");
  }

  /** Appends {@code batch} (which stays the caller's) to partition {@code p}. */
  public void add(int p, VectorSchemaRoot batch) {
    try {
      if (channels[p] == null) {
        streams[p] = new BufferedOutputStream(Files.newOutputStream(temps[p]), BUFFER_BYTES);
        channels[p] = new WriteChannel(Channels.newChannel(streams[p]));
        MessageSerializer.serialize(channels[p], batch.getSchema());
      }
      try (ArrowRecordBatch rb = new VectorUnloader(batch).getRecordBatch()) {
        MessageSerializer.serialize(channels[p], rb);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write shuffle output " + data.getFileName(), e);
    }
  }

  /** Ends every partition's stream and writes the data file and its index; returns the bytes per partition. */
  public long[] commit() {
    long[] sizes = new long[temps.length];
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(data));
         DataOutputStream idx = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(index)))) {
      idx.writeInt(temps.length);
      long offset = 0;
      byte[] buffer = new byte[64 * 1024];
      for (int p = 0; p < temps.length; p++) {
        CRC32 crc = new CRC32();
        long length = 0;
        if (channels[p] != null) {
          ArrowStreamWriter.writeEndOfStream(channels[p], IpcOption.DEFAULT);
          streams[p].close();
          streams[p] = null;
          try (InputStream in = Files.newInputStream(temps[p])) {
            int n;
            while ((n = in.read(buffer)) > 0) {
              out.write(buffer, 0, n);
              crc.update(buffer, 0, n);
              length += n;
            }
          }
          Files.delete(temps[p]);
        }
        idx.writeLong(offset);
        idx.writeLong(length);
        idx.writeLong(crc.getValue());
        offset += length;
        sizes[p] = length;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write shuffle output " + data.getFileName(), e);
    }
    committed = true;
    return sizes;
  }

  @Override public void close() {
    for (int p = 0; p < temps.length; p++) {
      try {
        if (streams[p] != null) streams[p].close();
      } catch (IOException e) {
        // deleting it below is what matters
      }
      temps[p].toFile().delete();
    }
    if (!committed) {
      data.toFile().delete();
      index.toFile().delete();
    }
  }
}
