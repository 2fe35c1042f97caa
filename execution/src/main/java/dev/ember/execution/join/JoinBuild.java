package dev.ember.execution.join;

import dev.ember.catalyst.types.DataType;
import dev.ember.codegen.operator.JoinHashTable;
import dev.ember.execution.memory.MemoryReservation;
import dev.ember.execution.memory.SpillMetrics;
import dev.ember.execution.memory.TaskMemory;
import dev.ember.execution.operator.BatchSource;
import dev.ember.execution.operator.Batches;
import dev.ember.execution.operator.ListSource;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The build side of one hash join, read with memory reserved batch by batch: a hash table when
 * it fits the task's share of execution memory, else — the first time a reservation is refused —
 * every row held so far and every row after it split by key hash into {@link #PARTITIONS} spill
 * files, for a {@link GraceJoinSource} to join partition by partition.
 */
public final class JoinBuild implements AutoCloseable {
  /** Partitions of a spilled side: each holds about 1/16 of the rows, and splits again if still too big. */
  public static final int PARTITIONS = 16;
  /** Heap bytes a hash table spends per build row besides the rows themselves (slot and chain arrays). */
  static final int INDEX_BYTES_PER_ROW = 32;

  private final JoinHashTable table;
  private final PartitionedRows spilled;
  private final MemoryReservation reservation;
  private boolean shared;

  private JoinBuild(JoinHashTable table, PartitionedRows spilled, MemoryReservation reservation) {
    this.table = table;
    this.spilled = spilled;
    this.reservation = reservation;
  }

  /**
   * A broadcast's build side, built once for all the query's tasks from {@code batches} with the
   * query's shared memory. When it does not fit, the join falls back to a partitioned join: every
   * task joins its probe rows partition by partition against the same (read-only) build files,
   * which stay until the query closes.
   */
  public static JoinBuild broadcast(List<VectorSchemaRoot> batches, List<DataType> types, int[] keyColumns,
      boolean canSpill, TaskMemory shared, BufferAllocator allocator, SpillMetrics metrics) {
    JoinBuild b = read(new ListSource(batches), types, keyColumns, canSpill, shared, allocator, metrics);
    b.shared = true;
    return b;
  }

  /** True for a broadcast's build, whose spilled files many tasks read and none may delete. */
  boolean shared() { return shared; }

  /**
   * Reads {@code source} to its end (closing it) and builds the join's table, or its spilled
   * partitions when the rows do not fit and {@code canSpill}; when they do not fit and it cannot
   * spill, fails with SQLSTATE 53200.
   */
  public static JoinBuild read(BatchSource source, List<DataType> types, int[] keyColumns, boolean canSpill,
      TaskMemory memory, BufferAllocator allocator, SpillMetrics metrics) {
    MemoryReservation reservation = memory.newReservation("hash join build", null);
    List<VectorSchemaRoot> held = new ArrayList<>();
    PartitionedRows spill = null;
    try (source) {
      VectorSchemaRoot b;
      while ((b = source.next()) != null) {
        if (spill == null) {
          long need = bytes(b);
          if (reserved(reservation, need, canSpill, memory, b)) {
            held.add(b);
            continue;
          }
          if (!canSpill) {
            try {
              reservation.reserve(need); // 53200 when refused: nothing of ours to spill
            } catch (RuntimeException e) {
              b.close();
              throw e;
            }
            held.add(b);
            continue;
          }
          metrics.spilled();
          held.add(b); // the refused batch goes to disk with the others (and is closed with them on failure)
          spill = new PartitionedRows("join-build", b.getSchema(), keyColumns, keyTypes(types, keyColumns), PARTITIONS,
              0, allocator, metrics);
          for (VectorSchemaRoot h : held) spill.add(h);
          Batches.closeAll(held);
          held.clear();
          reservation.releaseAll();
          continue;
        }
        try {
          spill.add(b);
        } finally {
          b.close();
        }
      }
      if (spill != null) {
        spill.finish();
        reservation.close();
        return new JoinBuild(null, spill, null);
      }
      return new JoinBuild(new JoinHashTable(held, types, keyColumns), null, reservation);
    } catch (RuntimeException | Error e) {
      Batches.closeAll(held);
      if (spill != null) spill.close();
      reservation.close();
      throw e;
    }
  }

  /**
   * Reserves {@code need} more for a join table unless the table would then take more than half
   * of a task's fair share of the memory limit: the operators after the join in the same task
   * (an aggregation, a sort) need room too, and a table cannot spill once it is being probed.
   */
  static boolean tryGrow(MemoryReservation reservation, long need, TaskMemory memory) {
    var pool = memory.pool();
    long cap = pool.total() / (2L * Math.max(1, pool.activeTasks()));
    if (reservation.size() + need > cap) return false;
    return reservation.tryReserve(need);
  }

  /** Asks for {@code need} more (closing {@code batch} if asking throws, e.g. on a cancellation). */
  private static boolean reserved(MemoryReservation r, long need, boolean capped, TaskMemory memory, VectorSchemaRoot batch) {
    try {
      return capped ? tryGrow(r, need, memory) : r.tryReserve(need);
    } catch (RuntimeException | Error e) {
      batch.close();
      throw e;
    }
  }

  /** Memory a batch takes in a hash table: its Arrow buffers and its share of the table's index. */
  static long bytes(VectorSchemaRoot b) {
    long n = 0;
    for (FieldVector v : b.getFieldVectors()) n += v.getBufferSize();
    return n + (long) INDEX_BYTES_PER_ROW * b.getRowCount();
  }

  static List<DataType> keyTypes(List<DataType> types, int[] keyColumns) {
    List<DataType> out = new ArrayList<>();
    for (int k : keyColumns) out.add(types.get(k));
    return out;
  }

  /** True when the build side went to disk: join with a {@link GraceJoinSource}. */
  public boolean spilled() { return spilled != null; }

  /** The in-memory table (null when spilled). */
  public JoinHashTable table() { return table; }

  /** The spilled partitions (null when in memory); the caller takes them over. */
  PartitionedRows partitions() { return spilled; }

  @Override public void close() {
    try {
      if (table != null) table.close();
      if (spilled != null) spilled.close();
    } finally {
      if (reservation != null) reservation.close();
    }
  }
}
