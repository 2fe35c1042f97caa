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

  private static List<ProcessHandle> alive() {
    return ProcessHandle.current().descendants()
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().commandLine().orElse("").contains("ExecutorBackend"))
        .toList();
  }
}
