package dev.ember.execution.spill;

import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * For unit tests of spilling code: spill files go to a temporary directory of the test's own, and
 * the test's allocator must be empty at the end (closing it throws on a leak).
 */
public abstract class SpillTestBase {
  @TempDir protected Path dir;
  protected final BufferAllocator allocator = new RootAllocator();
  private Path before;

  @BeforeEach void useTempDir() {
    before = SpillDirectory.current();
    SpillDirectory.configure(dir);
  }

  @AfterEach void restore() {
    SpillDirectory.configure(before);
    allocator.close(); // throws on a leak
  }
}
