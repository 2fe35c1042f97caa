package dev.ember.execution.shuffle;

import dev.ember.execution.memory.SpillMetrics;
import dev.ember.execution.memory.Spillable;
import dev.ember.execution.operator.BatchSource;
import dev.ember.execution.operator.Batches;
import dev.ember.execution.operator.ListSource;
import dev.ember.execution.spill.SpillFile;
import dev.ember.planner.adaptive.MapOutputStatistics;
import dev.ember.planner.physical.PartitionRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * #expectReads}) is copied for all but the last.
 *
 * <p>When the query's memory runs out ({@link #spill}, called by
 * {@link dev.ember.execution.memory.QueryMemoryLimit} from whichever task hit the limit), the
 * partitions held in memory are written to spill files, largest first, one file per map task,
 * and read back batch by batch by their reducers — also while a reducer is reading the
 * partition: batches not yet read stay here and can still be spilled. Thread-safe.
 */
public final class StageOutputs implements StageInputs, Spillable, AutoCloseable {
  /** A part of a partition that one map task wrote: a batch in memory, or batches spilled to a file. */
  private sealed interface Piece permits InMemory, OnDisk {
    int map();
  }

  private record InMemory(int map, VectorSchemaRoot batch, long bytes) implements Piece {}

  private record OnDisk(int map, SpillFile file) implements Piece {}

  /** One partition of one stage's output: its pieces, in the order they were added. */
  private static final class Partition {
    final int stage;
    final int index;
    final List<Piece> pieces = new ArrayList<>();
    long bytesInMemory;

    Partition(int stage, int index) {
      this.stage = stage;
      this.index = index;
    }
  }

  private final BufferAllocator allocator;
  private final SpillMetrics metrics;
  private final Map<Integer, List<Partition>> byStage = new HashMap<>();
  private final Map<Integer, long[][]> bytes = new HashMap<>();
  private final Map<Integer, long[]> rows = new HashMap<>();
  private final Map<Integer, int[]> reads = new HashMap<>();
  private boolean spilling;
  private boolean closed;
  /** Set before close waits for a spill in progress, which then stops between batches. */
  private volatile boolean closing;

  /**
   * @param allocator the query's allocator: batches are held there, copies for shared reads made
   *     there, and spill files written from there
   * @param metrics where spilled rows and bytes are counted (the query's)
   */
  public StageOutputs(BufferAllocator allocator, SpillMetrics metrics) {
    this.allocator = allocator;
    this.metrics = metrics;
  }

  /** Declares a stage's output with {@code partitions} partitions, written by {@code maps} map tasks. */
  public synchronized void register(int stage, int partitions, int maps) {
    if (closed) return;
    List<Partition> parts = new ArrayList<>(partitions);
    for (int i = 0; i < partitions; i++) parts.add(new Partition(stage, i));
    byStage.put(stage, parts);
    bytes.put(stage, new long[maps][partitions]);
    rows.put(stage, new long[partitions]);
  }

