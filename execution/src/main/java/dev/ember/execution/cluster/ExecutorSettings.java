package dev.ember.execution.cluster;

import dev.ember.execution.memory.MemoryManager;
import dev.ember.execution.memory.MemorySize;
import dev.ember.execution.spill.SpillDirectory;
import java.nio.file.Path;
import java.util.Map;

/**
 * Applies a session's process-wide settings ({@link TaskSettings#processSettings()}) in an
 * executor: the memory budget and the spill directory are one per process, as on the driver, so
 * the last session to set them wins. A spill directory gets a sub-directory per executor process:
 * executors on one host (a {@code local-cluster}) share the session's directory without their
 * files' names meeting.
 */
final class ExecutorSettings {
  private ExecutorSettings() {}

  static synchronized void apply(Map<String, String> settings, String executorId) {
    String size = settings.get(MemoryManager.OFF_HEAP_SIZE);
    String fraction = settings.get(MemoryManager.STORAGE_FRACTION);
    if (size != null || fraction != null) {
      long total = size == null ? MemoryManager.pool().total() : MemorySize.parse(MemoryManager.OFF_HEAP_SIZE, size);
      double share = fraction == null ? MemoryManager.pool().storageFraction() : Double.parseDouble(fraction.trim());
      if (total != MemoryManager.pool().total() || share != MemoryManager.pool().storageFraction()) {
        MemoryManager.configure(total, share);
      }
    }
    String dir = settings.get(SpillDirectory.LOCAL_DIR);
    if (dir != null) {
      Path own = Path.of(dir.trim()).resolve(executorId + "-" + ProcessHandle.current().pid());
      if (!own.equals(SpillDirectory.current())) SpillDirectory.configure(own);
    }
  }
}
