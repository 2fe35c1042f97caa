package dev.ember.execution.cluster.shuffle;

import dev.ember.execution.cluster.MapOutput;
import dev.ember.execution.cluster.Messages;
import dev.ember.execution.operator.BatchSource;
import dev.ember.execution.operator.Batches;
import dev.ember.execution.shuffle.StageInputs;
import dev.ember.planner.physical.PartitionRange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A cluster task's view of earlier stages' outputs: a partition is the blocks of that partition
 * in every map task's shuffle file, fetched with at most {@code maxBytesInFlight} bytes requested
 * and not yet read (one block at least), each checked against its CRC32 and read back a batch at
 * a time ({@link RemoteBlockSource}).
 */
public final class RemoteStageInputs implements StageInputs {
  /** A block server silent this long is taken for dead (a hung executor keeps its socket open). */
  static final long FETCH_TIMEOUT_SECONDS = 60;

  private final String queryId;
  private final Map<Integer, List<MapOutput>> inputs;
  private final BlockFetcher fetcher;
  private final BufferAllocator allocator;
  private final long maxBytesInFlight;
  private final AtomicLong remoteBytes;

  /** @param remoteBytes counts the bytes of blocks fetched from other executors */
  public RemoteStageInputs(String queryId, Map<Integer, List<MapOutput>> inputs, BlockFetcher fetcher,
                           BufferAllocator allocator, long maxBytesInFlight, AtomicLong remoteBytes) {
    this.queryId = queryId;
    this.inputs = inputs;
    this.fetcher = fetcher;
    this.allocator = allocator;
    this.maxBytesInFlight = maxBytesInFlight;
    this.remoteBytes = remoteBytes;
  }

  /** A block requested: where from, its size, and its bytes when they arrive. */
  record Pending(MapOutput from, long bytes, CompletableFuture<Messages.Block> block) {}

  @Override public List<VectorSchemaRoot> take(int stage, int partition, int mapStart, int mapEnd) {
    List<VectorSchemaRoot> out = new ArrayList<>();
    try (BatchSource source = open(stage, partition, mapStart, mapEnd, allocator)) {
      VectorSchemaRoot b;
      while ((b = source.next()) != null) out.add(b);
      return out;
    } catch (RuntimeException | Error e) {
      Batches.closeAll(out);
      throw e;
    }
  }

  /** The partition read a batch at a time: only the batch at hand is off-heap, however large the partition. */
  @Override public BatchSource open(int stage, int partition, int mapStart, int mapEnd, BufferAllocator into) {
    List<MapOutput> outputs = inputs.get(stage);
    if (outputs == null) throw new IllegalStateException("task has no locations for stage " + stage);
    if (mapEnd != PartitionRange.ALL_MAPS) outputs = outputs.subList(mapStart, Math.min(mapEnd, outputs.size()));
    return new RemoteBlockSource(outputs, partition,
        m -> new Pending(m, m.bytes(partition), fetcher.fetch(queryId, m, partition)),
        p -> receive(p, partition), maxBytesInFlight, into);
  }

  /** Waits for one block and checks it; returns its bytes. */
  private byte[] receive(Pending p, int partition) {
    Messages.Block block;
    String what = "shuffle block stage " + p.from().stageId() + " map " + p.from().mapIndex() + " partition "
        + partition + " from executor " + p.from().executorId();
    try {
      block = p.block().get(FETCH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new FetchFailedException(p.from().executorId(), "no answer in " + FETCH_TIMEOUT_SECONDS + " s for " + what, e);
    } catch (ExecutionException e) {
      throw new FetchFailedException(p.from().executorId(), "cannot fetch " + what + ": " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.util.concurrent.CancellationException("interrupted while fetching " + what);
    }
    if (ShuffleFiles.crc32(block.data()) != block.crc32() || block.data().length != p.bytes()) {
      throw new FetchFailedException(p.from().executorId(), "corrupt " + what + " (checksum mismatch)", null);
    }
    if (!fetcher.isLocal(p.from())) remoteBytes.addAndGet(p.bytes());
    return block.data();
  }
}
