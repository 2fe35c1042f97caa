package dev.ember.execution.memory;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.planner.physical.PhysicalPlan;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.arrow.memory.AllocationListener;
import org.apache.arrow.memory.AllocationOutcome;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;

/**
 * The hard limit on one query's Arrow memory: its allocator (and every task allocator under it)
 * cannot hold more than the limit, whatever operators reserved. When an allocation would cross
 * it, Arrow asks this listener first, which asks what the query holds outside any running
 * operator — its shuffle outputs waiting for their readers — to spill; Arrow then tries once
 * more. If nothing could be freed the allocation fails, and the task reports the query out of
 * memory (SQLSTATE 53200).
 *
 * <p>Only thread-safe holders register here: the spill may run on any of the query's task
 * threads. Operators, which are confined to their task's thread, spill through their
 * {@link MemoryReservation} instead.
 */
public final class QueryMemoryLimit implements AllocationListener {
  private final List<Spillable> spillables = new CopyOnWriteArrayList<>();

  /** The listener of {@code allocator}, if it is a query's allocator made by {@link MemoryManager#newQueryAllocator}. */
  public static QueryMemoryLimit of(BufferAllocator allocator) {
    return allocator.getListener() instanceof QueryMemoryLimit l ? l : null;
  }

  /**
   * The error a task reports when one of its allocations crossed the query's limit even after
   * the query spilled what it could: SQLSTATE 53200 naming the operators of the task's stage, or
   * {@code t} itself when it is not that.
   */
  public static Throwable exceeded(Throwable t, String task, PhysicalPlan stagePlan, BufferAllocator query) {
    Throwable c = t;
    while (c != null && !(c instanceof OutOfMemoryException)) c = c.getCause();
    if (c == null) return t;
    return new EmberException(EmberException.OUT_OF_MEMORY, "out of memory: " + operators(stagePlan) + " in " + task
        + " cannot allocate more: the query holds " + MemorySize.format(query.getAllocatedMemory()) + " of its "
        + MemorySize.format(query.getLimit()) + " limit (from " + MemoryManager.OFF_HEAP_SIZE
        + ") and has nothing more to spill (" + c.getMessage() + ")", t);
  }

  /** The operators of a stage's plan, top first ("Sort <- Project <- StageInput"), for messages. */
  static String operators(PhysicalPlan plan) {
    List<String> names = new java.util.ArrayList<>();
    for (PhysicalPlan p = plan; p != null; p = p.children().isEmpty() ? null : p.children().get(0)) {
      String d = p.describe();
      int cut = d.indexOf(' ');
      names.add(cut < 0 ? d : d.substring(0, cut));
    }
    return String.join(" <- ", names);
  }

  /** Asks {@code s} to spill (from any thread) when the query's memory runs out. */
  public void addSpillable(Spillable s) { spillables.add(s); }

  public void removeSpillable(Spillable s) { spillables.remove(s); }

  /**
   * Spills until {@code size} bytes are freed or nothing more can be; always lets Arrow try again,
   * since another thread's spill may have made the room meanwhile. A holder asked while it is
   * already spilling (an allocation made by the spill itself) returns 0.
   */
  @Override public boolean onFailedAllocation(long size, AllocationOutcome outcome) {
    long freed = 0;
    for (Spillable s : spillables) {
      if (freed >= size) break;
      freed += s.spill(size - freed);
    }
    return true;
  }
}
