package dev.ember.bench.jmh;

import dev.ember.codegen.operator.AggHashTable;
import dev.ember.codegen.operator.VectorKeys;
import dev.ember.codegen.pipeline.Pipeline;
import dev.ember.codegen.pipeline.PipelineSpec;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Hash aggregation {@code GROUP BY key: count(*), sum(price), sum(price * (1 - discount) * (1 +
 * tax))} over 1 M rows: the generated pipeline with {@link AggHashTable} against a hand-written
 * loop over the same vectors with a primitive open-addressing table and 128-bit sums.
 * Keys: {@code few} (4 BIGINT), {@code many} (200,000 BIGINT), {@code string} (6 VARCHAR).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AggregationBench {
  static final int ROWS = 1 << 20;

  @Param({"few", "many", "string"}) public String keys;

  private RootAllocator allocator;
  private VectorSchemaRoot batch;
  private PipelineSpec.AggregateSink sink;
  private AggHashTable table;
  private Pipeline pipeline;

  @Setup(Level.Trial) public void data() {
    allocator = new RootAllocator();
    batch = KernelData.batch(allocator, ROWS, keys.equals("many") ? 200_000 : 4, 1);
    sink = PipelineKernels.aggregation(PipelineKernels.ref(keys.equals("string") ? 4 : 0));
  }

  @Setup(Level.Invocation) public void freshTable() {
    table = PipelineKernels.table(sink, allocator);
    pipeline = PipelineKernels.aggregate(sink, table);
  }

  @TearDown(Level.Invocation) public void closeTable() { table.close(); }

  @TearDown(Level.Trial) public void close() {
    batch.close();
    allocator.close();
  }

  @Benchmark public int generated() {
    pipeline.process(batch);
    return table.groupCount();
  }

  @Benchmark public int handWritten() {
    return keys.equals("string") ? handWrittenStrings() : handWrittenLongs();
  }

  private int handWrittenLongs() {
    ArrowBuf k = batch.getVector(0).getDataBuffer();
    int cap = Integer.highestOneBit(Math.max(16, ROWS)) * 2, mask = cap - 1;
    long[] slotKeys = new long[cap];
    int[] slotGroup = new int[cap];
    Arrays.fill(slotGroup, -1);
    Sums sums = new Sums(1024);
    int groups = 0;
    for (int i = 0; i < ROWS; i++) {
      long key = k.getLong((long) i * 8);
      int s = (int) (mix(key) & mask);
      while (slotGroup[s] >= 0 && slotKeys[s] != key) s = (s + 1) & mask;
      if (slotGroup[s] < 0) {
        slotKeys[s] = key;
        slotGroup[s] = groups++;
        sums.ensure(groups);
      }
      sums.add(slotGroup[s], i);
    }
    return groups;
  }

  private int handWrittenStrings() {
    VarCharVector flags = (VarCharVector) batch.getVector(4);
    int cap = 64, mask = cap - 1;
    int[] slotRow = new int[cap];
    int[] slotGroup = new int[cap];
    Arrays.fill(slotGroup, -1);
    Sums sums = new Sums(64);
    int groups = 0;
    for (int i = 0; i < ROWS; i++) {
      int s = VectorKeys.hashUtf8(flags, i) * 0x9E3779B9 >>> 26 & mask;
      while (slotGroup[s] >= 0 && !VectorKeys.cellsEqual(flags, slotRow[s], flags, i)) s = (s + 1) & mask;
      if (slotGroup[s] < 0) {
        slotRow[s] = i;
        slotGroup[s] = groups++;
      }
      sums.add(slotGroup[s], i);
    }
    return groups;
  }

  private static long mix(long v) {
    v *= 0x9E3779B97F4A7C15L;
    return v ^ (v >>> 29);
  }

  /** count, sum(price) and the 128-bit sum of the charge per group, in primitive arrays. */
  private final class Sums {
    private final ArrowBuf price = batch.getVector(1).getDataBuffer();
    private final ArrowBuf discount = batch.getVector(2).getDataBuffer();
    private final ArrowBuf tax = batch.getVector(3).getDataBuffer();
    long[] count, sum, chargeLo, chargeHi;

    Sums(int n) { count = new long[n]; sum = new long[n]; chargeLo = new long[n]; chargeHi = new long[n]; }

    void ensure(int groups) {
      if (groups <= count.length) return;
      int n = count.length * 2;
      count = Arrays.copyOf(count, n);
      sum = Arrays.copyOf(sum, n);
      chargeLo = Arrays.copyOf(chargeLo, n);
      chargeHi = Arrays.copyOf(chargeHi, n);
    }

    void add(int g, int i) {
      long p = price.getLong((long) i * 16);
      long a = p * (100 - discount.getLong((long) i * 16));
      long b = 100 + tax.getLong((long) i * 16);
      long lo = a * b, hi = Math.multiplyHigh(a, b);
      count[g]++;
      sum[g] += p;
      long newLo = chargeLo[g] + lo;
      chargeHi[g] += hi + (Long.compareUnsigned(newLo, lo) < 0 ? 1 : 0);
      chargeLo[g] = newLo;
    }
  }
}
