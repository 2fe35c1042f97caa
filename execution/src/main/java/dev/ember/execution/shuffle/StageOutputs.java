package dev.ember.execution.shuffle;

import dev.ember.execution.operator.Batches;
import dev.ember.planner.adaptive.MapOutputStatistics;
import dev.ember.planner.physical.PartitionRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The local shuffle: output batches of finished map tasks, by stage, partition and map task,
 * held in the query's Arrow memory until a reducer takes them. (Cluster mode writes the same
 * partitions to Arrow IPC files served over Netty.) A partition is normally taken once; one that
 * several tasks read whole (the other side of a split skewed join partition, {@link
 * #expectReads}) is copied for all but the last. Thread-safe.
 */
public final class StageOutputs implements StageInputs, AutoCloseable {
  /** A batch and the map task that wrote it. */
  private record Block(int map, VectorSchemaRoot batch) {}

  private final BufferAllocator allocator;
  private final Map<Integer, List<List<Block>>> byStage = new HashMap<>();
  private final Map<Integer, long[][]> bytes = new HashMap<>();
  private final Map<Integer, long[]> rows = new HashMap<>();
  private final Map<Integer, int[]> reads = new HashMap<>();

  /** @param allocator where copies of partitions read by several tasks are made */
  public StageOutputs(BufferAllocator allocator) { this.allocator = allocator; }

  /** Declares a stage's output with {@code partitions} partitions, written by {@code maps} map tasks. */
  public synchronized void register(int stage, int partitions, int maps) {
    List<List<Block>> parts = new ArrayList<>(partitions);
    for (int i = 0; i < partitions; i++) parts.add(new ArrayList<>());
    byStage.put(stage, parts);
    bytes.put(stage, new long[maps][partitions]);
    rows.put(stage, new long[partitions]);
  }

  /** Adds a batch (taking ownership) that map task {@code map} wrote to a partition of a stage's output. */
  public synchronized void add(int stage, int map, int partition, VectorSchemaRoot batch) {
    byStage.get(stage).get(partition).add(new Block(map, batch));
    bytes.get(stage)[map][partition] += sizeOf(batch);
    rows.get(stage)[partition] += batch.getRowCount();
  }

  /** Bytes (Arrow buffers) per map task and partition, and rows per partition: adaptive execution's sizes. */
  public synchronized MapOutputStatistics statistics(int stage) {
    long[][] b = bytes.get(stage);
    if (b == null) throw new IllegalStateException("stage " + stage + " has no registered output");
    long[][] copy = new long[b.length][];
    for (int m = 0; m < b.length; m++) copy[m] = b[m].clone();
    long[] r = rows.get(stage);
    return MapOutputStatistics.ofMaps(stage, copy, r.clone(), r.length);
  }

  /** Partition {@code partition} of {@code stage} will be read whole by {@code readers} tasks. */
  public synchronized void expectReads(int stage, int partition, int readers) {
    reads.computeIfAbsent(stage, s -> new int[byStage.get(s).size()])[partition] = readers;
  }

  private static long sizeOf(VectorSchemaRoot batch) {
    long size = 0;
    for (FieldVector v : batch.getFieldVectors()) size += v.getBufferSize();
    return size;
  }

  /**
   * Takes the batches of one partition written by map tasks {@code [mapStart, mapEnd)}; the
   * caller owns them. A partition more readers expect gets copies, the last reader the batches.
   */
  @Override public synchronized List<VectorSchemaRoot> take(int stage, int partition, int mapStart, int mapEnd) {
    List<Block> part = byStage.get(stage).get(partition);
    int[] expected = reads.get(stage);
    boolean all = mapEnd == PartitionRange.ALL_MAPS;
    List<VectorSchemaRoot> out = new ArrayList<>();
    if (all && expected != null && expected[partition] > 1) {
      expected[partition]--;
      try {
        for (Block b : part) out.add(Batches.slice(b.batch(), 0, b.batch().getRowCount(), allocator));
      } catch (RuntimeException | Error e) {
        Batches.closeAll(out);
        throw e;
      }
      return out;
    }
    for (var it = part.iterator(); it.hasNext(); ) {
      Block b = it.next();
      if (all || (b.map() >= mapStart && b.map() < mapEnd)) {
        out.add(b.batch());
        it.remove();
      }
    }
    return out;
  }

  @Override public synchronized void close() {
    for (List<List<Block>> parts : byStage.values()) {
      for (List<Block> part : parts) Batches.closeAll(part.stream().map(Block::batch).toList());
    }
    byStage.clear();
  }
}
