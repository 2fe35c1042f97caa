package dev.ember.execution.cluster.shuffle;

import dev.ember.execution.cluster.MapOutput;
import dev.ember.execution.operator.BatchSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;

/**
 * One partition of an earlier stage's output as a stream: its blocks (one per map task) are
 * fetched with at most {@code maxBytesInFlight} bytes requested and not yet read (one block at
 * least), and each block is decoded a batch at a time — so only the batch at hand is off-heap,
 * whatever the partition's size (the fetched blocks wait on the heap).
 */
final class RemoteBlockSource implements BatchSource {
  private final Iterator<MapOutput> outputs;
  private final int partition;
  private final Function<RemoteStageInputs.Pending, byte[]> receive;
  private final Function<MapOutput, RemoteStageInputs.Pending> request;
  private final long maxBytesInFlight;
  private final BufferAllocator allocator;
  private final Deque<RemoteStageInputs.Pending> inFlight = new ArrayDeque<>();
  private long bytesInFlight;
  private ArrowStreamReader reader;
  /** The next map output to request, once the window has room. */
  private MapOutput lookahead;

  /**
   * @param outputs the map outputs holding the partition (those with an empty block are skipped)
   * @param request starts fetching one map output's block
   * @param receive waits for a requested block and checks it; returns its bytes
   */
  RemoteBlockSource(List<MapOutput> outputs, int partition, Function<MapOutput, RemoteStageInputs.Pending> request,
                    Function<RemoteStageInputs.Pending, byte[]> receive, long maxBytesInFlight, BufferAllocator allocator) {
    this.outputs = outputs.stream().filter(m -> m.bytes(partition) > 0).iterator();
    this.partition = partition;
    this.request = request;
    this.receive = receive;
    this.maxBytesInFlight = maxBytesInFlight;
    this.allocator = allocator;
  }

  @Override public VectorSchemaRoot next() {
    try {
      while (true) {
        if (reader != null) {
          if (reader.loadNextBatch()) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            if (root.getRowCount() == 0) continue;
            VectorSchemaRoot copy = VectorSchemaRoot.create(root.getSchema(), allocator);
            try (ArrowRecordBatch rb = new VectorUnloader(root).getRecordBatch()) {
              new VectorLoader(copy).load(rb);
            } catch (RuntimeException e) {
              copy.close();
              throw e;
            }
            return copy;
          }
          reader.close();
          reader = null;
        }
        fill();
        if (inFlight.isEmpty()) return null;
        RemoteStageInputs.Pending f = inFlight.poll();
        bytesInFlight -= f.bytes();
        byte[] block = receive.apply(f);
        reader = new ArrowStreamReader(new ByteArrayInputStream(block), allocator);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Requests blocks while they fit in the window (one at least). */
  private void fill() {
    while (true) {
      if (lookahead == null) {
        if (!outputs.hasNext()) return;
        lookahead = outputs.next();
      }
      long size = lookahead.bytes(partition);
      if (!inFlight.isEmpty() && bytesInFlight + size > maxBytesInFlight) return;
      inFlight.add(request.apply(lookahead));
      lookahead = null;
      bytesInFlight += size;
    }
  }

  @Override public void close() {
    if (reader != null) {
      try {
        reader.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      reader = null;
    }
  }
}
