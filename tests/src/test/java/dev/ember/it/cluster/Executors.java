package dev.ember.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** Checks that a test left no executor JVM behind (and kills any it finds, so later tests are not disturbed). */
public final class Executors {
  private Executors() {}

  public static void assertNoneLeft() throws InterruptedException {
    long end = System.currentTimeMillis() + 10_000;
    List<ProcessHandle> left = alive();
    while (!left.isEmpty() && System.currentTimeMillis() < end) {
      Thread.sleep(100);
      left = alive();
    }
    left.forEach(ProcessHandle::destroyForcibly);
    assertEquals(List.of(), left.stream().map(p -> p.info().commandLine().orElse("pid " + p.pid())).toList(),
        "executor processes left behind");
  }

  /**
   * A cluster test's tear-down: closes its session (which stops its executors) and its DuckDB
   * connection, then checks that no executor JVM outlived them — also when closing failed.
   */
  public static void closeAndCheck(AutoCloseable session, AutoCloseable duck) throws Exception {
    try {
      if (session != null) session.close();
      if (duck != null) duck.close();
    } finally {
      assertNoneLeft();
    }
  }

  private static List<ProcessHandle> alive() {
    return ProcessHandle.current().descendants()
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().commandLine().orElse("").contains("ExecutorBackend"))
        .toList();
  }
}
