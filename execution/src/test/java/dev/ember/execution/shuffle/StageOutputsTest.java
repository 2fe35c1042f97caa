package dev.ember.execution.shuffle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.execution.memory.QueryMemoryLimit;
import dev.ember.execution.memory.SpillMetrics;
import dev.ember.execution.operator.BatchSource;
import dev.ember.execution.spill.SpillFile;
import dev.ember.execution.spill.SpillTestBase;
import dev.ember.planner.physical.PartitionRange;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/** The local shuffle spills its partitions when the query's memory runs out and reads them back in order. */
class StageOutputsTest extends SpillTestBase {
  private final SpillMetrics metrics = new SpillMetrics();

  private static VectorSchemaRoot batch(BufferAllocator a, long from, int rows) {
    BigIntVector v = new BigIntVector("x", a);
    v.allocateNew(rows);
    for (int i = 0; i < rows; i++) v.set(i, from + i);
    v.setValueCount(rows);
    return VectorSchemaRoot.of(v);
  }

  private static List<Long> read(BatchSource source) {
    List<Long> out = new ArrayList<>();
    try (source) {
      for (VectorSchemaRoot next = source.next(); next != null; next = source.next()) {
        try (VectorSchemaRoot b = next) {
          BigIntVector v = (BigIntVector) b.getVector(0);
          for (int i = 0; i < v.getValueCount(); i++) out.add(v.get(i));
        }
      }
    }
    return out;
  }

  private static List<Long> range(long from, long to) {
    List<Long> out = new ArrayList<>();
    for (long i = from; i < to; i++) out.add(i);
    return out;
  }

  @Test void spilledPartitionsAreReadBackInTheOrderTheyWereAdded() {
    try (StageOutputs outputs = new StageOutputs(allocator, metrics)) {
      outputs.register(1, 2, 1);
      for (int b = 0; b < 4; b++) outputs.add(1, 0, b % 2, batch(allocator, b * 1000L, 1000));
      long held = outputs.bytesInMemory();
      assertTrue(outputs.spill(1) >= held / 2, "at least half of what is held is spilled");
      for (int b = 4; b < 8; b++) outputs.add(1, 0, b % 2, batch(allocator, b * 1000L, 1000));
      assertTrue(outputs.spill(Long.MAX_VALUE) > 0);
      outputs.add(1, 0, 0, batch(allocator, 8000, 1000));
      assertTrue(metrics.shuffleBytes() > 0 && metrics.files() >= 2, metrics.toString());

      List<Long> even = new ArrayList<>();
      for (int b = 0; b <= 8; b += 2) even.addAll(range(b * 1000L, b * 1000L + 1000));
      assertEquals(even, read(outputs.open(1, 0, 0, PartitionRange.ALL_MAPS, allocator)));
      List<Long> odd = new ArrayList<>();
      for (int b = 1; b < 8; b += 2) odd.addAll(range(b * 1000L, b * 1000L + 1000));
      assertEquals(odd, outputs.take(1, 1).stream().flatMap(b -> {
        try (b) {
          BigIntVector v = (BigIntVector) b.getVector(0);
          List<Long> l = new ArrayList<>();
          for (int i = 0; i < v.getValueCount(); i++) l.add(v.get(i));
          return l.stream();
        }
      }).toList());
      assertEquals(0, SpillFile.liveFiles(), "read spill files are deleted");
    }
  }

  @Test void splitReadersGetTheirMapTasksBatchesAndSharedReadersCopiesSpilledOrNot() {
    try (StageOutputs outputs = new StageOutputs(allocator, metrics)) {
      outputs.register(0, 2, 3);
      for (int b = 0; b < 6; b++) outputs.add(0, b % 3, 0, batch(allocator, b * 100L, 100)); // maps 0, 1, 2, 0, 1, 2
      for (int b = 0; b < 2; b++) outputs.add(0, b, 1, batch(allocator, 1000 + b * 100L, 100));
      outputs.expectReads(0, 1, 2);
      outputs.spill(Long.MAX_VALUE);
      outputs.add(0, 1, 0, batch(allocator, 600, 100)); // map 1, in memory after its spilled batches
      List<Long> map1 = new ArrayList<>(range(100, 200));
      map1.addAll(range(400, 500));
      map1.addAll(range(600, 700));
      assertEquals(map1, read(outputs.open(0, 0, 1, 2, allocator)), "map task 1's blocks, in order");
      List<Long> others = new ArrayList<>(range(0, 100));
      others.addAll(range(300, 400));
      others.addAll(range(200, 300));
      others.addAll(range(500, 600));
      assertEquals(others.stream().sorted().toList(), read(outputs.open(0, 0, 0, 3, allocator)).stream().sorted().toList());
      assertEquals(range(1000, 1200), read(outputs.open(0, 1, 0, PartitionRange.ALL_MAPS, allocator)), "a copy");
      assertEquals(range(1000, 1200), read(outputs.open(0, 1, 0, PartitionRange.ALL_MAPS, allocator)), "the last reader");
      assertEquals(0, SpillFile.liveFiles(), "read spill files are deleted");
    }
  }

  @Test void reachingTheQueryLimitSpillsTheOutputsInsteadOfFailing() {
    QueryMemoryLimit limit = new QueryMemoryLimit();
    try (BufferAllocator query = allocator.newChildAllocator("q", limit, 0, 1 << 20);
         StageOutputs outputs = new StageOutputs(query, metrics)) {
      limit.addSpillable(outputs);
      outputs.register(0, 1, 1);
      for (int b = 0; b < 6; b++) outputs.add(0, 0, 0, batch(query, b * 8192L, 8192)); // 6 x 128 KiB (rounded up)
      try (BufferAllocator task = query.newChildAllocator("task", 0, Long.MAX_VALUE)) {
        try (ArrowBuf buf = task.buffer(300_000)) { // 512 KiB: fits only once the outputs are on disk
          buf.setLong(0, 1);
          assertTrue(metrics.shuffleBytes() > 0, "the outputs made room by spilling");
          assertEquals(0, outputs.bytesInMemory());
          assertThrows(OutOfMemoryException.class, () -> task.buffer(700_000).close(), "nothing more to spill");
        }
      }
      assertEquals(range(0, 6 * 8192), read(outputs.open(0, 0, 0, PartitionRange.ALL_MAPS, query)));
    }
  }
}