  /** Adds a batch (taking ownership) that map task {@code map} wrote to a partition of a stage's output. */
  public synchronized void add(int stage, int map, int partition, VectorSchemaRoot batch) {
    if (closed) { // the query stopped: a map task still finishing has nowhere to put its output
      batch.close();
      return;
    }
    long size = sizeOf(batch);
    Partition part = byStage.get(stage).get(partition);
    part.pieces.add(new InMemory(map, batch, size));
    part.bytesInMemory += size;
    bytes.get(stage)[map][partition] += size;
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
    if (closed) return;
    reads.computeIfAbsent(stage, s -> new int[byStage.get(s).size()])[partition] = readers;
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
          if (p.bytesInMemory > 0) {
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

  /**
   * Moves a partition's batches in memory to spill files, one per map task, each taking the place
   * of that map task's first batch (so each map task's batches stay in order); returns the bytes freed.
   */
  private long spill(Partition p) {
    Map<Integer, List<InMemory>> byMap = new LinkedHashMap<>();
    for (Piece piece : p.pieces) {
      if (piece instanceof InMemory m) byMap.computeIfAbsent(m.map(), k -> new ArrayList<>()).add(m);
    }
    Map<Integer, SpillFile> files = new HashMap<>();
    try {
      for (Map.Entry<Integer, List<InMemory>> e : byMap.entrySet()) {
        List<InMemory> batches = e.getValue();
        SpillFile file = new SpillFile("shuffle-s" + p.stage + "-p" + p.index + "-m" + e.getKey(),
            batches.get(0).batch().getSchema(), allocator, metrics);
        files.put(e.getKey(), file);
        for (InMemory m : batches) {
          if (closing) { // the query stopped: its outputs are about to be freed anyway
            files.values().forEach(SpillFile::close);
            return 0;
          }
          file.write(m.batch());
        }
        file.finish();
        metrics.shuffleSpilled(file.bytes());
      }
    } catch (RuntimeException | Error ex) {
      files.values().forEach(SpillFile::close);
      throw ex;
    }
    List<Piece> kept = new ArrayList<>(p.pieces.size());
    long freed = 0;
    for (Piece piece : p.pieces) {
      if (!(piece instanceof InMemory m)) {
        kept.add(piece);
        continue;
      }
      SpillFile file = files.remove(m.map());
      if (file != null) kept.add(new OnDisk(m.map(), file)); // the map task's first batch in memory
      m.batch().close();
      freed += m.bytes();
    }
    p.pieces.clear();
    p.pieces.addAll(kept);
    p.bytesInMemory -= freed;
    return freed;
  }

  /**
   * Takes the batches of one partition written by map tasks {@code [mapStart, mapEnd)} (spilled
   * ones read back into the query's memory); the caller owns them. A partition more readers
   * expect gets copies, the last reader the batches.
   */
  @Override public List<VectorSchemaRoot> take(int stage, int partition, int mapStart, int mapEnd) {
    List<VectorSchemaRoot> out = new ArrayList<>();
    try (BatchSource source = open(stage, partition, mapStart, mapEnd, allocator)) {
      for (VectorSchemaRoot b = source.next(); b != null; b = source.next()) out.add(b);
      return out;
    } catch (RuntimeException | Error e) {
      Batches.closeAll(out);
      throw e;
    }
  }

  /**
   * One partition's batches written by map tasks {@code [mapStart, mapEnd)}, as a stream: spill
   * files read into {@code readInto} (and deleted once read), batches in memory handed over as
   * they are reached. A reader of a partition that more readers expect gets copies at once.
   */
  @Override public synchronized BatchSource open(int stage, int partition, int mapStart, int mapEnd,
      BufferAllocator readInto) {
    if (closed) throw new java.util.concurrent.CancellationException("the query's shuffle outputs are gone");
    Partition part = byStage.get(stage).get(partition);
    int[] expected = reads.get(stage);
    if (mapEnd == PartitionRange.ALL_MAPS && expected != null && expected[partition] > 1) {
      expected[partition]--;
      return new ListSource(copy(part, readInto));
    }
    return new PartitionReader(part, mapStart, mapEnd, readInto);
  }

  /** Copies of every batch of a partition, spilled ones read back (the files stay for the other readers). */
  private List<VectorSchemaRoot> copy(Partition part, BufferAllocator into) {
    List<VectorSchemaRoot> out = new ArrayList<>();
    try {
      for (Piece piece : part.pieces) {
        if (piece instanceof InMemory m) {
          out.add(Batches.slice(m.batch(), 0, m.batch().getRowCount(), into));
        } else if (piece instanceof OnDisk d) {
          try (BatchSource in = d.file().read(into)) {
            for (VectorSchemaRoot b = in.next(); b != null; b = in.next()) out.add(b);
          }
        }
      }
      return out;
    } catch (RuntimeException | Error e) {
      Batches.closeAll(out);
      throw e;
    }
  }

  private static boolean reads(int map, int mapStart, int mapEnd) {
    return mapEnd == PartitionRange.ALL_MAPS || (map >= mapStart && map < mapEnd);
  }

  /** Removes and returns a reader's next piece of a partition, or null when none is left. */
  private synchronized Piece poll(Partition part, int mapStart, int mapEnd) {
    for (int i = 0; i < part.pieces.size(); i++) {
      Piece piece = part.pieces.get(i);
      if (!reads(piece.map(), mapStart, mapEnd)) continue;
      part.pieces.remove(i);
      if (piece instanceof InMemory m) part.bytesInMemory -= m.bytes();
      return piece;
    }
    return null;
  }

  /** Drops what a reader closed early did not read. */
  private synchronized void discard(Partition part, int mapStart, int mapEnd) {
    for (Piece piece = poll(part, mapStart, mapEnd); piece != null; piece = poll(part, mapStart, mapEnd)) {
      close(piece);
    }
  }

  private static void close(Piece piece) {
    if (piece instanceof InMemory m) m.batch().close();
    else if (piece instanceof OnDisk d) d.file().close();
  }

  /** Reads a partition's pieces of some map tasks one by one; owns the spill file it is reading. */
  private final class PartitionReader implements BatchSource {
    private final Partition part;
    private final int mapStart;
    private final int mapEnd;
    private final BufferAllocator allocator;
    private SpillFile file;
    private BatchSource reading;
    private boolean closed;

    PartitionReader(Partition part, int mapStart, int mapEnd, BufferAllocator allocator) {
      this.part = part;
      this.mapStart = mapStart;
      this.mapEnd = mapEnd;
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
        Piece piece = poll(part, mapStart, mapEnd);
        if (piece == null) return null;
        if (piece instanceof InMemory m) return m.batch();
        file = ((OnDisk) piece).file();
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
      discard(part, mapStart, mapEnd);
    }
  }

  /** Frees every output, in memory and on disk; what map tasks still add is dropped (the query stopped). */
  @Override public void close() {
    closing = true;
    synchronized (this) {
      closed = true;
      for (List<Partition> parts : byStage.values()) {
        for (Partition p : parts) {
          p.pieces.forEach(StageOutputs::close);
          p.pieces.clear();
          p.bytesInMemory = 0;
        }
      }
      byStage.clear();
    }
  }
}
