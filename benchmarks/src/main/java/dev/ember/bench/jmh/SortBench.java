package dev.ember.bench.jmh;

import dev.ember.catalyst.types.DataType;
import dev.ember.execution.operator.BatchSource;
import dev.ember.execution.operator.Sorts;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
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
 * ORDER BY x (DOUBLE) of 262,144 rows of the kernel batch: Ember's sort operator (all six columns
 * carried) against a hand-written sort of (key, row) pairs packed in a {@code long[]} followed by
 * a gather of two columns (a lower bound, not the same work).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SortBench {
  static final int ROWS = 1 << 18;
  private RootAllocator allocator;
  private VectorSchemaRoot input;

  @Setup(Level.Trial) public void open() { allocator = new RootAllocator(); }

  @Setup(Level.Invocation) public void fresh() { input = KernelData.batch(allocator, ROWS, 1000, 5); }

  @TearDown(Level.Trial) public void close() { allocator.close(); }

  @Benchmark public long ember() {
    VectorSchemaRoot[] once = {input};
    BatchSource source = new BatchSource() {
      @Override public VectorSchemaRoot next() {
        VectorSchemaRoot b = once[0];
        once[0] = null;
        return b;
      }

      @Override public void close() {
        if (once[0] != null) once[0].close();
      }
    };
    long rows = 0;
    try (BatchSource sorted = Sorts.sort(source, List.of(new Sorts.Key(5, DataType.DOUBLE, true, false)), -1, 0,
        allocator, 4096)) {
      for (VectorSchemaRoot b = sorted.next(); b != null; b = sorted.next()) {
        rows += b.getRowCount();
        b.close();
      }
    }
    return rows;
  }

  @Benchmark public long handWritten() {
    try (VectorSchemaRoot in = input) {
      ArrowBuf x = in.getVector(5).getDataBuffer();
      long[] packed = new long[ROWS];
      for (int i = 0; i < ROWS; i++) {
        // x is in [0, 1000): its bits order like the value; 20 bits of row index below 44 bits of key
        long bits = Double.doubleToRawLongBits(x.getDouble((long) i * 8));
        packed[i] = (bits >>> 20) << 20 | i;
      }
      java.util.Arrays.sort(packed);
      BigIntVector k = new BigIntVector("k", allocator);
      Float8Vector xs = new Float8Vector("x", allocator);
      k.allocateNew(ROWS);
      xs.allocateNew(ROWS);
      BigIntVector kin = (BigIntVector) in.getVector(0);
      Float8Vector xin = (Float8Vector) in.getVector(5);
      for (int i = 0; i < ROWS; i++) {
        int r = (int) (packed[i] & ((1 << 20) - 1));
        k.set(i, kin.get(r));
        xs.set(i, xin.get(r));
      }
      long last = xs.get(ROWS - 1) > 0 ? 1 : 0;
      k.close();
      xs.close();
      return last;
    }
  }
}
