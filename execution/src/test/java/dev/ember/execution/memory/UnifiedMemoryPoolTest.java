package dev.ember.execution.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.errors.EmberException;
import org.junit.jupiter.api.Test;

class UnifiedMemoryPoolTest {
  private static final long MB = 1L << 20;

  private static TaskMemory task(UnifiedMemoryPool pool, String name) {
    return new TaskMemory(pool, name, new SpillMetrics(), () -> {});
  }

  @Test void aTaskAloneGetsTheWholeExecutionPoolAndNoMore() {
    UnifiedMemoryPool pool = new UnifiedMemoryPool(100 * MB, 0.5);
    try (TaskMemory t = task(pool, "t")) {
      MemoryReservation r = t.newReservation("agg", null);
      assertTrue(r.tryReserve(100 * MB));
      assertFalse(r.tryReserve(1));
      assertEquals(100 * MB, pool.executionUsed());
      r.release(40 * MB);
      assertEquals(60 * MB, r.size());
      assertEquals(60 * MB, pool.executionUsed());
    }
    assertEquals(0, pool.executionUsed(), "closing the task gives its memory back");
  }

  @Test void eachOfNTasksGetsAtMostOneNth() {
    UnifiedMemoryPool pool = new UnifiedMemoryPool(100 * MB, 0.5);
    try (TaskMemory a = task(pool, "a"); TaskMemory b = task(pool, "b")) {
      b.activate();
      MemoryReservation ra = a.newReservation("sort", null);
      assertTrue(ra.tryReserve(50 * MB));
      assertFalse(ra.tryReserve(1 * MB), "a is at its 1/2 share while b is active");
      assertTrue(b.newReservation("agg", null).tryReserve(50 * MB));
    }
  }

  @Test void aTaskUnderItsMinimumWaitsForOthersToRelease() throws Exception {
    UnifiedMemoryPool pool = new UnifiedMemoryPool(100 * MB, 0.5);
    try (TaskMemory a = task(pool, "a"); TaskMemory b = task(pool, "b")) {
      MemoryReservation ra = a.newReservation("sort", null);
      assertTrue(ra.tryReserve(100 * MB)); // alone, a may take everything
      Thread releaser = new Thread(() -> {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          return;
        }
        ra.release(60 * MB);
      });
      releaser.start();
      // b holds nothing (< 1/4 of the pool): it waits for a to release instead of being refused at once
      assertTrue(b.newReservation("agg", null).tryReserve(30 * MB));
      releaser.join();
    }
  }

  @Test void refusedRequestsSpillTheTasksOtherOperatorsFirst() {
    UnifiedMemoryPool pool = new UnifiedMemoryPool(100 * MB, 0.5);
    try (TaskMemory t = task(pool, "t")) {
      MemoryReservation[] sort = new MemoryReservation[1];
      sort[0] = t.newReservation("sort", wanted -> {
        long n = sort[0].size();
        sort[0].releaseAll();
        return n;
      });
      assertTrue(sort[0].tryReserve(80 * MB));
      MemoryReservation agg = t.newReservation("agg", null);
      assertTrue(agg.tryReserve(50 * MB));
      assertEquals(0, sort[0].size(), "the sort was asked to spill");
      assertEquals(1, t.metrics().spills());
    }
  }

  @Test void aRequestThatCannotBeMetFailsWithSqlState53200NamingTheOperatorAndLimit() {
    UnifiedMemoryPool pool = new UnifiedMemoryPool(10 * MB, 0.5);
    try (TaskMemory t = task(pool, "q1 stage 2 task 0")) {
      MemoryReservation r = t.newReservation("HashAggregate", null);
      EmberException e = assertThrows(EmberException.class, () -> r.reserve(20 * MB));
      assertEquals("53200", e.sqlState());
      assertTrue(e.getMessage().startsWith("out of memory: HashAggregate in q1 stage 2 task 0"), e.getMessage());
      assertTrue(e.getMessage().contains("10.0 MiB limit, ember.memory.offHeap.size"), e.getMessage());
    }
  }

  @Test void executionEvictsStorageAboveItsRegionButNotBelow() {
    UnifiedMemoryPool pool = new UnifiedMemoryPool(100 * MB, 0.3);
    long[] cached = {0};
    pool.addEvictor(bytes -> {
      long n = Math.min(bytes, cached[0]);
      cached[0] -= n;
      pool.releaseStorage(n);
      return n;
    });
    assertTrue(pool.acquireStorage(80 * MB));
    cached[0] = 80 * MB;
    try (TaskMemory t = task(pool, "t")) {
      MemoryReservation r = t.newReservation("agg", null);
      assertTrue(r.tryReserve(60 * MB), "storage above 30 MB is evicted for execution");
      assertEquals(40 * MB, pool.storageUsed());
      assertTrue(r.tryReserve(10 * MB));
      assertFalse(r.tryReserve(1 * MB), "the storage region (30 MB) is not evicted");
      assertFalse(pool.acquireStorage(1 * MB), "storage never evicts execution");
    }
  }
}
