package dev.ember.execution.join;

import dev.ember.catalyst.types.DataType;
import dev.ember.codegen.operator.BatchBuilder;
import dev.ember.codegen.operator.JoinHashTable;
import dev.ember.codegen.pipeline.Pipeline;
import dev.ember.execution.memory.MemoryReservation;
import dev.ember.execution.memory.SpillMetrics;
import dev.ember.execution.memory.TaskMemory;
import dev.ember.execution.operator.BatchSource;
import dev.ember.execution.operator.Batches;
import dev.ember.execution.spill.SpillFile;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A grace hash join, for a build side that did not fit in memory ({@link JoinBuild} split it to
 * disk): the probe rows are split by the same key hash into as many spill files, then each
 * partition's build rows become a hash table that only that partition's probe rows probe. A
 * partition still too big for memory is split again with the next level's hash seed (up to
 * {@link #MAX_LEVEL}); after that, the join fails with SQLSTATE 53200. The output is the probe
 * step's output (probe row and build columns, as the fused pipeline would produce); rows come out
 * grouped by partition, not in input order. Every spill file is deleted as soon as its partition
 * is done, and all of them on close (end, failure or cancellation).
 */
public final class GraceJoinSource implements BatchSource {
  /** Levels of re-partitioning before giving up: 16^4 partitions is far beyond any skew-free input. */
  static final int MAX_LEVEL = 3;

  /** One partition to join; {@code ownsBuild} is false for a broadcast's shared build file. */
  private record Work(SpillFile build, SpillFile probe, int level, boolean ownsBuild) {}

  private final BatchSource probeInput;
  private final int[] probeKeys;
  private final List<DataType> keyTypes;
  private final List<DataType> buildTypes;
  private final int[] buildKeys;
  private final Function<JoinHashTable, Pipeline> probePipeline;
  private final BatchBuilder out;
  private final Deque<VectorSchemaRoot> ready;
  private final TaskMemory memory;
  private final BufferAllocator allocator;
  private final SpillMetrics metrics;
  private PartitionedRows buildParts;
  private final boolean sharedBuild;
  private final Deque<Work> work = new ArrayDeque<>();
  private boolean started;
  private boolean finished;
  // the partition being probed
  private Work current;
  private JoinHashTable table;
  private MemoryReservation reservation;
  private BatchSource probeReader;
  private Pipeline pipeline;

  /**
   * @param build the spilled build side (taken over)
   * @param probeKeys the key columns in the probe input's batches (same types as the build keys)
   * @param probePipeline makes the pipeline probing one table; it writes to {@code out}, which
   *     hands its batches to {@code ready}
   */
  public GraceJoinSource(BatchSource probeInput, int[] probeKeys, JoinBuild build, List<DataType> buildTypes,
      int[] buildKeys, Function<JoinHashTable, Pipeline> probePipeline, BatchBuilder out, Deque<VectorSchemaRoot> ready,
      TaskMemory memory, BufferAllocator allocator, SpillMetrics metrics) {
    if (!build.spilled()) throw new IllegalArgumentException("the build side is in memory");
    this.probeInput = probeInput;
    this.probeKeys = probeKeys;
    this.buildTypes = buildTypes;
    this.buildKeys = buildKeys;
    this.keyTypes = JoinBuild.keyTypes(buildTypes, buildKeys);
    this.buildParts = build.partitions();
    this.sharedBuild = build.shared();
    this.probePipeline = probePipeline;
    this.out = out;
    this.ready = ready;
    this.memory = memory;
    this.allocator = allocator;
    this.metrics = metrics;
  }

  @Override public VectorSchemaRoot next() {
    while (ready.isEmpty() && !finished) {
      if (!started) {
        started = true;
        splitProbeSide();
      } else if (probeReader != null) {
        VectorSchemaRoot in = pipeline.done() ? null : probeReader.next();
        if (in == null) {
          endPartition();
        } else {
          try {
            pipeline.process(in);
          } finally {
            in.close();
          }
        }
      } else if (!work.isEmpty()) {
        startPartition(work.pop());
      } else {
        finished = true;
        out.finish();
      }
    }
    return ready.poll();
  }

  /** Reads the whole probe input into partition files; pairs them with the build side's. */
  private void splitProbeSide() {
    PartitionedRows probeParts = null;
    try {
      VectorSchemaRoot b;
      while ((b = probeInput.next()) != null) {
        try {
          if (probeParts == null) {
            probeParts = new PartitionedRows("join-probe", b.getSchema(), probeKeys, keyTypes, JoinBuild.PARTITIONS, 0,
                allocator, metrics);
          }
          probeParts.add(b);
        } finally {
          b.close();
        }
      }
      probeInput.close();
      if (probeParts != null) probeParts.finish();
      pair(buildParts, probeParts, 0, !sharedBuild);
      if (!sharedBuild) buildParts.close(); // what pair did not take: partitions without probe rows
      buildParts = null;
    } finally {
      if (probeParts != null) probeParts.close();
    }
  }

  /** Queues (first) the partitions both sides have at {@code level}; a probe partition alone still probes (outer, anti). */
  private void pair(PartitionedRows build, PartitionedRows probe, int level, boolean takeBuild) {
    List<Work> found = new ArrayList<>();
    for (int p = 0; p < build.partitions(); p++) {
      SpillFile pr = probe == null ? null : probe.take(p);
      if (pr == null) continue; // no probe rows: nothing of an inner, outer, semi or anti join comes from it
      found.add(new Work(takeBuild ? build.take(p) : build.peek(p), pr, level, takeBuild));
    }
    for (int i = found.size() - 1; i >= 0; i--) work.push(found.get(i));
  }

  private void startPartition(Work w) {
    current = w;
    reservation = memory.newReservation("grace hash join build", null);
    List<VectorSchemaRoot> held = new ArrayList<>();
    BatchSource buildReader = w.build() == null ? null : read(w.build());
    try {
      VectorSchemaRoot b;
      while (buildReader != null && (b = buildReader.next()) != null) {
        long need = JoinBuild.bytes(b);
        boolean granted;
        try {
          granted = w.level() >= MAX_LEVEL ? reservation.tryReserve(need) : JoinBuild.tryGrow(reservation, need, memory);
        } catch (RuntimeException | Error e) {
          b.close(); // asking may throw: the query was cancelled while waiting for memory
          throw e;
        }
        if (!granted) {
          if (w.level() >= MAX_LEVEL) {
            try {
              reservation.reserve(need); // 53200 unless memory came free meanwhile
            } catch (RuntimeException e) {
              b.close();
              throw e;
            }
          } else {
            metrics.spilled();
            held.add(b); // split with the others (and closed with them on failure)
            split(w, held, buildReader);
            held.clear();
            return;
          }
        }
        held.add(b);
      }
      table = new JoinHashTable(held, buildTypes, buildKeys);
      held.clear();
      pipeline = probePipeline.apply(table);
      probeReader = w.probe().read(allocator);
    } catch (RuntimeException | Error e) {
      Batches.closeAll(held);
      throw e;
    } finally {
      if (buildReader != null) buildReader.close();
      if (probeReader == null) endPartition();
    }
  }

  /** A reader of {@code file}; a broadcast's files are read by many tasks at once. */
  private BatchSource read(SpillFile file) {
    synchronized (file) {
      return file.read(allocator);
    }
  }

  /** The partition's build rows do not fit: splits both of its sides again, one level down. */
  private void split(Work w, List<VectorSchemaRoot> held, BatchSource buildReader) {
    int level = w.level() + 1;
    try (PartitionedRows b = new PartitionedRows("join-build", held.get(0).getSchema(), buildKeys, keyTypes,
            JoinBuild.PARTITIONS, level, allocator, metrics)) {
      for (VectorSchemaRoot h : held) b.add(h);
      Batches.closeAll(held);
      held.clear();
      VectorSchemaRoot next;
      while ((next = buildReader.next()) != null) {
        try {
          b.add(next);
        } finally {
          next.close();
        }
      }
      b.finish();
      reservation.releaseAll();
      try (PartitionedRows p = new PartitionedRows("join-probe", w.probe().schema(), probeKeys, keyTypes,
               JoinBuild.PARTITIONS, level, allocator, metrics);
           BatchSource probeRows = w.probe().read(allocator)) {
        addAll(p, probeRows);
        p.finish();
        pair(b, p, level, true);
      }
    }
  }

  private void addAll(PartitionedRows p, BatchSource in) {
    VectorSchemaRoot next;
    while ((next = in.next()) != null) {
      try {
        p.add(next);
      } finally {
        next.close();
      }
    }
  }

  /** Frees the partition being probed: its table, its memory, its files. */
  private void endPartition() {
    try {
      if (probeReader != null) probeReader.close();
      if (table != null) table.close();
      if (current != null) {
        if (current.build() != null && current.ownsBuild()) current.build().close();
        current.probe().close();
      }
    } finally {
      probeReader = null;
      table = null;
      pipeline = null;
      current = null;
      if (reservation != null) reservation.close();
      reservation = null;
    }
  }

  @Override public void close() {
    List<AutoCloseable> all = new ArrayList<>();
    Batches.closeAll(ready);
    ready.clear();
    endPartition();
    for (Work w : work) {
      if (w.build() != null && w.ownsBuild()) all.add(w.build());
      all.add(w.probe());
    }
    work.clear();
    if (buildParts != null && !sharedBuild) all.add(buildParts);
    buildParts = null;
    all.add(out);
    all.add(probeInput);
    Batches.closeAll(all);
  }
}
