package dev.ember.execution.shuffle;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.types.DataType;
import dev.ember.codegen.operator.Hashing;
import dev.ember.codegen.operator.VectorCopy;
import dev.ember.planner.physical.Partitioning;
import dev.ember.planner.stage.Stage;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
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
  private final int seed;

  public HashPartitioner(int[] keyColumns, List<DataType> keyTypes, int partitions) {
    this(keyColumns, keyTypes, partitions, 0);
  }

  /**
   * With a non-zero {@code seed} the hash is scrambled by it first, so rows that all went to one
   * partition of an unseeded split (a shuffle partition, a grace join partition one level up)
   * spread over all partitions of this one.
   */
  public HashPartitioner(int[] keyColumns, List<DataType> keyTypes, int partitions, int seed) {
    this.keyColumns = keyColumns;
    this.keyTypes = keyTypes;
    this.partitions = partitions;
    this.seed = seed;
  }

  /** Murmur3's finalizer over {@code h ^ seed}: every input bit affects every output bit. */
  private static int scramble(int h, int seed) {
    h ^= seed;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }

  /**
   * The partitioner of a map stage's output, or null when the stage does not hash-partition
   * (its output is one partition: single or broadcast).
   */
  public static HashPartitioner forStage(Stage stage) {
    if (!(stage.output() instanceof Partitioning.Hash h)) return null;
    List<AttributeRef> output = stage.plan().output();
    int[] keys = new int[h.keys().size()];
    for (int k = 0; k < keys.length; k++) keys[k] = indexOf(output, h.keys().get(k));
    List<DataType> types = h.keys().stream().map(AttributeRef::type).toList();
    return new HashPartitioner(keys, types, h.numPartitions());
  }

  /** How many partitions a map stage writes. */
  public static int outputPartitions(Stage stage) {
    return stage.output() instanceof Partitioning.Hash h ? h.numPartitions() : 1;
  }

  private static int indexOf(List<AttributeRef> attrs, AttributeRef a) {
    for (int i = 0; i < attrs.size(); i++) if (attrs.get(i).id() == a.id()) return i;
    throw new IllegalStateException("partition key " + a.name() + " not in stage output");
  }

  /** Splits {@code batch} (which stays the caller's) into new batches from {@code allocator}. */
  public void split(VectorSchemaRoot batch, BufferAllocator allocator, Output out) {
    int n = batch.getRowCount();
    int[] target = new int[n];
    int[] counts = new int[partitions];
    int[] hashes = new int[n];
    Arrays.fill(hashes, Hashing.SEED);
    for (int k = 0; k < keyColumns.length; k++) {
      Hashing.combineColumn(hashes, batch.getVector(keyColumns[k]), keyTypes.get(k), n);
    }
    for (int r = 0; r < n; r++) {
      int hash = Hashing.finish(hashes[r]);
      int p = Math.floorMod(seed == 0 ? hash : scramble(hash, seed), partitions);
      target[r] = p;
      counts[p]++;
    }
    // Rows of each partition, in batch order: one counting pass, then a column-at-a-time gather.
    int[] start = new int[partitions + 1];
    for (int p = 0; p < partitions; p++) start[p + 1] = start[p] + counts[p];
    int[] rows = new int[n];
    int[] fill = Arrays.copyOf(start, partitions);
    for (int r = 0; r < n; r++) rows[fill[target[r]]++] = r;
    int ncols = batch.getFieldVectors().size();
    for (int p = 0; p < partitions; p++) {
      if (counts[p] == 0) continue;
      int[] mine = start[p] == 0 && counts[p] == n ? rows : Arrays.copyOfRange(rows, start[p], start[p + 1]);
      VectorSchemaRoot part = VectorSchemaRoot.create(batch.getSchema(), allocator);
      try {
        for (int c = 0; c < ncols; c++) VectorCopy.gather(batch.getVector(c), mine, counts[p], part.getVector(c));
        part.setRowCount(counts[p]);
      } catch (RuntimeException e) {
        part.close();
        throw e;
      }
      out.accept(p, part);
    }
  }
}
