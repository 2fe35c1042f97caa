package dev.ember.execution.join;

import dev.ember.catalyst.types.DataType;
import dev.ember.execution.memory.SpillMetrics;
import dev.ember.execution.shuffle.HashPartitioner;
import dev.ember.execution.spill.SpillFile;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One side of a grace hash join on disk: rows split by the hash of their join keys (scrambled by
 * the recursion level's seed, so both sides of a level agree and a level's partition spreads over
 * the next level's) into one Arrow IPC spill file per partition. Closing deletes every file.
 */
final class PartitionedRows implements AutoCloseable {
  private final String prefix;
  private final Schema schema;
  private final HashPartitioner partitioner;
  private final BufferAllocator allocator;
  private final SpillMetrics metrics;
  private final SpillFile[] files;

  /**
   * @param keyColumns the join key columns in this side's batches
   * @param level the recursion level (0 for the first split); it picks the hash seed
   */
  PartitionedRows(String prefix, Schema schema, int[] keyColumns, List<DataType> keyTypes, int partitions, int level,
      BufferAllocator allocator, SpillMetrics metrics) {
    this.prefix = prefix;
    this.schema = schema;
    this.partitioner = new HashPartitioner(keyColumns, keyTypes, partitions, seed(level));
    this.allocator = allocator;
    this.metrics = metrics;
    this.files = new SpillFile[partitions];
  }

  /** A different non-zero seed per level. */
  static int seed(int level) { return 0x5bd1e995 * (level + 1) | 1; }

  int partitions() { return files.length; }

  /** Splits {@code batch} (which stays the caller's) into the partitions' files. */
  void add(VectorSchemaRoot batch) {
    if (batch.getRowCount() == 0) return;
    partitioner.split(batch, allocator, (p, part) -> {
      try {
        file(p).write(part);
      } finally {
        part.close();
      }
    });
  }

  private SpillFile file(int p) {
    if (files[p] == null) files[p] = new SpillFile(prefix, schema, allocator, metrics);
    return files[p];
  }

  /** Ends writing; from now on {@link #take(int)} hands out the files. */
  void finish() {
    for (SpillFile f : files) if (f != null) f.finish();
  }

  /** Partition {@code p}'s file (null when no row went there), still owned by this object. */
  SpillFile peek(int p) { return files[p]; }

  /** Partition {@code p}'s file (null when no row went there); the caller now owns (closes) it. */
  SpillFile take(int p) {
    SpillFile f = files[p];
    files[p] = null;
    return f;
  }

  @Override public void close() {
    RuntimeException first = null;
    for (int p = 0; p < files.length; p++) {
      try {
        if (files[p] != null) files[p].close();
      } catch (RuntimeException e) {
        if (first == null) first = e;
      }
      files[p] = null;
    }
    if (first != null) throw first;
  }
}
