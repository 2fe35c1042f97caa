package dev.ember.execution.operator;

import dev.ember.catalyst.types.Schema;
import dev.ember.codegen.operator.AggHashTable;
import dev.ember.datasources.arrow.ArrowTypes;
import dev.ember.execution.memory.SpillMetrics;
import dev.ember.execution.spill.SpillFile;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The spilled state of a hash aggregation at one recursion level: for each of
 * {@link #PARTITIONS} hash partitions, the files holding its groups' keys and partial aggregate
 * buffers (one file per spill). A group's rows always land in the same partition, so the
 * partitions can be merged one at a time; each level takes other bits of the hash, so a
 * partition still too big is split again at the next level.
 */
final class AggregateSpill implements AutoCloseable {
  static final int PARTITIONS = 16;

  private final int level;
  private final List<List<SpillFile>> files = new ArrayList<>();

  AggregateSpill(int level) {
    this.level = level;
    for (int p = 0; p < PARTITIONS; p++) files.add(new ArrayList<>());
  }

  int level() { return level; }

  /** The partition of a group with {@code hash} at {@code level}: a different mix of the hash per level. */
  static int partitionOf(int hash, int level) {
    int x = hash ^ (0x9E3779B9 * (level + 1));
    x *= 0x85EBCA6B;
    x ^= x >>> 13;
    x *= 0xC2B2AE35;
    x ^= x >>> 16;
    return x >>> 28; // 4 bits: PARTITIONS == 16
  }

  /**
   * Writes every group of {@code table} as intermediate rows ({@code columns}: the keys, then
   * each accumulator's buffer) to one new file per non-empty partition. The table is left as it
   * was; the caller resets it.
   */
  void write(AggHashTable table, List<AggHashTable.OutputColumn> columns, Schema schema, int batchSize,
      BufferAllocator allocator, SpillMetrics metrics) {
    int groups = table.groupCount();
    int[] start = new int[PARTITIONS + 1];
    int[] partOf = new int[groups];
    for (int g = 0; g < groups; g++) {
      partOf[g] = partitionOf(table.groupHash(g), level);
      start[partOf[g] + 1]++;
    }
    for (int p = 0; p < PARTITIONS; p++) start[p + 1] += start[p];
    int[] order = new int[groups];
    int[] fill = start.clone();
    for (int g = 0; g < groups; g++) order[fill[partOf[g]]++] = g;
    org.apache.arrow.vector.types.pojo.Schema arrow = ArrowTypes.arrowSchema(schema);
    for (int p = 0; p < PARTITIONS; p++) {
      if (start[p] == start[p + 1]) continue;
      SpillFile f = new SpillFile("agg-l" + level + "-p" + p, arrow, allocator, metrics);
      files.get(p).add(f);
      table.emit(columns, schema, batchSize, allocator, order, start[p], start[p + 1], batch -> {
        try {
          f.write(batch);
        } finally {
          batch.close();
        }
      });
      f.finish();
    }
    metrics.spilled();
  }

  /** Takes the files of the next non-empty partition (the caller then owns them), or null when none is left. */
  List<SpillFile> takeNextPartition() {
    for (List<SpillFile> fs : files) {
      if (!fs.isEmpty()) {
        List<SpillFile> out = new ArrayList<>(fs);
        fs.clear();
        return out;
      }
    }
    return null;
  }

  boolean isEmpty() {
    for (List<SpillFile> fs : files) if (!fs.isEmpty()) return false;
    return true;
  }

  /** Deletes every file not taken yet. */
  @Override public void close() {
    for (List<SpillFile> fs : files) {
      Batches.closeAll(fs);
      fs.clear();
    }
  }
}
