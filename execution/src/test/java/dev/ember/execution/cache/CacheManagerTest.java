package dev.ember.execution.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Scan;
import dev.ember.catalyst.plan.logical.Values;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.BatchReader;
import dev.ember.datasources.arrow.ArrowTypes;
import dev.ember.datasources.arrow.ArrowValues;
import dev.ember.execution.memory.MemoryManager;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cache manager on its own: sub-plans equal up to ids are replaced by scans of cached blocks
 * that hold the rows the materializer produced; entries are built once, rebuilt after a
 * MEMORY_ONLY eviction, read back from disk after a MEMORY_AND_DISK one; nothing leaks.
 */
class CacheManagerTest {
  private static final Schema SCHEMA = Schema.of(new Field("k", DataType.BIGINT, false), new Field("s", DataType.VARCHAR, true));

  @AfterEach void noLeak() { assertEquals(0, MemoryManager.allocatedBytes()); }

  /** A plan over literal rows {@code 0 … n-1}; each call has fresh ids. */
  private static LogicalPlan plan(int n) {
    List<AttributeRef> out = List.of(AttributeRef.of("k", DataType.BIGINT, false), AttributeRef.of("s", DataType.VARCHAR, true));
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) rows.add(java.util.Arrays.asList((long) i, i % 3 == 0 ? null : dev.ember.catalyst.types.Utf8String.of("v" + i)));
    Values v = new Values(out, rows);
    return new Filter(BinaryOp.predicate(BinaryOp.Op.GE, out.get(0), Literal.ofLong(0)), v);
  }

  /** Produces the plan's rows (it only understands {@link #plan}) in batches of 1000, counting runs. */
  private static final class Rows implements CacheManager.Materializer {
    int runs;

    @Override public void run(LogicalPlan p, java.util.function.Consumer<VectorSchemaRoot> sink) {
      runs++;
      Values v = (Values) p.children().get(0);
      try (BufferAllocator a = MemoryManager.newQueryAllocator("test")) {
        for (int from = 0; from < v.rows().size(); from += 1000) {
          try (VectorSchemaRoot b = ArrowTypes.createRoot(SCHEMA, a)) {
            int n = Math.min(1000, v.rows().size() - from);
            for (int c = 0; c < 2; c++) {
              for (int r = 0; r < n; r++) ArrowValues.set(b.getVector(c), r, SCHEMA.field(c).type(), v.rows().get(from + r).get(c));
              b.getVector(c).setValueCount(n);
            }
            b.setRowCount(n);
            sink.accept(b);
          }
        }
      }
    }
  }

  private static List<List<Object>> read(LogicalPlan substituted) {
    Scan scan = assertInstanceOf(Scan.class, substituted);
    var table = (dev.ember.datasources.DataSourceTable) scan.table();
    List<List<Object>> rows = new ArrayList<>();
    try (BufferAllocator a = MemoryManager.newQueryAllocator("read")) {
      for (var split : table.splits(4)) {
        try (BatchReader r = table.open(split, List.of("s", "k"), List.of(), a, 4096)) {
          for (VectorSchemaRoot b = r.next(); b != null; b = r.next()) {
            for (int i = 0; i < b.getRowCount(); i++) {
              rows.add(java.util.Arrays.asList(ArrowValues.get(b.getVector(1), i, DataType.BIGINT),
                  ArrowValues.get(b.getVector(0), i, DataType.VARCHAR)));
            }
            b.close();
          }
        }
      }
    }
    return rows;
  }

  @Test void equalPlansUpToIdsShareOneEntry() {
    assertEquals(PlanIds.normalize(plan(5)), PlanIds.normalize(plan(5)));
    assertNotEquals(PlanIds.normalize(plan(5)), PlanIds.normalize(plan(6)));
    try (CacheManager cache = new CacheManager(Long.MAX_VALUE)) {
      Rows rows = new Rows();
      LogicalPlan unrelated = plan(3);
      assertSame(unrelated, cache.substitute(unrelated, rows), "nothing cached, nothing changes");
      cache.register(plan(20_000), CacheLevel.MEMORY_ONLY);
      LogicalPlan other = plan(20_000);
      List<List<Object>> first = read(cache.substitute(other, rows));
      assertEquals(20_000, first.size());
      assertEquals(java.util.Arrays.asList(1L, dev.ember.catalyst.types.Utf8String.of("v1")), first.get(1));
      assertEquals(null, first.get(3).get(1));
      Scan again = (Scan) cache.substitute(plan(20_000), rows);
      assertEquals(1, rows.runs, "built once");
      assertTrue(cache.memoryBytes() > 0);
      assertEquals(first, read(again));
      assertEquals(((dev.ember.datasources.DataSourceTable) again.table()).splits(8).size(), 3, "one split per block of 8 batches");
      assertTrue(cache.unregister(plan(20_000)));
      assertSame(other, cache.substitute(other, rows));
      assertEquals(0, cache.memoryBytes());
    }
  }

  @Test void evictionRebuildsMemoryOnlyAndSpillsTheRest() {
    try (CacheManager cache = new CacheManager(1)) {
      Rows rows = new Rows();
      cache.register(plan(5000), CacheLevel.MEMORY_ONLY);
      cache.register(plan(7000), CacheLevel.MEMORY_AND_DISK);
      List<List<Object>> a = read(cache.substitute(plan(5000), rows));
      List<List<Object>> b = read(cache.substitute(plan(7000), rows));
      assertEquals(2, rows.runs);
      assertEquals(0, cache.memoryBytes(), "over a 1-byte budget everything was evicted or spilled");
      assertEquals(b, read(cache.substitute(plan(7000), rows)));
      assertEquals(2, rows.runs, "spilled data is read from disk");
      assertEquals(a, read(cache.substitute(plan(5000), rows)));
      assertEquals(3, rows.runs, "dropped MEMORY_ONLY data is recomputed");
      assertEquals(2, cache.builds(plan(5000)));
    }
  }

  @Test void cachedBytesAreStorageMemoryThatExecutionEvicts() {
    var pool = new dev.ember.execution.memory.UnifiedMemoryPool(1L << 30, 0);
    try (CacheManager cache = new CacheManager(Long.MAX_VALUE, pool)) {
      Rows rows = new Rows();
      cache.register(plan(20_000), CacheLevel.MEMORY_AND_DISK);
      List<List<Object>> before = read(cache.substitute(plan(20_000), rows));
      long cached = cache.memoryBytes();
      assertTrue(cached > 0);
      assertEquals(cached, pool.storageUsed(), "the cache's bytes are storage memory");
      pool.resize(cached + 1000, 0); // now execution can only get memory by evicting the cache
      try (var task = new dev.ember.execution.memory.TaskMemory(pool, "t", new dev.ember.execution.memory.SpillMetrics(), () -> {})) {
        assertTrue(task.newReservation("agg", null).tryReserve(cached));
      }
      assertEquals(0, cache.memoryBytes(), "spilled to disk for execution");
      assertEquals(0, pool.storageUsed());
      assertEquals(before, read(cache.substitute(plan(20_000), rows)));
      assertEquals(1, rows.runs, "read back from disk, not recomputed");
    }
  }
}
