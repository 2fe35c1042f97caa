package dev.ember.bench.jmh;

import dev.ember.catalyst.types.DataType;
import dev.ember.codegen.operator.Hashing;
import dev.ember.datasources.arrow.ArrowValues;
import dev.ember.execution.shuffle.HashPartitioner;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The shuffle's map side: split a 64 K-row lineitem-like batch (KernelData: BIGINT key, three
 * DECIMAL(15,2), a short VARCHAR, a DOUBLE) into 8 hash partitions of new Arrow batches.
 * {@code split} is {@link HashPartitioner}; {@code cellByCell} is how it copied before (one
 * {@code ArrowValues.copy} per cell, kept here as the reference the change is measured against);
 * {@code handWritten} is a plain scatter of the same columns into pre-sized off-heap buffers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ShuffleSplitBench {
  static final int ROWS = 1 << 16, PARTITIONS = 8;
  private RootAllocator allocator;
  private VectorSchemaRoot batch;
  private HashPartitioner partitioner;

  @Setup(Level.Trial) public void data() {
    allocator = new RootAllocator();
    batch = KernelData.batch(allocator, ROWS, 1 << 20, 7);
    partitioner = new HashPartitioner(new int[] {0}, List.of(DataType.BIGINT), PARTITIONS);
  }

  @TearDown(Level.Trial) public void close() {
    batch.close();
    allocator.close();
  }

  @Benchmark public long split() {
    long[] rows = {0};
    partitioner.split(batch, allocator, (p, part) -> {
      rows[0] += part.getRowCount();
      part.close();
    });
    return rows[0];
  }

  @Benchmark public long cellByCell() {
    int n = batch.getRowCount();
    int[] target = new int[n], counts = new int[PARTITIONS];
    FieldVector key = batch.getVector(0);
    for (int r = 0; r < n; r++) {
      int p = Math.floorMod(Hashing.finish(Hashing.combine(Hashing.SEED, Hashing.hashCell(key, r, DataType.BIGINT))),
          PARTITIONS);
      target[r] = p;
      counts[p]++;
    }
    long rows = 0;
    for (int p = 0; p < PARTITIONS; p++) {
      try (VectorSchemaRoot part = VectorSchemaRoot.create(batch.getSchema(), allocator)) {
        for (int c = 0; c < batch.getFieldVectors().size(); c++) {
          FieldVector from = batch.getVector(c), to = part.getVector(c);
          to.setInitialCapacity(counts[p]);
          to.allocateNew();
          int i = 0;
          for (int r = 0; r < n; r++) if (target[r] == p) ArrowValues.copy(from, r, to, i++);
          to.setValueCount(counts[p]);
        }
        rows += counts[p];
      }
    }
    return rows;
  }

  @Benchmark public long handWritten() {
    int n = batch.getRowCount();
    ArrowBuf keys = batch.getVector(0).getDataBuffer();
    int[] target = new int[n], counts = new int[PARTITIONS];
    for (int r = 0; r < n; r++) {
      int p = Math.floorMod(Hashing.finish(Hashing.combine(Hashing.SEED, Hashing.hashLong(keys.getLong(r * 8L)))),
          PARTITIONS);
      target[r] = p;
      counts[p]++;
    }
    BaseVariableWidthVector flags = (BaseVariableWidthVector) batch.getVector(4);
    ArrowBuf flagOffsets = flags.getOffsetBuffer(), flagData = flags.getDataBuffer();
    long sum = 0;
    ArrowBuf[] fixed = new ArrowBuf[PARTITIONS * 5];
    ArrowBuf[] strings = new ArrowBuf[PARTITIONS * 2];
    int[] at = new int[PARTITIONS], bytes = new int[PARTITIONS];
    try {
      for (int p = 0; p < PARTITIONS; p++) {
        fixed[p * 5] = allocator.buffer(counts[p] * 8L);
        for (int c = 1; c < 4; c++) fixed[p * 5 + c] = allocator.buffer(counts[p] * 16L);
        fixed[p * 5 + 4] = allocator.buffer(counts[p] * 8L);
        strings[p * 2] = allocator.buffer((counts[p] + 1) * 4L);
        strings[p * 2 + 1] = allocator.buffer(counts[p] * 8L);
        strings[p * 2].setInt(0, 0);
      }
      int[] src = {0, 1, 2, 3, 5};
      int[] width = {8, 16, 16, 16, 8};
      for (int c = 0; c < 5; c++) {
        ArrowBuf from = batch.getVector(src[c]).getDataBuffer();
        java.util.Arrays.fill(at, 0);
        for (int r = 0; r < n; r++) {
          int p = target[r], i = at[p]++;
          ArrowBuf to = fixed[p * 5 + c];
          to.setLong((long) i * width[c], from.getLong((long) r * width[c]));
          if (width[c] == 16) to.setLong((long) i * 16 + 8, from.getLong((long) r * 16 + 8));
        }
      }
      java.util.Arrays.fill(at, 0);
      for (int r = 0; r < n; r++) {
        int p = target[r], i = at[p]++;
        int start = flagOffsets.getInt(r * 4L), len = flagOffsets.getInt(r * 4L + 4) - start;
        strings[p * 2 + 1].setBytes(bytes[p], flagData, start, len);
        bytes[p] += len;
        strings[p * 2].setInt((i + 1) * 4L, bytes[p]);
      }
      for (int p = 0; p < PARTITIONS; p++) sum += at[p] + bytes[p];
    } finally {
      for (ArrowBuf b : fixed) if (b != null) b.close();
      for (ArrowBuf b : strings) if (b != null) b.close();
    }
    return sum;
  }
}
