package dev.ember.execution.shuffle;

import dev.ember.execution.operator.Batches;
import dev.ember.planner.adaptive.MapOutputStatistics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The local shuffle: output batches of finished map tasks, by stage and partition, held in the
 * query's Arrow memory until a reducer takes them. (Cluster mode writes the same partitions to
 * Arrow IPC files served over Netty.) Thread-safe.
 */
public final class StageOutputs implements StageInputs, AutoCloseable {
  private final Map<Integer, List<List<VectorSchemaRoot>>> byStage = new HashMap<>();
  private final Map<Integer, long[]> bytes = new HashMap<>();
  private final Map<Integer, long[]> rows = new HashMap<>();

  /** Declares a stage's output with {@code partitions} partitions. */
  public synchronized void register(int stage, int partitions) {
    List<List<VectorSchemaRoot>> parts = new ArrayList<>(partitions);
    for (int i = 0; i < partitions; i++) parts.add(new ArrayList<>());
    byStage.put(stage, parts);
    bytes.put(stage, new long[partitions]);
    rows.put(stage, new long[partitions]);
  }

  /** Adds a batch (taking ownership) to a partition of a stage's output. */
  public synchronized void add(int stage, int partition, VectorSchemaRoot batch) {
    byStage.get(stage).get(partition).add(batch);
    bytes.get(stage)[partition] += sizeOf(batch);
    rows.get(stage)[partition] += batch.getRowCount();
  }

  /** Bytes (Arrow buffers) and rows each partition of a stage's output received: adaptive execution's sizes. */
  public synchronized MapOutputStatistics statistics(int stage) {
    long[] b = bytes.get(stage);
    if (b == null) throw new IllegalStateException("stage " + stage + " has no registered output");
    return new MapOutputStatistics(stage, b.clone(), rows.get(stage).clone());
  }

  private static long sizeOf(VectorSchemaRoot batch) {
    long size = 0;
    for (FieldVector v : batch.getFieldVectors()) size += v.getBufferSize();
    return size;
  }

  /** Takes every batch of one partition; the caller owns them. */
  @Override public synchronized List<VectorSchemaRoot> take(int stage, int partition) {
    List<VectorSchemaRoot> part = byStage.get(stage).get(partition);
    List<VectorSchemaRoot> out = new ArrayList<>(part);
    part.clear();
    return out;
  }

  @Override public synchronized void close() {
    for (List<List<VectorSchemaRoot>> parts : byStage.values()) {
      for (List<VectorSchemaRoot> part : parts) Batches.closeAll(part);
    }
    byStage.clear();
  }
}
