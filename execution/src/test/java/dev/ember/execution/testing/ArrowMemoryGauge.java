package dev.ember.execution.testing;

import dev.ember.execution.memory.MemoryManager;
import dev.ember.testing.LeakGauge;
import org.apache.arrow.memory.BufferAllocator;

/** Arrow memory allocated from the process's root allocator (every query's and cache's memory). */
public final class ArrowMemoryGauge implements LeakGauge {
  @Override public String name() { return "Arrow memory (bytes)"; }

  @Override public long level() { return MemoryManager.allocatedBytes(); }

  /** The root's child allocators that hold memory: which query, result or cache it is. */
  @Override public String details() {
    StringBuilder sb = new StringBuilder();
    for (BufferAllocator child : MemoryManager.root().getChildAllocators()) {
      if (child.getAllocatedMemory() > 0) {
        sb.append("  ").append(child.getName()).append(": ").append(child.getAllocatedMemory()).append(" bytes\n");
      }
    }
    return sb.toString();
  }
}
