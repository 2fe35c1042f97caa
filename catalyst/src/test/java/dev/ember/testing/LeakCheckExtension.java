package dev.ember.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that leaves something behind: after each test every {@link LeakGauge} (Arrow
 * memory, spill files) must be back at most at its level before the test, and after a test
 * class at its level before the class. So what a class keeps open on purpose across its tests
 * (a Session made in {@code @BeforeAll}) is allowed between tests but must be gone after the
 * class. Frees that happen on other threads (a task still finishing) get a short grace period.
 *
 * <p>Registered for every test by JUnit's extension auto-detection (this module's test jar lists
 * it in {@code META-INF/services/org.junit.jupiter.api.extension.Extension}; each module's
 * {@code junit-platform.properties} turns auto-detection on). The check runs after the test's own
 * {@code @AfterEach} and the class's {@code @AfterAll} methods.
 */
public final class LeakCheckExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
    AfterEachCallback {
  /**
   * System property: how long a gauge may take to come back to its level (asynchronous frees),
   * 5,000 ms unless set (the extension's own test sets it short for the leaks it provokes).
   */
  public static final String GRACE_MILLIS = "ember.test.leakCheck.graceMillis";
  private static final List<LeakGauge> GAUGES = load();
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LeakCheckExtension.class);

  private static List<LeakGauge> load() {
    List<LeakGauge> gauges = new ArrayList<>();
    ServiceLoader.load(LeakGauge.class).forEach(gauges::add);
    return List.copyOf(gauges);
  }

  @Override public void beforeAll(ExtensionContext context) { context.getStore(NS).put("levels", levels()); }

  @Override public void beforeEach(ExtensionContext context) { context.getStore(NS).put("levels", levels()); }

  @Override public void afterEach(ExtensionContext context) {
    check(context, "test " + context.getDisplayName());
  }

  @Override public void afterAll(ExtensionContext context) {
    check(context, "test class " + context.getDisplayName() + " (after all its tests)");
  }

  private static long[] levels() {
    long[] levels = new long[GAUGES.size()];
    for (int i = 0; i < levels.length; i++) levels[i] = GAUGES.get(i).level();
    return levels;
  }

  private static void check(ExtensionContext context, String what) {
    long[] before = context.getStore(NS).remove("levels", long[].class);
    if (before == null) return;
    boolean interrupted = Thread.interrupted(); // a test's leftover interrupt must not cut the grace period short
    try {
      checkAgainst(before, what);
    } finally {
      if (interrupted) Thread.currentThread().interrupt();
    }
  }

  private static void checkAgainst(long[] before, String what) {
    long deadline = System.nanoTime() + Long.getLong(GRACE_MILLIS, 5_000) * 1_000_000;
    for (int i = 0; i < before.length; i++) {
      LeakGauge g = GAUGES.get(i);
      long now = g.level();
      while (now > before[i] && System.nanoTime() < deadline) {
        sleep();
        now = g.level();
      }
      if (now > before[i]) {
        throw new AssertionError(what + " left " + g.name() + " behind: " + now + " now, " + before[i] + " before"
            + (g.details().isEmpty() ? "" : "\n" + g.details()));
      }
    }
  }

  private static void sleep() {
    java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
  }
}
