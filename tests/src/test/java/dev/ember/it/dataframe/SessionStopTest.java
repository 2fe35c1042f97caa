package dev.ember.it.dataframe;

import static dev.ember.api.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.DataFrame;
import dev.ember.api.RowIterator;
import dev.ember.api.Session;
import dev.ember.api.StorageLevel;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.execution.memory.MemoryManager;
import org.junit.jupiter.api.Test;

/** {@code session.stop()} releases every byte and, with the engine's last session, every task thread. */
class SessionStopTest {
  private static java.util.Set<Thread> taskThreads() {
    java.util.Set<Thread> out = new java.util.HashSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) if (t.getName().startsWith("ember-task-") && t.isAlive()) out.add(t);
    return out;
  }

  @Test void stopReleasesMemoryAndThreads() throws Exception {
    java.util.Set<Thread> before = taskThreads();
    Session s = Session.builder().master("local[3]").getOrCreate();
    DataFrame cached = s.table("tpch.tiny.orders").filter(col("o_totalprice").gt(1000)).persist(StorageLevel.MEMORY_AND_DISK);
    assertTrue(cached.count() > 0);
    DataFrame lineitem = s.table("tpch.tiny.lineitem");
    RowIterator open = lineitem.toLocalIterator();
    assertTrue(open.hasNext());
    java.util.Set<Thread> ours = taskThreads();
    ours.removeAll(before);
    assertTrue(!ours.isEmpty(), "the engine runs task threads");
    open.close();
    s.stop();
    assertEquals(0, MemoryManager.allocatedBytes(), "every Arrow byte is released");
    for (Thread t : ours) t.join(10_000);
    assertTrue(ours.stream().noneMatch(Thread::isAlive), "the task threads are gone");
    EmberException e = assertThrows(EmberException.class, cached::count);
    assertTrue(e.getMessage().contains("stopped"), e.getMessage());
  }
}
