package dev.ember.execution.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.ember.execution.memory.MemoryManager;
import dev.ember.execution.memory.SpillMetrics;
import dev.ember.execution.spill.SpillDirectory;
import dev.ember.execution.spill.SpillFile;
import dev.ember.testing.LeakCheckExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The leak check that runs after every test (dev.ember.testing.LeakCheckExtension, registered by
 * auto-detection): test classes that leave Arrow memory or spill files behind are run through a
 * nested JUnit launcher, which must report them failed; what a class holds across its tests on
 * purpose passes as long as the class frees it at the end.
 */
class LeakCheckExtensionTest {
  /** Only the nested launcher runs the sample classes below (they would fail on purpose). */
  private static volatile boolean sampling;
  /** What the samples leave behind, freed by the outer test. */
  private static final List<AutoCloseable> LEFT = new ArrayList<>();
  @TempDir Path dir;

  @AfterEach void freeWhatSamplesLeft() throws Exception {
    for (AutoCloseable c : LEFT) c.close();
    LEFT.clear();
  }

  private static TestExecutionSummary run(Class<?> sample) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    sampling = true;
    System.setProperty(LeakCheckExtension.GRACE_MILLIS, "100"); // the samples' leaks are not freed later
    try {
      LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(sample)).build(),
          listener);
    } finally {
      sampling = false;
      System.clearProperty(LeakCheckExtension.GRACE_MILLIS);
    }
    return listener.getSummary();
  }

  private static String failures(TestExecutionSummary s) {
    return s.getFailures().stream().map(f -> String.valueOf(f.getException().getMessage())).collect(Collectors.joining("\n"));
  }

  private static ArrowBuf leakBuffer() {
    BufferAllocator a = MemoryManager.newQueryAllocator("leak-sample");
    ArrowBuf buf = a.buffer(1024);
    LEFT.add(a);
    LEFT.add(0, buf);
    return buf;
  }

  @Test void aTestLeavingArrowMemoryFails() {
    TestExecutionSummary s = run(LeaksMemory.class);
    assertEquals(1, s.getTestsFailedCount(), failures(s));
    assertTrue(failures(s).contains("left Arrow memory (bytes) behind"), failures(s));
    assertTrue(failures(s).contains("leak-sample"), "names the allocator: " + failures(s));
  }

  @Test void aTestLeavingASpillFileFails() {
    Path before = SpillDirectory.current();
    SpillDirectory.configure(dir);
    try {
      TestExecutionSummary s = run(LeavesSpillFile.class);
      assertEquals(1, s.getTestsFailedCount(), failures(s));
      assertTrue(failures(s).contains("left spill files behind"), failures(s));
    } finally {
      SpillDirectory.configure(before);
    }
  }

  @Test void memoryHeldAcrossTestsPassesUntilTheClassEndsWithIt() {
    TestExecutionSummary s = run(HoldsAcrossTests.class);
    assertEquals(2, s.getTestsSucceededCount(), failures(s));
    assertEquals(0, s.getTestsFailedCount(), failures(s));
    assertEquals(1, s.getTotalFailureCount(), "the class itself fails: " + failures(s));
    assertTrue(failures(s).contains("after all its tests"), failures(s));
  }

  @Test void aClassFreeingWhatItHeldPasses() {
    TestExecutionSummary s = run(HoldsAndFrees.class);
    assertEquals(2, s.getTestsSucceededCount(), failures(s));
    assertEquals(0, s.getTotalFailureCount(), failures(s));
  }

  static class LeaksMemory {
    @Test void leaks() {
      assumeTrue(sampling);
      leakBuffer().setLong(0, 42);
    }
  }

  static class LeavesSpillFile {
    @Test void leaves() {
      assumeTrue(sampling);
      LEFT.add(new SpillFile("leak-sample", new Schema(List.of()), MemoryManager.root(), new SpillMetrics()));
    }
  }

  static class HoldsAcrossTests {
    @BeforeAll static void open() {
      if (sampling) leakBuffer();
    }

    @Test void first() { assumeTrue(sampling); }

    @Test void second() { assumeTrue(sampling); }
  }

  static class HoldsAndFrees {
    private static ArrowBuf held;

    @BeforeAll static void open() {
      if (sampling) held = leakBuffer();
    }

    @AfterAll static void close() {
      if (held != null) {
        held.close();
        LEFT.remove(held);
        held = null;
      }
    }

    @Test void first() { assumeTrue(sampling); }

    @Test void second() { assumeTrue(sampling); }
  }
}
