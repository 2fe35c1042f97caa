package dev.ember.execution.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.expr.BoundRef;
import dev.ember.catalyst.expr.eval.QueryClock;
import dev.ember.catalyst.plan.logical.JoinType;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.codegen.operator.BatchBuilder;
import dev.ember.codegen.pipeline.PipelineFactory;
import dev.ember.codegen.pipeline.PipelineResources;
import dev.ember.codegen.pipeline.PipelineSpec;
import dev.ember.codegen.pipeline.PipelineSpec.Column;
import dev.ember.datasources.arrow.ArrowTypes;
import dev.ember.execution.memory.TaskMemory;
import dev.ember.execution.operator.BatchSource;
import dev.ember.execution.operator.ListSource;
import dev.ember.execution.spill.SpillTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/**
 * The grace hash join on its own, with a private 64 KiB memory pool and a build side of several
 * megabytes: partitions of the first split are still too big, so they are split again with the
 * next level's seed. Answers are checked against sums computed here; every spill file is gone at
 * the end and every Arrow buffer is freed.
 */
class GraceJoinSourceTest extends SpillTestBase {
  private static final int BUILD_ROWS = 50_000;
  private static final List<DataType> TWO_LONGS = List.of(DataType.BIGINT, DataType.BIGINT);

  /** Rows (k, v) for k in [from, to) stepping by 1; every 7th key NULL when {@code nulls}. */
  private List<VectorSchemaRoot> batches(long from, long to, long vFactor, boolean nulls) {
    Schema schema = Schema.of(new Field("k", DataType.BIGINT, true), new Field("v", DataType.BIGINT, false));
    List<VectorSchemaRoot> out = new ArrayList<>();
    for (long start = from; start < to; start += 4096) {
      int n = (int) Math.min(4096, to - start);
      VectorSchemaRoot root = ArrowTypes.createRoot(schema, allocator);
      BigIntVector k = (BigIntVector) root.getVector(0), v = (BigIntVector) root.getVector(1);
      k.allocateNew(n);
      v.allocateNew(n);
      for (int i = 0; i < n; i++) {
        long key = start + i;
        if (nulls && key % 7 == 0) k.setNull(i);
        else k.set(i, key);
        v.set(i, key * vFactor);
      }
      k.setValueCount(n);
      v.setValueCount(n);
      root.setRowCount(n);
      out.add(root);
    }
    return out;
  }

  /** Joins probe keys [0, 2 * BUILD_ROWS) (every 7th NULL) with build keys [0, BUILD_ROWS); returns {rows, sum of all columns}. */
  private long[] join(JoinType type, TaskMemory memory) {
    JoinBuild build = JoinBuild.read(new ListSource(batches(0, BUILD_ROWS, 10, false)), TWO_LONGS, new int[] {0}, true,
        memory, allocator, memory.metrics());
    assertTrue(build.spilled(), "the build side should not fit in 64 KiB");
    List<Column> two = List.of(new Column(DataType.BIGINT, true), new Column(DataType.BIGINT, false));
    PipelineSpec.ProbeStep probe = new PipelineSpec.ProbeStep(type, 0, List.of(new BoundRef(0, DataType.BIGINT, true)),
        List.of(0), two, null);
    PipelineSpec spec = new PipelineSpec("grace_test", two, List.of(probe), new PipelineSpec.OutputSink());
    Schema joinedSchema = Schema.of(new Field("k", DataType.BIGINT, true), new Field("p", DataType.BIGINT, false),
        new Field("bk", DataType.BIGINT, true), new Field("bv", DataType.BIGINT, false));
    Schema outSchema = type.outputsRight() ? joinedSchema
        : Schema.of(new Field("k", DataType.BIGINT, true), new Field("p", DataType.BIGINT, false));
    Deque<VectorSchemaRoot> ready = new ArrayDeque<>();
    BatchBuilder out = new BatchBuilder(outSchema, allocator, 4096, ready::add);
    long rows = 0, sum = 0;
    try (BatchSource joined = new GraceJoinSource(new ListSource(batches(0, 2L * BUILD_ROWS, 1, true)), new int[] {0},
        build, TWO_LONGS, new int[] {0}, table -> PipelineFactory.create(spec, new PipelineResources(List.of(table), out, null),
            true, QueryClock.now()), out, ready, memory, allocator, memory.metrics())) {
      for (VectorSchemaRoot next = joined.next(); next != null; next = joined.next()) {
        try (VectorSchemaRoot b = next) {
          rows += b.getRowCount();
          for (int c = 0; c < b.getFieldVectors().size(); c++) {
            BigIntVector v = (BigIntVector) b.getVector(c);
            for (int r = 0; r < b.getRowCount(); r++) if (!v.isNull(r)) sum += v.get(r);
          }
        }
      }
    } finally {
      build.close();
    }
    return new long[] {rows, sum};
  }

  private long filesLeft() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    }
  }

  @Test void aBuildSideFarBeyondMemoryJoinsPartitionByPartitionAndSplitsAgain() throws Exception {
    TaskMemory memory = TaskMemory.standalone(64 << 10);
    long[] inner = join(JoinType.INNER, memory);
    // matches: keys [0, BUILD_ROWS) not divisible by 7; each row is (k, k, k, 10k)
    long expectedRows = 0, expectedSum = 0;
    for (long k = 0; k < BUILD_ROWS; k++) {
      if (k % 7 == 0) continue;
      expectedRows++;
      expectedSum += k + k + k + 10 * k;
    }
    assertEquals(expectedRows, inner[0]);
    assertEquals(expectedSum, inner[1]);
    // 16 build and 16 probe files at the first level; more only if partitions were split again
    assertTrue(memory.metrics().files() > 2 * JoinBuild.PARTITIONS, "files spilled: " + memory.metrics().files());
    assertEquals(0, filesLeft());
    assertEquals(0, memory.held());
    memory.close();
  }

  @Test void anAntiJoinKeepsUnmatchedAndNullKeyedProbeRowsWhenSpilled() throws Exception {
    TaskMemory memory = TaskMemory.standalone(64 << 10);
    long[] anti = join(JoinType.LEFT_ANTI, memory);
    long expectedRows = 0, expectedSum = 0;
    for (long k = 0; k < 2L * BUILD_ROWS; k++) {
      boolean nullKey = k % 7 == 0;
      if (!nullKey && k < BUILD_ROWS) continue;
      expectedRows++;
      expectedSum += (nullKey ? 0 : k) + k;
    }
    assertEquals(expectedRows, anti[0]);
    assertEquals(expectedSum, anti[1]);
    assertEquals(0, filesLeft());
    memory.close();
  }
}
