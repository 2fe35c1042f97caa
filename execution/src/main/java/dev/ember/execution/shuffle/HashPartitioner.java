package dev.ember.execution.shuffle;

import dev.ember.datasources.arrow.ArrowValues;
import dev.ember.catalyst.types.DataType;
import dev.ember.codegen.operator.Hashing;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Splits batches by the hash of key columns into {@code n} partitions: a row goes to
 * {@code floorMod(hash(keys), n)}, with the same hash function as join and aggregation tables.
 */
public final class HashPartitioner {
  /** Receives one partition's slice of a batch. */
  public interface Output {
    void accept(int partition, VectorSchemaRoot batch);
  }

  private final int[] keyColumns;
  private final List<DataType> keyTypes;
  private final int partitions;

  public HashPartitioner(int[] keyColumns, List<DataType> keyTypes, int partitions) {
    this.keyColumns = keyColumns;
    this.keyTypes = keyTypes;
    this.partitions = partitions;
  }

  /**
   * The partitioner of a map stage's output, or null when the stage does not hash-partition
   * (its output is one partition: single or broadcast).
   */
  public static HashPartitioner forStage(dev.ember.planner.stage.Stage stage) {
    if (!(stage.output() instanceof dev.ember.planner.physical.Partitioning.Hash h)) return null;
    List<dev.ember.catalyst.expr.AttributeRef> output = stage.plan().output();
    int[] keys = new int[h.keys().size()];
    for (int k = 0; k < keys.length; k++) keys[k] = indexOf(output, h.keys().get(k));
    List<DataType> types = h.keys().stream().map(dev.ember.catalyst.expr.AttributeRef::type).toList();
    return new HashPartitioner(keys, types, h.numPartitions());
  }

  /** How many partitions a map stage writes. */
  public static int outputPartitions(dev.ember.planner.stage.Stage stage) {
    return stage.output() instanceof dev.ember.planner.physical.Partitioning.Hash h ? h.numPartitions() : 1;
  }

  private static int indexOf(List<dev.ember.catalyst.expr.AttributeRef> attrs, dev.ember.catalyst.expr.AttributeRef a) {
    for (int i = 0; i < attrs.size(); i++) if (attrs.get(i).id() == a.id()) return i;
    throw new IllegalStateException("partition key " + a.name() + " not in stage output");
  }

  /** Splits {@code batch} (which stays the caller's) into new batches from {@code allocator}. */
  public void split(VectorSchemaRoot batch, BufferAllocator allocator, Output out) {
    int n = batch.getRowCount();
    int[] target = new int[n];
    int[] counts = new int[partitions];
    FieldVector[] keys = new FieldVector[keyColumns.length];
    for (int k = 0; k < keys.length; k++) keys[k] = batch.getVector(keyColumns[k]);
    for (int r = 0; r < n; r++) {
      int h = Hashing.SEED;
      for (int k = 0; k < keys.length; k++) h = Hashing.combine(h, Hashing.hashCell(keys[k], r, keyTypes.get(k)));
      int p = Math.floorMod(Hashing.finish(h), partitions);
      target[r] = p;
      counts[p]++;
    }
    // rows grouped by partition (a counting sort), so each partition copies only its own rows:
    // linear in the batch whatever the partition count (200 by default)
    int[] start = new int[partitions + 1];
    for (int p = 0; p < partitions; p++) start[p + 1] = start[p] + counts[p];
    int[] rows = new int[n];
    int[] fill = java.util.Arrays.copyOf(start, partitions);
    for (int r = 0; r < n; r++) rows[fill[target[r]]++] = r;
    int ncols = batch.getFieldVectors().size();
    for (int p = 0; p < partitions; p++) {
      if (counts[p] == 0) continue;
      VectorSchemaRoot part = VectorSchemaRoot.create(batch.getSchema(), allocator);
      try {
        for (int c = 0; c < ncols; c++) {
          FieldVector from = batch.getVector(c), to = part.getVector(c);
          to.setInitialCapacity(counts[p]);
          to.allocateNew();
          for (int i = 0; i < counts[p]; i++) ArrowValues.copy(from, rows[start[p] + i], to, i);
          to.setValueCount(counts[p]);
        }
        part.setRowCount(counts[p]);
      } catch (RuntimeException e) {
        part.close();
        throw e;
      }
      out.accept(p, part);
    }
  }
}
