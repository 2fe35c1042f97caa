package dev.ember.execution.cluster.shuffle;

import dev.ember.execution.cluster.MapOutput;
import dev.ember.execution.cluster.Messages;
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
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A cluster task's view of earlier stages' outputs: a partition is the blocks of that partition
 * in every map task's shuffle file, fetched with at most {@code maxBytesInFlight} bytes requested
 * and not yet arrived (one block at least), each checked against its CRC32.
 */
public final class RemoteStageInputs implements StageInputs {
  /** A block server silent this long is taken for dead (a hung executor keeps its socket open). */
  static final long FETCH_TIMEOUT_SECONDS = 60;

  private final String queryId;
  private final Map<Integer, List<MapOutput>> inputs;
  private final BlockFetcher fetcher;
  private final BufferAllocator allocator;
  private final long maxBytesInFlight;

  public RemoteStageInputs(String queryId, Map<Integer, List<MapOutput>> inputs, BlockFetcher fetcher,
                           BufferAllocator allocator, long maxBytesInFlight) {
    this.queryId = queryId;
    this.inputs = inputs;
    this.fetcher = fetcher;
    this.allocator = allocator;
    this.maxBytesInFlight = maxBytesInFlight;
  }

  private record Pending(MapOutput from, long bytes, CompletableFuture<Messages.Block> block) {}

  @Override public List<VectorSchemaRoot> take(int stage, int partition, int mapStart, int mapEnd) {
    List<MapOutput> outputs = inputs.get(stage);
    if (outputs == null) throw new IllegalStateException("task has no locations for stage " + stage);
    if (mapEnd != PartitionRange.ALL_MAPS) outputs = outputs.subList(mapStart, Math.min(mapEnd, outputs.size()));
    List<VectorSchemaRoot> out = new ArrayList<>();
    Deque<Pending> inFlight = new ArrayDeque<>();
    long bytes = 0;
    try {
      for (MapOutput m : outputs) {
        long size = m.bytes(partition);
        if (size == 0) continue;
        while (!inFlight.isEmpty() && bytes + size > maxBytesInFlight) bytes -= receive(inFlight.poll(), partition, out);
        inFlight.add(new Pending(m, size, fetcher.fetch(queryId, m, partition)));
        bytes += size;
      }
      while (!inFlight.isEmpty()) receive(inFlight.poll(), partition, out);
      return out;
    } catch (RuntimeException | Error e) {
      Batches.closeAll(out);
      throw e;
    }
  }

  /** Waits for one block, checks it and decodes it into {@code out}; returns its size. */
  private long receive(Pending p, int partition, List<VectorSchemaRoot> out) {
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
    out.addAll(ArrowBlocks.decode(block.data(), allocator));
    return p.bytes();
  }
}
