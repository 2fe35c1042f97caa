package dev.ember.it.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.execution.memory.MemoryManager;
import dev.ember.execution.spill.SpillDirectory;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * For tests that run one query under a small memory budget: each test spills into its own
 * temporary directory; afterwards the process's budget and spill directory are as before, and
 * no Arrow memory is left allocated.
 */
abstract class SpillSandbox {
  @TempDir Path dir;
  private Path spillDirBefore;

  @BeforeEach void ownSpillDirectory() {
    spillDirBefore = SpillDirectory.current();
    SpillDirectory.configure(dir.resolve("spill"));
  }

  @AfterEach void restore() {
    MemoryManager.reset();
    SpillDirectory.configure(spillDirBefore);
    assertEquals(0, MemoryManager.allocatedBytes(), "Arrow memory leaked");
  }
}
