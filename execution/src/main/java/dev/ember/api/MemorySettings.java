package dev.ember.api;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.execution.memory.MemoryManager;
import dev.ember.execution.memory.MemorySize;
import dev.ember.execution.spill.SpillDirectory;
import java.nio.file.Paths;

/**
 * The process-wide memory settings: a session that sets them (at creation with --conf, or with
 * SET) changes them for the whole process, since memory is one budget per process.
 */
final class MemorySettings {
  /** The settings that are the process's, not the session's. */
  static final java.util.List<String> KEYS =
      java.util.List.of(MemoryManager.OFF_HEAP_SIZE, MemoryManager.STORAGE_FRACTION, SpillDirectory.LOCAL_DIR);

  private MemorySettings() {}

  /** Applies {@code key} if it is a memory setting; other keys are ignored. */
  static void apply(String key, String value) {
    if (value == null) return;
    if (key.equals(MemoryManager.OFF_HEAP_SIZE)) {
      MemoryManager.configure(MemorySize.parse(key, value), MemoryManager.pool().storageFraction());
    } else if (key.equals(MemoryManager.STORAGE_FRACTION)) {
      double f;
      try {
        f = Double.parseDouble(value.trim());
      } catch (NumberFormatException e) {
        f = -1;
      }
      if (!(f >= 0 && f <= 1)) {
        throw new EmberException(EmberException.DATA_EXCEPTION, "setting " + key + " must be a number from 0 to 1: " + value);
      }
      MemoryManager.configure(MemoryManager.pool().total(), f);
    } else if (key.equals(SpillDirectory.LOCAL_DIR)) {
      SpillDirectory.configure(Paths.get(value.trim()));
    }
  }
}
