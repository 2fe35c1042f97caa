package dev.ember.execution.shuffle;

import dev.ember.execution.memory.SpillMetrics;
import dev.ember.execution.memory.Spillable;
import dev.ember.execution.operator.BatchSource;
import dev.ember.execution.operator.Batches;
import dev.ember.execution.spill.SpillFile;
import dev.ember.planner.adaptive.MapOutputStatistics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The local shuffle: output batches of finished map tasks, by stage and partition, held in the
 * query's Arrow memory until a reducer takes them. (Cluster mode writes the same partitions to
 * Arrow IPC files served over Netty.) When the query's memory runs out ({@link #spill}, called
 * by {@link dev.ember.execution.memory.QueryMemoryLimit} from whichever task hit the limit), the
 * partitions held in memory are written to spill files, largest first, and read back batch by
 * batch by their reducers (also while a reducer is reading the partition: it reads the files in
 * the order they were written, then what is still in memory). Thread-safe.
 */
public final class StageOutputs implements StageInputs, Spillable, AutoCloseable {
  private final BufferAllocator allocator;
  private final SpillMetrics metrics;
  private final Map<Integer, List<Partition>> byStage = new HashMap<>();
  private final Map<Integer, long[]> bytes = new HashMap<>();
  private final Map<Integer, long[]> rows = new HashMap<>();
  private boolean spilling;
  private boolean closed;
  /** Set before close waits for a spill in progress, which then stops between batches. */
  private volatile boolean closing;

  /** One partition of one stage's output: spilled files (oldest first), then the batches still in memory. */
  private static final class Partition {
    final int stage;
    final int index;
    final List<SpillFile> files = new ArrayList<>();
    final List<VectorSchemaRoot> batches = new ArrayList<>();
    long bytesInMemory;

    Partition(int stage, int index) {
      this.stage = stage;
      this.index = index;
    }
  }

  /**
   * @param allocator the query's allocator: the batches are held there and spill files write from there
   * @param metrics where spilled rows and bytes are counted (the query's)
   */
  public StageOutputs(BufferAllocator allocator, SpillMetrics metrics) {
    this.allocator = allocator;
    this.metrics = metrics;
  }

  /** Declares a stage's output with {@code partitions} partitions. */
  public synchronized void register(int stage, int partitions) {
    if (closed) return;
    List<Partition> parts = new ArrayList<>(partitions);
    for (int i = 0; i < partitions; i++) parts.add(new Partition(stage, i));
    byStage.put(stage, parts);
    bytes.put(stage, new long[partitions]);
    rows.put(stage, new long[partitions]);
  }

