package dev.ember.execution.memory;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The process's one root Arrow allocator. Every query gets a child allocator and every task a
 * child of its query's, so all off-heap memory is accounted for; closing a child that still has
 * memory allocated fails loudly (a leak).
 */
public final class MemoryManager {
  private static final RootAllocator ROOT = new RootAllocator(Long.MAX_VALUE);

  private MemoryManager() {}

  public static BufferAllocator root() { return ROOT; }

  /** Bytes of off-heap memory allocated right now, over all queries. */
  public static long allocatedBytes() { return ROOT.getAllocatedMemory(); }

  public static BufferAllocator newQueryAllocator(String name) {
    return ROOT.newChildAllocator(name, 0, Long.MAX_VALUE);
  }
}
