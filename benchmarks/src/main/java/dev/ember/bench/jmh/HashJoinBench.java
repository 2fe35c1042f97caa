package dev.ember.bench.jmh;

import dev.ember.catalyst.expr.BoundRef;
import dev.ember.catalyst.plan.logical.JoinType;
import dev.ember.catalyst.types.DataType;
import dev.ember.codegen.operator.AggHashTable;
import dev.ember.codegen.operator.JoinHashTable;
import dev.ember.codegen.pipeline.Pipeline;
import dev.ember.codegen.pipeline.PipelineFactory;
import dev.ember.codegen.pipeline.PipelineResources;
import dev.ember.codegen.pipeline.PipelineSpec;
import dev.ember.codegen.pipeline.PipelineSpec.Column;
import dev.ember.datasources.arrow.ArrowTypes;
import dev.ember.planner.physical.AggregateBuffers.Kind;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
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
 * Hash join on a BIGINT key: build a table of 131,072 unique keys with a BIGINT payload, and probe
 * it with 1 M rows (about half match) summing the payload of the matches — {@link JoinHashTable}
 * and a generated probe pipeline, against hand-written open addressing over the same vectors.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HashJoinBench {
  static final int BUILD = 1 << 17, PROBE = 1 << 20;
  private static final List<Column> BUILD_COLUMNS = List.of(new Column(DataType.BIGINT, true),
      new Column(DataType.BIGINT, true));
  private RootAllocator allocator;
  private VectorSchemaRoot probe;
  private JoinHashTable table;
  private long[] handKeys;
  private long[] handPayload;
  private int[] handRow;

  private VectorSchemaRoot buildBatch() {
    VectorSchemaRoot root = ArrowTypes.createRoot(KernelData.schema(BUILD_COLUMNS), allocator);
    BigIntVector k = (BigIntVector) root.getVector(0), v = (BigIntVector) root.getVector(1);
    k.allocateNew(BUILD);
    v.allocateNew(BUILD);
    // unique keys: the even numbers below 2^18, permuted by an odd multiplier modulo 2^17
    for (int i = 0; i < BUILD; i++) {
      k.set(i, 2L * ((i * 40503L) & (BUILD - 1)));
      v.set(i, i);
    }
    root.setRowCount(BUILD);
    return root;
  }

  @Setup(Level.Trial) public void data() {
    allocator = new RootAllocator();
    probe = KernelData.batch(allocator, PROBE, 1 << 18, 4);
    table = new JoinHashTable(List.of(buildBatch()), List.of(DataType.BIGINT, DataType.BIGINT), new int[] {0});
    // hand-written table over the same keys
    int cap = BUILD * 2;
    handKeys = new long[cap];
    handPayload = new long[cap];
    handRow = new int[cap];
    Arrays.fill(handRow, -1);
    try (VectorSchemaRoot b = buildBatch()) {
      handBuild(b);
    }
  }

  /** A fresh build batch per invocation of the build benchmarks (the table takes ownership). */
  @State(Scope.Thread)
  public static class BuildInput {
    VectorSchemaRoot batch;

    @Setup(Level.Invocation) public void fresh(HashJoinBench b) { batch = b.buildBatch(); }
  }

  @TearDown(Level.Trial) public void close() {
    table.close();
    probe.close();
    allocator.close();
  }

  @Benchmark public int buildGenerated(BuildInput in) {
    try (JoinHashTable t = new JoinHashTable(List.of(in.batch), List.of(DataType.BIGINT, DataType.BIGINT),
        new int[] {0})) {
      return t.first(42);
    }
  }

  @Benchmark public int buildHandWritten(BuildInput in) {
    try (VectorSchemaRoot b = in.batch) {
      return handBuild(b);
    }
  }

  private int handBuild(VectorSchemaRoot b) {
    ArrowBuf k = b.getVector(0).getDataBuffer(), v = b.getVector(1).getDataBuffer();
    int mask = handKeys.length - 1;
    Arrays.fill(handRow, -1);
    for (int i = 0; i < BUILD; i++) {
      long key = k.getLong((long) i * 8);
      int s = (int) (mix(key) & mask);
      while (handRow[s] >= 0) s = (s + 1) & mask;
      handKeys[s] = key;
      handPayload[s] = v.getLong((long) i * 8);
      handRow[s] = i;
    }
    return handRow[0];
  }

  @Benchmark public long probeGenerated() {
    int width = KernelData.COLUMNS.size();
    PipelineSpec.AggregateSink sink = new PipelineSpec.AggregateSink(List.of(), List.of(
        new PipelineSpec.Update(Kind.SUM, new BoundRef(width + 1, DataType.BIGINT, true), null, DataType.BIGINT, false)));
    try (AggHashTable agg = PipelineKernels.table(sink, allocator)) {
      PipelineSpec spec = new PipelineSpec("bench_probe", KernelData.COLUMNS, List.of(new PipelineSpec.ProbeStep(
          JoinType.INNER, 0, List.of(PipelineKernels.ref(0)), List.of(0), BUILD_COLUMNS, null)), sink);
      Pipeline p = PipelineFactory.create(spec, new PipelineResources(List.of(table), null, agg), true,
          PipelineKernels.CLOCK);
      p.process(probe);
      return agg.groupCount();
    }
  }

  @Benchmark public long probeHandWritten() {
    ArrowBuf k = probe.getVector(0).getDataBuffer();
    int mask = handKeys.length - 1;
    long sum = 0;
    for (int i = 0; i < PROBE; i++) {
      long key = k.getLong((long) i * 8);
      for (int s = (int) (mix(key) & mask); handRow[s] >= 0; s = (s + 1) & mask) {
        if (handKeys[s] == key) sum += handPayload[s];
      }
    }
    return sum;
  }

  private static long mix(long v) {
    v *= 0x9E3779B97F4A7C15L;
    return v ^ (v >>> 29);
  }
}