  /** Adds a batch (taking ownership) to a partition of a stage's output. */
  public synchronized void add(int stage, int partition, VectorSchemaRoot batch) {
    if (closed) { // the query stopped: a map task still finishing has nowhere to put its output
      batch.close();
      return;
    }
    Partition part = byStage.get(stage).get(partition);
    long size = sizeOf(batch);
    part.batches.add(batch);
    part.bytesInMemory += size;
    bytes.get(stage)[partition] += size;
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

  /** Bytes of output held in memory now (not spilled, not yet taken). */
  public synchronized long bytesInMemory() {
    long n = 0;
    for (List<Partition> parts : byStage.values()) {
      for (Partition p : parts) n += p.bytesInMemory;
    }
    return n;
  }

  /**
   * Writes the largest partitions held in memory to spill files until about {@code bytesWanted}
   * bytes (and at least half of what is held, so the next spill is not one batch later) are freed.
   */
  @Override public synchronized long spill(long bytesWanted) {
    if (spilling || closed) return 0; // an allocation made by this spill: nothing more to give
    spilling = true;
    try {
      List<Partition> held = new ArrayList<>();
      long total = 0;
      for (List<Partition> parts : byStage.values()) {
        for (Partition p : parts) {
          if (!p.batches.isEmpty()) {
            held.add(p);
            total += p.bytesInMemory;
          }
        }
      }
      held.sort(Comparator.comparingLong((Partition p) -> p.bytesInMemory).reversed());
      long target = Math.max(bytesWanted, total / 2);
      long freed = 0;
      for (Partition p : held) {
        if (freed >= target) break;
        freed += spill(p);
      }
      if (freed > 0) metrics.spilled();
      return freed;
    } finally {
      spilling = false;
    }
  }

  /** Moves a partition's batches in memory to a new spill file; returns the bytes freed. */
  private long spill(Partition p) {
    SpillFile file = new SpillFile("shuffle-s" + p.stage + "-p" + p.index, p.batches.get(0).getSchema(), allocator, metrics);
    try {
      for (VectorSchemaRoot b : p.batches) {
        if (closing) { // the query stopped: the batches are about to be freed anyway
          file.close();
          return 0;
        }
        file.write(b);
      }
      file.finish();
      metrics.shuffleSpilled(file.bytes());
    } catch (RuntimeException | Error e) {
      file.close();
      throw e;
    }
    p.files.add(file);
    Batches.closeAll(p.batches);
    p.batches.clear();
    long freed = p.bytesInMemory;
    p.bytesInMemory = 0;
    return freed;
  }

  /** Takes every batch of one partition (spilled ones read back into the query's memory); the caller owns them. */
  @Override public List<VectorSchemaRoot> take(int stage, int partition) {
    List<VectorSchemaRoot> out = new ArrayList<>();
    try (BatchSource source = open(stage, partition, allocator)) {
      for (VectorSchemaRoot b = source.next(); b != null; b = source.next()) out.add(b);
      return out;
    } catch (RuntimeException | Error e) {
      Batches.closeAll(out);
      throw e;
    }
  }

  /**
   * Takes one partition as a stream: its spill files (read into {@code readInto} and deleted as
   * they are read), then its batches in memory. Batches not yet read stay here and can still be
   * spilled, so a reader slower than the query's other tasks does not pin the partition in memory.
   */
  @Override public synchronized BatchSource open(int stage, int partition, BufferAllocator readInto) {
    if (closed) throw new java.util.concurrent.CancellationException("the query's shuffle outputs are gone");
    return new PartitionReader(byStage.get(stage).get(partition), readInto);
  }

  /** The next piece of a partition for its reader: its oldest spill file, else its first batch in memory (a SpillFile or a VectorSchemaRoot), else null. */
  private synchronized AutoCloseable poll(Partition part) {
    if (!part.files.isEmpty()) return part.files.remove(0);
    if (part.batches.isEmpty()) return null;
    VectorSchemaRoot b = part.batches.remove(0);
    part.bytesInMemory -= sizeOf(b);
    return b;
  }

  /** Drops what a reader closed early did not read. */
  private synchronized void discard(Partition part) {
    Batches.closeAll(part.batches);
    part.batches.clear();
    Batches.closeAll(part.files);
    part.files.clear();
    part.bytesInMemory = 0;
  }

  /** Reads one partition piece by piece; owns the spill file it is reading. */
  private final class PartitionReader implements BatchSource {
    private final Partition part;
    private final BufferAllocator allocator;
    private SpillFile file;
    private BatchSource reading;
    private boolean closed;

    PartitionReader(Partition part, BufferAllocator allocator) {
      this.part = part;
      this.allocator = allocator;
    }

    @Override public VectorSchemaRoot next() {
      while (!closed) {
        if (reading != null) {
          VectorSchemaRoot b = reading.next();
          if (b != null) return b;
          file.close(); // read: the file goes
          file = null;
          reading = null;
        }
        AutoCloseable piece = poll(part);
        if (piece == null) return null;
        if (piece instanceof VectorSchemaRoot b) return b;
        file = (SpillFile) piece;
        reading = file.read(allocator);
      }
      return null;
    }

    @Override public void close() {
      if (closed) return;
      closed = true;
      if (file != null) file.close();
      file = null;
      reading = null;
      discard(part);
    }
  }

  /** Frees every output, in memory and on disk; what map tasks still add is dropped (the query stopped). */
  @Override public void close() {
    closing = true;
    synchronized (this) {
      closeNow();
    }
  }

  private void closeNow() {
    closed = true;
    for (List<Partition> parts : byStage.values()) {
      for (Partition p : parts) {
        Batches.closeAll(p.batches);
        p.batches.clear();
        Batches.closeAll(p.files);
        p.files.clear();
      }
    }
    byStage.clear();
  }
}
